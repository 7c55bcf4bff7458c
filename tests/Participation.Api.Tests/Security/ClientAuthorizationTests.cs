using System.Net;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Security;

/// <summary>
/// API clients as actors in the authorization matrix (QUALITY.md §2), for every operation of the contract: an operation
/// that does not name a client scope refuses every client (even one holding every scope), one that does refuses a client
/// without its scope, and lets a client holding it through (what it may then do is the operation's own rule: as a
/// visitor for public reads). A revoked client's token is a 401 everywhere.
/// </summary>
public sealed class ClientAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] AnonymousConsoleForms =
    [
        "/api/v1/operator/auth/login",
        "/api/v1/operator/invitations/lookup",
        "/api/v1/operator/invitations/accept",
    ];

    private static readonly string[] AllScopes =
    [
        "projects:read",
        "ideas:read",
        "results:read",
        "statistics:read",
        "webhooks:manage",
        "ideas:feedback",
    ];

    [Fact]
    public async Task Every_operation_refuses_clients_it_does_not_name_and_lets_through_those_it_does()
    {
        var world = await RealResources.CreateAsync(Api);
        var document = JsonNode.Parse(await Api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var everything = await Api.ClientForApiClientAsync(await Api.CreateApiClientAsync(AllScopes));
        var clientsByScope = new Dictionary<string, HttpClient>();
        foreach (var scope in AllScopes)
            clientsByScope[scope] = await Api.ClientForApiClientAsync(await Api.CreateApiClientAsync(scope));
        var failures = new List<string>();
        var open = 0;
        var closed = 0;

        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            var url = world.Url(path);
            var accepted = (operation!["security"]?.AsArray() ?? [])
                .SelectMany(r => r!.AsObject())
                .Where(r => r.Key == "OAuth2")
                .SelectMany(r => r.Value!.AsArray().Select(s => s!.GetValue<string>()))
                .ToHashSet();
            async Task<HttpResponseMessage> Send(HttpClient client)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
                if (operation["requestBody"]?["content"]?["multipart/form-data"] is not null)
                    request.Content = new MultipartFormDataContent { { new StringContent("x"), "file", "x.txt" } };
                else if (method is "post" or "put" or "patch")
                    request.Content = Http.Json("{}");
                return await client.SendAsync(request);
            }
            async Task<(int Status, bool ScopeRefusal)> Answer(HttpClient client)
            {
                var response = await Send(client);
                var body = await response.Content.ReadAsStringAsync();
                return (
                    (int)response.StatusCode,
                    response.StatusCode == HttpStatusCode.Forbidden && body.Contains("\"insufficient_scope\"")
                );
            }
            if (path == "/api/v1/oauth/token")
                continue; // the client authenticates in the request itself (ApiClientTokenTests)
            // The console's anonymous forms (its sign-in, an invitation's page) refuse clients as the city's anonymous forms do.
            if (path.StartsWith("/api/v1/operator/", StringComparison.Ordinal) && !AnonymousConsoleForms.Contains(path))
            {
                // The vendor's console knows no city's clients: their token is no operator's (401).
                closed++;
                var (status, _) = await Answer(everything);
                if (status != 401)
                    failures.Add($"{method.ToUpperInvariant()} {path}: a client with every scope got {status} from the console");
                continue;
            }
            if (accepted.Count == 0)
            {
                closed++;
                var (status, refused) = await Answer(everything);
                if (!refused)
                    failures.Add($"{method.ToUpperInvariant()} {path}: a client with every scope got {status}, not 403 insufficient_scope");
                continue;
            }
            open++;
            foreach (var (scope, client) in clientsByScope)
            {
                var (status, refused) = await Answer(client);
                if (accepted.Contains(scope) ? refused || status is 401 or >= 500 : !refused)
                    failures.Add($"{method.ToUpperInvariant()} {path} [{scope}]: {status} (accepts {string.Join(", ", accepted)})");
            }
        }

        Assert.True(open >= 15 && closed >= 60, $"{open} operations open to clients, {closed} closed");
        Assert.True(failures.Count == 0, $"{failures.Count} wrong answers:\n" + string.Join("\n", failures.Take(40)));
        Api.Contract.Take(); // the bodies sent are empty ({}): the point is who gets through, not the answers' shapes
    }

    /// <summary>The reviewed surface open to clients: any change to it must change this list.</summary>
    [Fact]
    public async Task The_operations_open_to_clients_are_exactly_these()
    {
        var document = JsonNode.Parse(await Api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

        var open = document["paths"]!
            .AsObject()
            .SelectMany(p =>
                p.Value!.AsObject()
                    .Select(o =>
                        (
                            Operation: $"{o.Key.ToUpperInvariant()} {p.Key}",
                            Scopes: (o.Value!["security"]?.AsArray() ?? [])
                                .SelectMany(r => r!.AsObject())
                                .Where(r => r.Key == "OAuth2")
                                .SelectMany(r => r.Value!.AsArray().Select(s => s!.GetValue<string>()))
                                .ToList()
                        )
                    )
            )
            .Where(o => o.Scopes.Count > 0)
            .Select(o => $"{o.Operation}: {string.Join(" ", o.Scopes)}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            new[]
            {
                "GET /api/v1/changes: projects:read ideas:read",
                "GET /api/v1/changes/cursor: projects:read ideas:read",
                "GET /api/v1/comments/{id}/replies: ideas:read",
                "GET /api/v1/areas: projects:read ideas:read",
                "GET /api/v1/departments: projects:read ideas:read",
                "GET /api/v1/topics: projects:read ideas:read",
                // Events with calendars: public reads, as for projects.
                "GET /api/v1/events: projects:read",
                "GET /api/v1/events/calendar.ics: projects:read",
                "GET /api/v1/events/{id}: projects:read",
                "GET /api/v1/events/by-slug/{slug}: projects:read",
                "GET /api/v1/events/{id}.ics: projects:read",
                "GET /api/v1/projects/{id}/events.ics: projects:read",
                "GET /api/v1/figures: statistics:read",
                "GET /api/v1/ideas/{id}: ideas:read",
                "GET /api/v1/ideas/{id}/comments: ideas:read",
                "GET /api/v1/ideas/{id}/attachments/{attachmentId}: ideas:read",
                "GET /api/v1/ideas/{id}/attachments/{attachmentId}/thumbnail: ideas:read",
                "GET /api/v1/media/{key}: projects:read ideas:read results:read",
                "GET /api/v1/avatars/{key}: ideas:read",
                "GET /api/v1/organisations: ideas:read",
                "GET /api/v1/organisations/{id}: ideas:read",
                "GET /api/v1/phases/{id}/budget-results: results:read",
                "GET /api/v1/phases/{id}/survey: projects:read",
                "GET /api/v1/phases/{id}/survey-results: results:read",
                "GET /api/v1/phases/{id}/vote-results: results:read",
                "GET /api/v1/platform: projects:read ideas:read results:read",
                "GET /api/v1/platform/favicon: projects:read ideas:read results:read",
                "GET /api/v1/platform/logo: projects:read ideas:read results:read",
                "GET /api/v1/projects: projects:read",
                "GET /api/v1/projects/{id}: projects:read",
                "GET /api/v1/projects/by-slug/{slug}: projects:read",
                "GET /api/v1/projects/by-slug/{projectSlug}/ideas/{slug}: ideas:read",
                "GET /api/v1/projects/{id}/actions: projects:read",
                "GET /api/v1/projects/{id}/ideas: ideas:read",
                "GET /api/v1/projects/{id}/image: projects:read",
                "GET /api/v1/users/{id}: ideas:read",
                "POST /api/v1/ideas/{id}/status: ideas:feedback",
                // A client's own webhooks (another client's answer 404).
                "GET /api/v1/webhooks: webhooks:manage",
                "POST /api/v1/webhooks: webhooks:manage",
                "GET /api/v1/webhooks/{id}: webhooks:manage",
                "PUT /api/v1/webhooks/{id}: webhooks:manage",
                "DELETE /api/v1/webhooks/{id}: webhooks:manage",
                "POST /api/v1/webhooks/{id}/rotate-secret: webhooks:manage",
                "POST /api/v1/webhooks/{id}/enable: webhooks:manage",
                "POST /api/v1/webhooks/{id}/disable: webhooks:manage",
                "POST /api/v1/webhooks/{id}/test: webhooks:manage",
                "GET /api/v1/webhooks/{id}/deliveries: webhooks:manage",
                "POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/replay: webhooks:manage",
            }.Order(StringComparer.Ordinal),
            open
        );
    }
}
