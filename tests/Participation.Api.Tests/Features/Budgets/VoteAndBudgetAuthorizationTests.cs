using System.Net.Http.Json;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Features.Projects;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Budgets;

/// <summary>
/// The authorization matrix (QUALITY.md §2) of costs, budgets, baskets and results, generated from a table:
/// P1 (D1, moderator_p1) in an open budgeting phase with unpublished results; resident A has a basket.
/// </summary>
[Collection(ApiCollection.B)]
public sealed class VoteAndBudgetAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Actors = AuthorizationMatrix.Actors;

    private static readonly string[] Actions = ["set_cost", "change_budget", "read_basket", "empty_basket", "read_results"];

    private static int Expected(string actor, string action)
    {
        var staff = actor is "moderator_p1" or "head_d1" or "admin";
        return action switch
        {
            // The elected official (platform-wide here) oversees the project: provisional results, read-only.
            "read_results" => staff || actor == "elected_official" ? 200 : 403,
            _ when actor == "anonymous" => 401,
            "set_cost" => staff ? 200 : 403,
            "change_budget" => staff ? 204 : 403,
            "read_basket" or "empty_basket" => 200, // always the caller's own basket
            _ => throw new InvalidOperationException(action),
        };
    }

    public static TheoryData<string, string, int> Matrix() => AuthorizationMatrix.Build(Actors, Actions, Expected);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_do_what_with_costs_budgets_and_baskets(string actor, string action, int expected)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var spare = await c.IdeaAsync(c.A, title: "Idée sans coût");
        await c.Mod1.PutAsJsonAsync($"/api/v1/ideas/{idea}/cost", new { cost = 100m });
        await using (var connection = await Api.OpenAsync())
            await Dapper.SqlMapper.ExecuteAsync(
                connection,
                "UPDATE phases SET starts_at = now() - interval '10 days', ends_at = now() - interval '1 hour' WHERE id = @Phase1",
                new { c.Phase1 }
            );
        var now = DateTimeOffset.UtcNow;
        var phase = await IdeaCity.PhaseAsync(
            c.Admin,
            c.P1,
            "budgeting",
            now.AddMinutes(-30),
            now.AddDays(10),
            new { budgetAmount = 1000m }
        );
        await c.A.PutAsync($"/api/v1/projects/{c.P1}/basket/ideas/{idea}", null);
        var client = await c.ClientAsync(actor);
        const string State = """
            SELECT coalesce((SELECT string_agg(coalesce(cost::text, '-'), ',' ORDER BY id) FROM ideas), '') || '|' ||
                   (SELECT settings::text FROM phases WHERE id = @Phase) || '|' ||
                   coalesce((SELECT string_agg(b.user_id || ':' || b.total, ',') FROM baskets b WHERE b.user_id = @A), '')
            """;
        var before = await Api.ScalarAsync<string>(State, new { Phase = phase, A = c.ResidentA.Id });

        var response = action switch
        {
            "set_cost" => await client.PutAsJsonAsync($"/api/v1/ideas/{spare}/cost", new { cost = 50m }),
            "change_budget" => await client.PutAsJsonAsync(
                $"/api/v1/projects/{c.P1}/phases/{phase}",
                City.Phase("budgeting", now.AddMinutes(-30), now.AddDays(10), new { budgetAmount = 2000m })
            ),
            "read_basket" => await client.GetAsync($"/api/v1/projects/{c.P1}/basket"),
            "empty_basket" => await client.DeleteAsync($"/api/v1/projects/{c.P1}/basket/ideas/{idea}"),
            "read_results" => await client.GetAsync($"/api/v1/phases/{phase}/budget-results"),
            _ => throw new InvalidOperationException(action),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected >= 400 || (action == "empty_basket" && actor != "resident_a"))
            Assert.Equal(before, await Api.ScalarAsync<string>(State, new { Phase = phase, A = c.ResidentA.Id }));
        if (action == "read_basket" && actor != "resident_a" && expected == 200)
            Assert.Empty((await response.ReadJsonAsync())["lines"]!.AsArray());
        await Invariants.AssertHoldAsync(Api);
    }
}
