using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;
using Participation.Api.Tests.Infrastructure;
using Participation.Api.Tests.Security;
using Participation.Demo;
using Xunit.Abstractions;

namespace Participation.Api.Tests.Tenancy;

/// <summary>
/// Issue 19's isolation proof through the API, generated from the committed contract: every operation is called on city A's
/// host, with city B's ids in its path and plausible bodies made of B's resources, as A's admin, A's API client (where its
/// scopes reach) and anonymously. No answer is a success on B's rows, none is a 5xx, none holds anything of B's; B's rows
/// are the same afterwards. An operation with a path parameter this test cannot fill with a row of B fails it, so that
/// every new endpoint comes into the sweep.
/// </summary>
[Collection(IsolationCollection.Name)]
public sealed partial class ApiIsolationTests(IsolationFactory api, ITestOutputHelper output)
{
    private static readonly Guid B = IsolationFactory.CityB;
    private static readonly Guid A = IsolationFactory.CityA;

    /// <summary>
    /// Where a path parameter's value of city B comes from, by the parameter and the collection before it: a resource of
    /// the fixture's city B, else a row of B's read as the owner (slugs: one that city A does not have).
    /// </summary>
    private Dictionary<string, Func<string, Task<string?>>> Sources()
    {
        var w = api.B;
        Func<string, Task<string?>> Fixed(Guid id) => _ => Task.FromResult<string?>(id.ToString());
        Func<string, Task<string?>> Row(string sql) => _ => FirstAsync(sql);
        return new(StringComparer.Ordinal)
        {
            ["api-clients/{id}"] = Row("SELECT id::text FROM api_clients WHERE city_id = @B AND revoked_at IS NULL"),
            ["areas/{id}"] = Row("SELECT id::text FROM areas WHERE city_id = @B"),
            ["officials/{userId}"] = Row("SELECT user_id::text FROM user_roles WHERE city_id = @B AND role = 'elected_official'"),
            ["ideas/{id}"] = Fixed(w.Idea),
            ["ideas/{ideaId}"] = Fixed(w.Idea),
            ["projects/{id}"] = Fixed(w.C.P1),
            ["phases/{id}"] = path =>
                path.Contains("poll", StringComparison.Ordinal) ? Task.FromResult<string?>(w.PollPhase.ToString())
                : path.Contains("surve", StringComparison.Ordinal) || path.Contains("respon", StringComparison.Ordinal)
                    ? Task.FromResult<string?>(w.SurveyPhase.ToString())
                : path.Contains("vote", StringComparison.Ordinal)
                    ? FirstAsync("SELECT id::text FROM phases WHERE city_id = @B AND method = 'voting'")
                : path.Contains("budget", StringComparison.Ordinal)
                    ? FirstAsync("SELECT id::text FROM phases WHERE city_id = @B AND method = 'budgeting'")
                : Task.FromResult<string?>(w.C.Phase1.ToString()),
            ["phases/{phaseId}"] = Fixed(w.C.Phase1),
            ["campaigns/{id}"] = Row("SELECT id::text FROM campaigns WHERE city_id = @B"),
            ["comments/{id}"] = Fixed(w.Comment),
            ["feeds/{token}"] = _ => Task.FromResult<string?>(api.BFeedToken),
            ["departments/{id}"] = Fixed(w.C.City.D2),
            ["events/{id}"] = Fixed(w.CalendarEvent),
            ["events/by-slug/{slug}"] = Row(
                "SELECT slug FROM calendar_events WHERE city_id = @B AND slug NOT IN (SELECT slug FROM calendar_events WHERE city_id = @A)"
            ),
            ["exports/{id}"] = Row("SELECT id::text FROM exports WHERE city_id = @B"),
            ["attachments/{attachmentId}"] = Row("SELECT id::text FROM idea_attachments WHERE city_id = @B"),
            ["feedback-templates/{id}"] = Fixed(w.FeedbackTemplate),
            ["invitations/{id}"] = Fixed(w.Invitation),
            ["data-exports/{id}"] = Row("SELECT id::text FROM personal_data_exports WHERE city_id = @B"),
            ["media/{key}"] = Row("SELECT key FROM media WHERE city_id = @B"),
            ["organisations/{id}"] = Fixed(w.Organisation),
            ["members/{userId}"] = Fixed(w.C.ResidentA.Id),
            ["pages/by-slug/{slug}"] = Row(
                "SELECT slug FROM page_slugs WHERE city_id = @B AND slug NOT IN (SELECT slug FROM page_slugs WHERE city_id = @A)"
            ),
            ["pages/{id}"] = Row("SELECT page_id::text FROM page_slugs WHERE city_id = @B AND slug = 'zzb-marker'"),
            ["people/{id}"] = Fixed(w.C.ResidentA.Id),
            ["avatars/{key}"] = Row("SELECT avatar_key FROM users WHERE city_id = @B AND avatar_key IS NOT NULL"),
            ["projects/by-slug/{slug}"] = Row(
                "SELECT slug FROM projects WHERE city_id = @B AND slug NOT IN (SELECT slug FROM projects WHERE city_id = @A)"
            ),
            ["projects/by-slug/{projectSlug}"] = Row(
                "SELECT p.slug FROM projects p JOIN ideas i ON i.project_id = p.id WHERE p.city_id = @B"
            ),
            ["ideas/{slug}"] = Row("SELECT i.slug FROM projects p JOIN ideas i ON i.project_id = p.id WHERE p.city_id = @B"),
            ["moderators/{userId}"] = Fixed(w.C.Moderator1.Id),
            ["survey-questions/{id}"] = Fixed(w.Question),
            ["topics/{id}"] = Row("SELECT id::text FROM topics WHERE city_id = @B"),
            ["users/{id}"] = Fixed(w.Target),
            ["users/{userId}"] = Fixed(w.Target),
            ["roles/{grantId}"] = Fixed(w.Grant),
            ["webhooks/{id}"] = Fixed(w.Webhook),
            ["deliveries/{deliveryId}"] = Row("SELECT id::text FROM webhook_deliveries WHERE city_id = @B"),
            ["widgets/{id}"] = Row("SELECT id::text FROM widgets WHERE city_id = @B"),
            ["grants/{id}"] = Row("SELECT id::text FROM support_grants WHERE city_id = @B"),
            // The vendor's console: outside any city, refused to every city's people and clients whatever the city.
            ["cities/{id}"] = _ => Task.FromResult<string?>(IsolationFactory.CityB.ToString()),
            ["operators/{id}"] = _ => Task.FromResult<string?>(Guid.NewGuid().ToString()), // the vendor's people: no city's
        };
    }

