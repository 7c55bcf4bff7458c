using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Figures;

/// <summary>
/// The catalogue of figures: each counts what its definition says, per scope and period against the previous period;
/// the dashboard shows the same values as the figures endpoint; who reads which scope (read-only); bad input.
/// </summary>
public sealed class FiguresTests(ApiFactory api) : ApiTest(api)
{
    private static decimal? Value(JsonNode answer, string key, string field = "value") =>
        answer["figures"]!.AsArray().Single(f => f!["key"]!.GetValue<string>() == key)![field] is { } v ? v.GetValue<decimal>() : null;

    private static async Task<JsonNode> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(
            response.StatusCode == HttpStatusCode.OK,
            $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        return await response.ReadJsonAsync();
    }

    private async Task<HttpClient> OfficialAsync(Guid? department)
    {
        var user = await Api.CreateUserAsync(firstName: "Élu", lastName: "Communal");
        await using var connection = await Api.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO user_roles (id, user_id, role, scope_type, scope_id, department_id)
            VALUES (gen_random_uuid(), @Id, 'elected_official', CASE WHEN @Department::uuid IS NULL THEN 'platform' ELSE 'department' END,
                    @Department, @Department);
            """,
            new { user.Id, Department = department }
        );
        return Api.ClientFor(user.Id);
    }

    [Fact]
    public async Task Each_figure_counts_what_its_definition_says_by_scope_and_against_the_previous_period()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var answered = await c.IdeaAsync(c.A, title: "Des bancs au parc");
        var waiting = await c.IdeaAsync(c.A, title: "Une fontaine");
        var old = await c.IdeaAsync(c.B, title: "Un kiosque");
        await c.IdeaAsync(c.B, c.P2, "Un atelier de théâtre");
        await c.CommentAsync(c.B, answered);
        (await c.B.PutAsJsonAsync($"/api/v1/ideas/{answered}/reaction", new { kind = "like" })).EnsureSuccessStatusCode();
        (
            await c.Mod1.PostJsonAsync($"/api/v1/ideas/{answered}/status", new { status = "under_consideration", feedback = "Étudiée." })
        ).EnsureSuccessStatusCode();
        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync(
                """
                UPDATE ideas SET created_at = now() - interval '120 days' WHERE id = @Old;
                UPDATE ideas SET created_at = now() - interval '40 days' WHERE id = @Waiting;
                """,
                new { Old = old, Waiting = waiting }
            );

        var platform = await GetAsync(c.Admin, "/api/v1/figures?scopeType=platform");
        Assert.Equal(2, Value(platform, "participants")); // A (ideas) and B (ideas, comment, reaction) in the last 91 days
        Assert.Equal(3, Value(platform, "ideas"));
        Assert.Equal(1, Value(platform, "ideas", "previous")); // the one posted 120 days ago
        Assert.Equal(1, Value(platform, "participants", "previous"));
        Assert.Equal(1, Value(platform, "comments"));
        Assert.Equal(1, Value(platform, "reactions"));
        Assert.Equal(1, Value(platform, "official_answers"));
        Assert.Equal(2, Value(platform, "waiting_for_answer")); // posted 40 and 120 days ago, unanswered
        long users;
        await using (var connection = await Api.OpenAsync())
            users = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE created_at >= now() - interval '92 days'");
        Assert.Equal(users, Value(platform, "registrations"));
        Assert.Equal(3, platform["weeks"]!.AsArray().Sum(w => w!["ideas"]!.GetValue<int>()));
        Assert.False(string.IsNullOrWhiteSpace(platform["figures"]![0]!["definition"]!.GetValue<string>()));

        var d1 = await GetAsync(c.Admin, $"/api/v1/figures?scopeType=department&scopeId={c.City.D1}");
        Assert.Equal(2, Value(d1, "participants"));
        Assert.Equal(2, Value(d1, "ideas"));
        Assert.Null(Value(d1, "registrations"));
        var p2 = await GetAsync(c.Admin, $"/api/v1/figures?scopeType=project&scopeId={c.P2}");
        Assert.Equal(1, Value(p2, "participants"));
        Assert.Equal(1, Value(p2, "ideas"));
        Assert.Equal(0, Value(p2, "comments"));

        var waitingTen = await GetAsync(c.Admin, $"/api/v1/figures?scopeType=project&scopeId={c.P1}&waitingDays=100");
        Assert.Equal(1, Value(waitingTen, "waiting_for_answer")); // only the 120-day-old one

        // The dashboard shows the same figures as the figures endpoint, for the same scope and period.
        var dashboard = await GetAsync(c.Admin, $"/api/v1/dashboard?scopeType=department&scopeId={c.City.D1}");
        Assert.Equal(d1["figures"]!.ToJsonString(), dashboard["figures"]!.ToJsonString());
        Assert.Equal(d1["weeks"]!.ToJsonString(), dashboard["weeks"]!.ToJsonString());
        Assert.Equal(answered, dashboard["decisions"]![0]!["ideaId"]!.GetValue<Guid>());
        Assert.Equal(answered, dashboard["topIdeas"]![0]!["id"]!.GetValue<Guid>());
        Assert.Equal(2, dashboard["waitingTotal"]!.GetValue<int>()); // the old one and the 40-day-old one
        Assert.Equal(old, dashboard["waiting"]![0]!["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task A_period_is_days_in_platform_time_and_the_previous_period_has_the_same_length()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var answer = await GetAsync(c.Admin, "/api/v1/figures?scopeType=platform&from=2026-01-05&to=2026-01-18");
        Assert.Equal("2026-01-05", answer["from"]!.GetValue<string>());
        Assert.Equal("2026-01-18", answer["to"]!.GetValue<string>());
        Assert.Equal("2025-12-22", answer["previousFrom"]!.GetValue<string>());
        Assert.Equal(new[] { "2026-01-05", "2026-01-12" }, answer["weeks"]!.AsArray().Select(w => w!["week"]!.GetValue<string>()));
    }

    public static TheoryData<string, string, int> Readers =>
        AuthorizationMatrix.Build(
            [
                "anonymous",
                "resident",
                "admin",
                "official",
                "official_d1",
                "official_d2",
                "head_d1",
                "head_d2",
                "moderator_p1",
                "moderator_p2",
                "communication_manager",
                "it_manager",
            ],
            ["platform", "d1", "p1"],
            (actor, scope) =>
                (actor, scope) switch
                {
                    ("anonymous", _) => 401,
                    ("admin" or "official", _) => 200,
                    ("official_d1" or "head_d1", "d1" or "p1") => 200,
                    ("moderator_p1", "p1") => 200,
                    _ => 403,
                }
        );

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Figures_and_dashboards_are_read_by_those_who_oversee_the_scope(string actor, string scope, int expected)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var client = actor switch
        {
            "anonymous" => Api.CreateClient(),
            "resident" => c.A,
            "admin" => c.Admin,
            "official" => await OfficialAsync(null),
            "official_d1" => await OfficialAsync(c.City.D1),
            "official_d2" => await OfficialAsync(c.City.D2),
            "head_d1" => await Projects.City.As(Api, c.City.Head1),
            "head_d2" => await Projects.City.As(Api, c.City.Head2),
            "moderator_p1" => c.Mod1,
            "moderator_p2" => c.Mod2,
            _ => Api.ClientFor((await Api.CreateUserAsync(role: actor)).Id),
        };
        var query = scope switch
        {
            "platform" => "scopeType=platform",
            "d1" => $"scopeType=department&scopeId={c.City.D1}",
            _ => $"scopeType=project&scopeId={c.P1}",
        };
        foreach (var path in new[] { "/api/v1/figures", "/api/v1/dashboard" })
        {
            var response = await client.GetAsync($"{path}?{query}");
            Assert.True((int)response.StatusCode == expected, $"{actor} {path}?{query}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_phase_scope_counts_the_phase_only_and_drafts_stay_with_their_overseers()
    {
        var c = await IdeaCity.CreateAsync(Api, p1Status: "draft");
        await c.IdeaAsync(c.Mod1, title: "Idée de l'équipe");
        var phase = await GetAsync(c.Mod1, $"/api/v1/figures?scopeType=phase&scopeId={c.Phase1}");
        Assert.Equal(1, Value(phase, "ideas"));
        Assert.Equal(c.P1, phase["scope"]!["projectId"]!.GetValue<Guid>());
        (await (await OfficialAsync(c.City.D1)).GetAsync($"/api/v1/dashboard?scopeType=project&scopeId={c.P1}")).EnsureSuccessStatusCode();
        var client = await Api.ClientForApiClientAsync(await Api.CreateApiClientAsync("statistics:read"));
        await (await client.GetAsync($"/api/v1/figures?scopeType=project&scopeId={c.P1}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await c.Mod2.GetAsync($"/api/v1/figures?scopeType=project&scopeId={c.P1}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Api_clients_read_figures_with_statistics_read_and_never_dashboards()
    {
        var c = await IdeaCity.CreateAsync(Api);
        await c.IdeaAsync(c.A);
        var statistics = await Api.ClientForApiClientAsync(await Api.CreateApiClientAsync("statistics:read"));
        var figures = await GetAsync(statistics, $"/api/v1/figures?scopeType=project&scopeId={c.P1}");
        Assert.Equal(1, Value(figures, "ideas"));
        await (await statistics.GetAsync("/api/v1/dashboard?scopeType=platform")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var projects = await Api.ClientForApiClientAsync(await Api.CreateApiClientAsync("projects:read"));
        await (await projects.GetAsync("/api/v1/figures?scopeType=platform")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("scopeType=galaxy", "scopeType")]
    [InlineData("scopeType=department", "scopeId")]
    [InlineData("scopeType=platform&scopeId=6f1c0d52-2f4e-4a39-9d7e-0c6f8f7a1b11", "scopeId")]
    [InlineData("scopeType=platform&from=2026-03-01&to=2026-02-01", "from")]
    [InlineData("scopeType=platform&from=2020-01-01&to=2026-02-01", "from")]
    [InlineData("scopeType=platform&to=1900-01-01", "to")]
    [InlineData("scopeType=platform&waitingDays=0", "waitingDays")]
    [InlineData("scopeType=platform&from=yesterday", "from")]
    public async Task Bad_queries_are_400_with_the_field_named(string query, string field)
    {
        var c = await IdeaCity.CreateAsync(Api);
        foreach (var path in new[] { "/api/v1/figures", "/api/v1/dashboard" })
            await (await c.Admin.GetAsync($"{path}?{query}")).AssertFieldErrorsAsync(field);
    }

    [Fact]
    public async Task An_unknown_scope_is_404()
    {
        var c = await IdeaCity.CreateAsync(Api);
        await (await c.Admin.GetAsync($"/api/v1/figures?scopeType=department&scopeId={Guid.NewGuid()}")).AssertProblemAsync(
            HttpStatusCode.NotFound
        );
        await (await c.Admin.GetAsync($"/api/v1/dashboard?scopeType=phase&scopeId={Guid.NewGuid()}")).AssertProblemAsync(
            HttpStatusCode.NotFound
        );
    }

    [Fact]
    public async Task The_scopes_list_says_where_each_reader_lands()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var official = await GetAsync(await OfficialAsync(c.City.D1), "/api/v1/dashboard/scopes");
        Assert.False(official["platform"]!.GetValue<bool>());
        Assert.Equal(c.City.D1, official["home"]!["id"]!.GetValue<Guid>());
        Assert.Single(official["departments"]!.AsArray());
        var admin = await GetAsync(c.Admin, "/api/v1/dashboard/scopes");
        Assert.Equal("platform", admin["home"]!["type"]!.GetValue<string>());
        var moderator = await GetAsync(c.Mod1, "/api/v1/dashboard/scopes");
        Assert.Equal(c.P1, moderator["home"]!["id"]!.GetValue<Guid>());
        var resident = await GetAsync(c.A, "/api/v1/dashboard/scopes");
        Assert.Null(resident["home"]);
    }

    [Fact]
    public async Task Officials_read_provisional_results_in_their_scope_and_cannot_answer_ideas()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var phase = await IdeaCity.PhaseAsync(
            c.Admin,
            c.P1,
            "voting",
            DateTimeOffset.UtcNow.AddDays(40),
            DateTimeOffset.UtcNow.AddDays(50),
            null
        );
        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync(
                """
                UPDATE phases SET starts_at = now() - interval '10 days', ends_at = now() - interval '1 hour' WHERE id = @Phase1;
                UPDATE phases SET starts_at = now() - interval '30 minutes', ends_at = now() + interval '10 days' WHERE id = @Phase;
                """,
                new { c.Phase1, Phase = phase }
            );
        (await c.B.PutAsync($"/api/v1/ideas/{idea}/vote", null)).EnsureSuccessStatusCode();

        var culture = await OfficialAsync(c.City.D1);
        var results = await GetAsync(culture, $"/api/v1/phases/{phase}/vote-results");
        Assert.False(results["published"]!.GetValue<bool>());
        Assert.Equal(1, results["voters"]!.GetValue<int>());
        await (await (await OfficialAsync(c.City.D2)).GetAsync($"/api/v1/phases/{phase}/vote-results")).AssertProblemAsync(
            HttpStatusCode.Forbidden
        );
        await (await culture.PostJsonAsync($"/api/v1/ideas/{idea}/status", new { status = "accepted" })).AssertProblemAsync(
            HttpStatusCode.Forbidden
        );
    }
}
