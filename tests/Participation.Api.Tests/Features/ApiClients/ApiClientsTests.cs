using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.ApiClients;

/// <summary>Managing API clients (admins and the IT manager): scopes, secrets shown once, rotation, revocation, audit.</summary>
public sealed class ApiClientsTests(ApiFactory api) : ApiTest(api)
{
    private async Task<HttpClient> ManagerAsync(string role = "it_manager") => Api.ClientFor((await Api.CreateUserAsync(role: role)).Id);

    private static object NewClient(string name = "Gestion des demandes", params string[] scopes) =>
        new
        {
            name,
            description = "Le logiciel de gestion des demandes de la ville",
            scopes = scopes.Length == 0 ? ["ideas:read", "ideas:feedback"] : scopes,
            rateLimitPerMinute = 120,
        };

    [Fact]
    public async Task The_IT_manager_creates_a_client_whose_secret_is_shown_once_and_stored_only_as_a_digest()
    {
        var manager = await ManagerAsync();

        var response = await manager.PostJsonAsync("/api/v1/api-clients", NewClient());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var secret = body["clientSecret"]!.GetValue<string>();
        var id = body["client"]!["id"]!.GetValue<Guid>();
        Assert.StartsWith("pcs_", secret);
        Assert.Equal(id.ToString(), body["clientId"]!.GetValue<string>());
        Assert.Equal(["ideas:read", "ideas:feedback"], body["client"]!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(secret[^4..], body["client"]!["secrets"]![0]!["hint"]!.GetValue<string>());
        // Never again: neither the list nor the client carries it, and the database holds its SHA-256 only.
        var list = await (await manager.GetAsync("/api/v1/api-clients")).Content.ReadAsStringAsync();
        var one = await (await manager.GetAsync($"/api/v1/api-clients/{id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, list);
        Assert.DoesNotContain(secret, one);
        Assert.Equal(
            1,
            await Api.ScalarAsync<long>(
                "SELECT count(*) FROM api_client_secrets WHERE client_id = @id AND hash = sha256(convert_to(@secret, 'UTF8'))",
                new { id, secret }
            )
        );
        Assert.Equal(
            "api_client.created",
            await Api.ScalarAsync<string>("SELECT action FROM audit_log WHERE target_id = @Id", new { Id = id.ToString() })
        );
    }

    [Fact]
    public async Task Bad_input_is_refused_and_nothing_is_written()
    {
        var manager = await ManagerAsync("admin");

        await (
            await manager.PostJsonAsync("/api/v1/api-clients", new { name = "", scopes = new[] { "ideas:read" } })
        ).AssertFieldErrorsAsync("name");
        await (
            await manager.PostJsonAsync("/api/v1/api-clients", new { name = "X", scopes = Array.Empty<string>() })
        ).AssertFieldErrorsAsync("scopes");
        await (
            await manager.PostJsonAsync("/api/v1/api-clients", new { name = "X", scopes = new[] { "admin:all" } })
        ).AssertFieldErrorsAsync("scopes");
        await (
            await manager.PostJsonAsync(
                "/api/v1/api-clients",
                new
                {
                    name = "X",
                    scopes = new[] { "ideas:read" },
                    rateLimitPerMinute = 0,
                }
            )
        ).AssertFieldErrorsAsync("rateLimitPerMinute");
        await (
            await manager.PostJsonAsync("/api/v1/api-clients", new { name = "X\u0007", scopes = new[] { "ideas:read" } })
        ).AssertFieldErrorsAsync("name");
        Assert.Equal(0, await Api.CountAsync("api_clients"));

        var created = (await (await manager.PostJsonAsync("/api/v1/api-clients", NewClient())).ReadJsonAsync())["client"]!["id"]!;
        await (
            await manager.PostJsonAsync($"/api/v1/api-clients/{created}/rotate-secret", new { overlapHours = 169 })
        ).AssertFieldErrorsAsync("overlapHours");
        // Two live clients never share a name.
        var duplicate = await manager.PostJsonAsync("/api/v1/api-clients", NewClient("gestion des DEMANDES"));
        Assert.NotNull((await duplicate.AssertProblemAsync(HttpStatusCode.Conflict))["errors"]!["name"]);
        Assert.Equal(1, await Api.CountAsync("api_clients"));
        Assert.Equal(1, await Api.CountAsync("api_client_secrets"));
    }

    [Fact]
    public async Task Editing_changes_scopes_and_limit_and_records_what_changed()
    {
        var manager = await ManagerAsync();
        var id = (await (await manager.PostJsonAsync("/api/v1/api-clients", NewClient())).ReadJsonAsync())["client"]![
            "id"
        ]!.GetValue<Guid>();

        var response = await manager.PutAsJsonAsync(
            $"/api/v1/api-clients/{id}",
            new
            {
                name = "Portail open data",
                scopes = new[] { "projects:read" },
                rateLimitPerMinute = 30,
            }
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Portail open data", body["name"]!.GetValue<string>());
        Assert.Equal(30, body["rateLimitPerMinute"]!.GetValue<int>());
        var after = JsonNode.Parse(
            await Api.ScalarAsync<string>(
                "SELECT after::text FROM events WHERE type = 'api_client.edited' AND subject_id = @Id",
                new { Id = id.ToString() }
            )
        )!;
        Assert.Equal(["projects:read"], after["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(30, after["rateLimitPerMinute"]!.GetValue<int>());
        Assert.Equal("", after["description"]!.GetValue<string>());
        Assert.Equal("Portail open data", after["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rotating_keeps_the_previous_secret_working_for_the_overlap_then_an_immediate_rotation_ends_it_and_its_tokens()
    {
        var manager = await ManagerAsync();
        var created = await (await manager.PostJsonAsync("/api/v1/api-clients", NewClient(scopes: "projects:read"))).ReadJsonAsync();
        var client = new TestApiClient(created["client"]!["id"]!.GetValue<Guid>(), created["clientSecret"]!.GetValue<string>());
        var firstToken = await Api.TokenAsync(client);

        var rotated = await (await manager.PostJsonAsync($"/api/v1/api-clients/{client.Id}/rotate-secret", new { })).ReadJsonAsync();

        var second = client with { Secret = rotated["clientSecret"]!.GetValue<string>() };
        Assert.NotEqual(client.Secret, second.Secret);
        var overlapEnd = rotated["previousSecretsExpireAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(overlapEnd, DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(25));
        Assert.Equal(HttpStatusCode.OK, (await Api.RequestTokenAsync(client.Id.ToString(), client.Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.RequestTokenAsync(client.Id.ToString(), second.Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(firstToken).GetAsync("/api/v1/projects")).StatusCode);

        // A leak: rotate again with no overlap. Both earlier secrets stop at once, and so do the tokens obtained with them.
        var third = await (
            await manager.PostJsonAsync($"/api/v1/api-clients/{client.Id}/rotate-secret", new { overlapHours = 0 })
        ).ReadJsonAsync();

        foreach (var old in new[] { client.Secret, second.Secret })
            Assert.Equal(HttpStatusCode.Unauthorized, (await Api.RequestTokenAsync(client.Id.ToString(), old)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(firstToken).GetAsync("/api/v1/projects")).StatusCode);
        Assert.Equal(
            HttpStatusCode.OK,
            (await Api.RequestTokenAsync(client.Id.ToString(), third["clientSecret"]!.GetValue<string>())).StatusCode
        );
        Assert.Equal(2, await Api.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'api_client.secret_rotated'"));
    }

    [Fact]
    public async Task Revoking_a_client_ends_its_secrets_and_the_tokens_it_holds_at_once()
    {
        var manager = await ManagerAsync("admin");
        var created = await (await manager.PostJsonAsync("/api/v1/api-clients", NewClient(scopes: "projects:read"))).ReadJsonAsync();
        var client = new TestApiClient(created["client"]!["id"]!.GetValue<Guid>(), created["clientSecret"]!.GetValue<string>());
        var token = await Api.TokenAsync(client);

        var revoked = await (await manager.PostAsync($"/api/v1/api-clients/{client.Id}/revoke", null)).ReadJsonAsync();

        Assert.NotNull(revoked["revokedAt"]);
        Assert.All(revoked["secrets"]!.AsArray(), s => Assert.False(s!["active"]!.GetValue<bool>()));
        var refused = await Bearer(token).GetAsync("/api/v1/projects");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.RequestTokenAsync(client.Id.ToString(), client.Secret)).StatusCode);
        // A revoked client is kept (the audit log names it) and can no longer be changed; revoking again is harmless.
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await manager.PostJsonAsync($"/api/v1/api-clients/{client.Id}/rotate-secret", new { })).StatusCode
        );
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/api-clients/{client.Id}/revoke", null)).StatusCode);
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'api_client.revoked'"));
        // Its name is free again for a new client.
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJsonAsync("/api/v1/api-clients", NewClient())).StatusCode);
    }

    [Fact]
    public async Task A_feedback_client_answers_an_idea_and_appears_in_the_audit_log_as_itself()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var manager = await ManagerAsync();
        var created = await (
            await manager.PostJsonAsync("/api/v1/api-clients", NewClient("Gestion des demandes", "ideas:read", "ideas:feedback"))
        ).ReadJsonAsync();
        var client = new TestApiClient(created["client"]!["id"]!.GetValue<Guid>(), created["clientSecret"]!.GetValue<string>());
        var http = await Api.ClientForApiClientAsync(client);

        var response = await http.PostJsonAsync(
            $"/api/v1/ideas/{idea}/status",
            new { status = "under_consideration", feedback = "Transmis au service des espaces verts." }
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("under_consideration", (await response.ReadJsonAsync())["status"]!.GetValue<string>());
        var log = await (await c.Admin.GetAsync("/api/v1/audit-log?action=idea.status_changed")).ReadJsonAsync();
        var entry = Assert.Single(log["items"]!.AsArray())!;
        Assert.Equal("client", entry["actorType"]!.GetValue<string>());
        Assert.Null(entry["actor"]);
        Assert.Equal("Gestion des demandes", entry["client"]!["name"]!.GetValue<string>());
        Assert.Equal(
            client.Id,
            await Api.ScalarAsync<Guid>(
                "SELECT changed_by_client FROM idea_status_changes WHERE idea_id = @idea AND to_status = 'under_consideration'",
                new { idea }
            )
        );

        // A client that may only read cannot write, even where a person could.
        var reader = await Api.ClientForApiClientAsync(await Api.CreateApiClientAsync("ideas:read"));
        var refused = await reader.PostJsonAsync($"/api/v1/ideas/{idea}/status", new { status = "accepted" });
        Assert.Equal("insufficient_scope", (await refused.AssertProblemAsync(HttpStatusCode.Forbidden))["reason"]!.GetValue<string>());
        var comment = await reader.PostJsonAsync($"/api/v1/ideas/{idea}/comments", new { body = "Je suis un robot" });
        Assert.Equal(HttpStatusCode.Forbidden, comment.StatusCode);
        Assert.Equal(
            1,
            await Api.ScalarAsync<long>(
                "SELECT count(*) FROM idea_status_changes WHERE idea_id = @idea AND changed_by IS NULL",
                new { idea }
            )
        );
    }

    [Fact]
    public async Task Each_client_has_its_own_rate_limit()
    {
        var manager = await ManagerAsync();
        var created = await (
            await manager.PostJsonAsync(
                "/api/v1/api-clients",
                new
                {
                    name = "Petit client",
                    scopes = new[] { "projects:read" },
                    rateLimitPerMinute = 3,
                }
            )
        ).ReadJsonAsync();
        var client = new TestApiClient(created["client"]!["id"]!.GetValue<Guid>(), created["clientSecret"]!.GetValue<string>());
        var http = await Api.ClientForApiClientAsync(client);
        var other = await Api.ClientForApiClientAsync(await Api.CreateApiClientAsync("projects:read"));

        // 7 calls over at most two one-minute windows: one window holds at least 4, one more than the limit.
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 7; i++)
        {
            var response = await http.GetAsync("/api/v1/projects");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                limited ??= response;
        }

        Assert.NotNull(limited);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/projects")).StatusCode);
        Assert.Contains(HttpStatusCode.OK, statuses);
    }

    private HttpClient Bearer(string token)
    {
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