    // Calls that would end city A's actors' sessions or accounts (not about city B's rows).
    private static readonly string[] Spared = ["POST /api/v1/me/deletion", "POST /api/v1/auth/logout"];

    // Idempotent by design for any id, of this city or none (an unknown id answers as an already-done one): it reveals nothing,
    // and B's rows being unchanged after the sweep shows it did nothing to them.
    private static readonly string[] SucceedsForAnyId = ["DELETE /api/v1/users/{userId}/block"];

    [Fact]
    public async Task Every_operation_on_city_A_s_host_with_city_B_s_ids_succeeds_on_none_and_shows_nothing_of_city_B()
    {
        var started = DateTime.UtcNow;
        var document = await api.CommittedOpenApiAsync();
        var schemas = new ContractSchemas(document, api.B);
        var sources = Sources();
        var before = await api.ChecksumsAsync(B);
        var anonymous = api.CreateClient();
        var failures = new List<string>();
        var unmapped = new List<string>();
        var withoutRowInB = new SortedSet<string>(StringComparer.Ordinal);
        var (operations, withIds, calls) = (0, 0, 0);

        // The operations on B's ids first: the others may change city A's own state.
        var all = document["paths"]!
            .AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key.ToUpperInvariant(), Operation: o.Value!)))
            .OrderBy(o => o.Path.Contains('{') ? 0 : 1)
            .ToList();
        foreach (var (path, method, operation) in all)
        {
            operations++;
            if (Spared.Contains($"{method} {path}"))
                continue;
            var (url, missing, noRow) = await UrlAsync(path, sources);
            if (missing.Count > 0)
            {
                unmapped.AddRange(missing.Select(m => $"{method} {path}: {m}"));
                continue;
            }
            withoutRowInB.UnionWith(noRow);
            var hasIds = path.Contains('{');
            if (hasIds)
                withIds++;
            var security = operation["security"]?.ToJsonString() ?? "";
            var callers = new List<(string Name, HttpClient Client)> { ("admin A", api.AdminA), ("anonymous", anonymous) };
            if (security.Contains("OAuth2", StringComparison.Ordinal))
                callers.Add(("API client A", api.ClientA));
            foreach (var (who, client) in callers)
            {
                var content = Body(operation, schemas, url);
                var sent = url + (content is null ? "" : await content.ReadAsStringAsync());
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = content };
                var response = await client.SendAsync(request);
                calls++;
                var text = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                var leaks = Leaks(text, sent);
                if (
                    status >= 500
                    || (hasIds && noRow.Count == 0 && response.IsSuccessStatusCode && !SucceedsForAnyId.Contains($"{method} {path}"))
                    || leaks.Count > 0
                )
                    failures.Add(
                        $"{method} {path} as {who} → {status}{(leaks.Count > 0 ? $", shows B's {string.Join(", ", leaks)}" : "")}: "
                            + text[..Math.Min(text.Length, 300)]
                    );
            }
        }

        output.WriteLine(
            $"{operations} operations ({withIds} with path parameters, all filled with B's rows but for {withoutRowInB.Count}: "
                + $"{string.Join(", ", withoutRowInB)}), {calls} calls in {(DateTime.UtcNow - started).TotalSeconds:0.0} s"
        );
        Assert.True(
            unmapped.Count == 0,
            "path parameters with no source of city B's rows (add them to Sources):\n" + string.Join("\n", unmapped)
        );
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls:\n" + string.Join("\n", failures));
        await api.AssertUnchangedAsync(B, before, "the sweep on city A's host");
        Assert.True(operations > 240 && withIds > 140, $"{operations} operations, {withIds} with ids");
        Assert.True(withoutRowInB.Count == 0, $"no row of B's for {string.Join(", ", withoutRowInB)}: fill them in IsolationFactory");
    }

    [Fact]
    public async Task City_B_s_people_and_API_clients_cannot_sign_in_on_city_A_s_host()
    {
        var login = await api.CreateClient()
            .PostJsonAsync("/api/v1/auth/login", new { email = "admin@demo.participation.test", password = DemoSeed.Password });
        var token = await api.CreateClient()
            .PostAsync(
                "/api/v1/oauth/token",
                new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        ["grant_type"] = "client_credentials",
                        ["client_id"] = api.BClient.Id.ToString(),
                        ["client_secret"] = api.BClient.Secret,
                    }
                )
            );
        var clientOfB = api.CreateClient();
        clientOfB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.BClientToken);

        await login.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await clientOfB.GetAsync("/api/v1/projects")).StatusCode);
    }

    private async Task<(string Url, List<string> Missing, List<string> NoRow)> UrlAsync(
        string path,
        Dictionary<string, Func<string, Task<string?>>> sources
    )
    {
        var segments = path.Split('/');
        var (missing, noRow) = (new List<string>(), new List<string>());
        for (var i = 0; i < segments.Length; i++)
        {
            var match = Parameter().Match(segments[i]);
            if (!match.Success)
                continue;
            var collection = segments[i - 1] == "by-slug" ? $"{segments[i - 2]}/by-slug" : segments[i - 1];
            var key = $"{collection}/{{{match.Groups[1].Value}}}";
            if (!sources.TryGetValue(key, out var source))
            {
                missing.Add(key);
                continue;
            }
            var value = await source(path);
            if (value is null)
                noRow.Add(key);
            segments[i] = segments[i]
                .Replace(match.Value, Uri.EscapeDataString(value ?? Guid.NewGuid().ToString()), StringComparison.Ordinal);
        }
        return (string.Join('/', segments), missing, noRow);
    }

    private static HttpContent? Body(JsonNode operation, ContractSchemas schemas, string url)
    {
        var content = operation["requestBody"]?["content"]?.AsObject();
        if (content is null)
            return null;
        if (content["application/json"]?["schema"] is { } schema)
            return Http.Json(schemas.Plausible(schema, url)?.ToJsonString() ?? "{}");
        if (content.ContainsKey("application/x-www-form-urlencoded"))
            return new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" });
        return new MultipartFormDataContent { { new ByteArrayContent([0x89, 0x50, 0x4e, 0x47]), "file", "image.png" } };
    }

    /// <summary>What of B's the answer holds that the request did not send (a problem's instance repeats the path).</summary>
    private List<string> Leaks(string text, string sent)
    {
        var found = api
            .BStrings.Where(s => text.Contains(s, StringComparison.OrdinalIgnoreCase))
            .Where(s => !sent.Contains(s, StringComparison.OrdinalIgnoreCase))
            .ToList();
        found.AddRange(
            Uuid()
                .Matches(text)
                .Select(m => m.Value.ToLowerInvariant())
                .Where(id => api.BIds.Contains(id) && !sent.Contains(id, StringComparison.OrdinalIgnoreCase))
                .Distinct()
                .Take(3)
        );
        return found;
    }

    private async Task<string?> FirstAsync(string sql)
    {
        await using var owner = new NpgsqlConnection(api.OwnerConnectionString);
        return await owner.QueryFirstOrDefaultAsync<string>(sql + " LIMIT 1", new { A, B });
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Uuid();
}
