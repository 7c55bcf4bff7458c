using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Budgets;

[Collection(ApiCollection.B)]
public sealed class BudgetsTests(ApiFactory api) : ApiTest(api)
{
    /// <summary>P1 with ideas costing the given amounts (posted in an ideation phase that ended), then an open budgeting phase.</summary>
    private async Task<(IdeaCity C, List<Guid> Ideas, Guid Phase)> BudgetingAsync(decimal[] costs, object? settings = null)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var ideas = new List<Guid>();
        foreach (var cost in costs)
        {
            var idea = await c.IdeaAsync(c.A, title: $"Projet à {cost} €");
            Assert.Equal(HttpStatusCode.OK, (await c.Mod1.PutAsJsonAsync($"/api/v1/ideas/{idea}/cost", new { cost })).StatusCode);
            ideas.Add(idea);
        }
        await using (var connection = await Api.OpenAsync())
            await Dapper.SqlMapper.ExecuteAsync(
                connection,
                "UPDATE phases SET starts_at = now() - interval '10 days', ends_at = now() - interval '1 hour' WHERE id = @Phase1",
                new { c.Phase1 }
            );
        var phase = await IdeaCity.PhaseAsync(
            c.Admin,
            c.P1,
            "budgeting",
            DateTimeOffset.UtcNow.AddMinutes(-30),
            DateTimeOffset.UtcNow.AddDays(10),
            settings ?? new { budgetAmount = 1000m }
        );
        return (c, ideas, phase);
    }

    [Fact]
    public async Task A_resident_fills_a_basket_within_the_budget_submits_reopens_and_resubmits()
    {
        var (c, ideas, phase) = await BudgetingAsync([400m, 500m, 300m]);

        var first = await (await c.B.PutAsync($"/api/v1/projects/{c.P1}/basket/ideas/{ideas[0]}", null)).ReadJsonAsync();
        Assert.Equal(400m, first["total"]!.GetValue<decimal>());
        Assert.Equal(600m, first["left"]!.GetValue<decimal>());
        Assert.Equal("EUR", first["currency"]!.GetValue<string>());
        await c.B.PutAsync($"/api/v1/projects/{c.P1}/basket/ideas/{ideas[1]}", null);
        Assert.Equal(
            900m,
            (await (await c.B.PutAsync($"/api/v1/projects/{c.P1}/basket/ideas/{ideas[1]}", null)).ReadJsonAsync())[
                "total"
            ]!.GetValue<decimal>()
        );
        await (await c.B.PutAsync($"/api/v1/projects/{c.P1}/basket/ideas/{ideas[2]}", null)).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "over budget"
        );

        var submitted = await (await c.B.PostAsync($"/api/v1/projects/{c.P1}/basket/submit", null)).ReadJsonAsync();
        Assert.NotNull(submitted["submittedAt"]);
        await (await c.B.DeleteAsync($"/api/v1/projects/{c.P1}/basket/ideas/{ideas[0]}")).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "locked once submitted"
        );
        Assert.Null((await (await c.B.PostAsync($"/api/v1/projects/{c.P1}/basket/reopen", null)).ReadJsonAsync())["submittedAt"]);
        var smaller = await (await c.B.DeleteAsync($"/api/v1/projects/{c.P1}/basket/ideas/{ideas[0]}")).ReadJsonAsync();
        Assert.Equal(500m, smaller["total"]!.GetValue<decimal>());
        await c.B.PutAsync($"/api/v1/projects/{c.P1}/basket/ideas/{ideas[2]}", null);
        Assert.NotNull((await (await c.B.PostAsync($"/api/v1/projects/{c.P1}/basket/submit", null)).ReadJsonAsync())["submittedAt"]);

        var mine = await (await c.B.GetAsync($"/api/v1/projects/{c.P1}/basket")).ReadJsonAsync();
        Assert.Equal(phase, mine["phaseId"]!.GetValue<Guid>());
        Assert.Equal(new[] { ideas[1], ideas[2] }, mine["lines"]!.AsArray().Select(l => l!["ideaId"]!.GetValue<Guid>()));
        Assert.Empty((await (await c.A.GetAsync($"/api/v1/projects/{c.P1}/basket")).ReadJsonAsync())["lines"]!.AsArray());
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Twenty_parallel_additions_whose_sum_exceeds_the_budget_never_go_over_it()
    {
        var (c, ideas, _) = await BudgetingAsync(Enumerable.Range(0, 20).Select(i => 100m + i).ToArray());

        var responses = await Task.WhenAll(ideas.Select(idea => c.B.PutAsync($"/api/v1/projects/{c.P1}/basket/ideas/{idea}", null)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)r.StatusCode}"));
        var total = await Api.ScalarAsync<decimal>("SELECT total FROM baskets");
        Assert.InRange(total, 900m, 1000m);
        Assert.Equal(
            responses.Count(r => r.StatusCode == HttpStatusCode.OK),
            await Api.ScalarAsync<long>("SELECT count(*) FROM basket_lines")
        );
        Assert.Equal(1, await Api.CountAsync("baskets"));
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Costs_and_budgets_are_validated_and_an_idea_above_the_budget_cannot_be_added()
    {
        var (c, ideas, phase) = await BudgetingAsync([100m, 1m]);
        var expensive = ideas[1];
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Mod1.PutAsJsonAsync($"/api/v1/ideas/{expensive}/cost", new { cost = (decimal?)null })).StatusCode
        );
        await (await c.Mod1.PutAsJsonAsync($"/api/v1/ideas/{expensive}/cost", new { cost = -5m })).AssertFieldErrorsAsync("cost");
        await (await c.Mod1.PutAsJsonAsync($"/api/v1/ideas/{expensive}/cost", new { cost = 1.005m })).AssertFieldErrorsAsync("cost");
        await (await c.B.PutAsJsonAsync($"/api/v1/ideas/{expensive}/cost", new { cost = 5m })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await c.Mod2.PutAsJsonAsync($"/api/v1/ideas/{expensive}/cost", new { cost = 5m })).AssertProblemAsync(
            HttpStatusCode.Forbidden
        );
        await (await c.B.PutAsync($"/api/v1/projects/{c.P1}/basket/ideas/{expensive}", null)).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "no cost yet"
        );
        Assert.Equal(HttpStatusCode.OK, (await c.Mod1.PutAsJsonAsync($"/api/v1/ideas/{expensive}/cost", new { cost = 5000m })).StatusCode);
        var refused = await (await c.B.PutAsync($"/api/v1/projects/{c.P1}/basket/ideas/{expensive}", null)).AssertProblemAsync(
            HttpStatusCode.Conflict
        );
        Assert.Contains("plus que le budget", refused["title"]!.GetValue<string>());

        await c.B.PutAsync($"/api/v1/projects/{c.P1}/basket/ideas/{ideas[0]}", null);
        await (await c.Mod1.PutAsJsonAsync($"/api/v1/ideas/{ideas[0]}/cost", new { cost = 50m })).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "cost locked once in a basket"
        );

        var zeroBudget = await c.Admin.PostJsonAsync(
            $"/api/v1/projects/{c.P2}/phases",
            Projects.City.Phase("budgeting", DateTimeOffset.UtcNow.AddDays(40), null, new { budgetAmount = 0 })
        );
        await zeroBudget.AssertFieldErrorsAsync("settings.budgetAmount");
        var lowered = await c.Mod1.PutAsJsonAsync(
            $"/api/v1/projects/{c.P1}/phases/{phase}",
            Projects.City.Phase(
                "budgeting",
                DateTimeOffset.UtcNow.AddMinutes(-30),
                DateTimeOffset.UtcNow.AddDays(10),
                new { budgetAmount = 50m }
            )
        );
        await lowered.AssertFieldErrorsAsync("settings.budgetAmount");
        Assert.Equal(
            HttpStatusCode.NoContent,
            (
                await c.Mod1.PutAsJsonAsync(
                    $"/api/v1/projects/{c.P1}/phases/{phase}",
                    Projects.City.Phase(
                        "budgeting",
                        DateTimeOffset.UtcNow.AddMinutes(-30),
                        DateTimeOffset.UtcNow.AddDays(10),
                        new { budgetAmount = 2000m }
                    )
                )
            ).StatusCode
        );
        Assert.Equal(2000m, await Api.ScalarAsync<decimal>("SELECT budget FROM baskets"));
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Minimum_spend_and_number_of_ideas_are_checked_on_submit()
    {
        var (c, ideas, _) = await BudgetingAsync(
            [100m, 200m, 300m],
            new
            {
                budgetAmount = 1000m,
                minimumSpend = 250m,
                minimumIdeas = 2,
            }
        );

        await (await c.B.PostAsync($"/api/v1/projects/{c.P1}/basket/submit", null)).AssertProblemAsync(HttpStatusCode.Conflict, "empty");
        await c.B.PutAsync($"/api/v1/projects/{c.P1}/basket/ideas/{ideas[0]}", null);
        await (await c.B.PostAsync($"/api/v1/projects/{c.P1}/basket/submit", null)).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "minimum spend"
        );
        await c.B.PutAsync($"/api/v1/projects/{c.P1}/basket/ideas/{ideas[1]}", null);
        Assert.Equal(HttpStatusCode.OK, (await c.B.PostAsync($"/api/v1/projects/{c.P1}/basket/submit", null)).StatusCode);
        await c.B.PostAsync($"/api/v1/projects/{c.P1}/basket/reopen", null);
        await c.B.DeleteAsync($"/api/v1/projects/{c.P1}/basket/ideas/{ideas[0]}");
        await c.B.DeleteAsync($"/api/v1/projects/{c.P1}/basket/ideas/{ideas[1]}");
        await c.B.PutAsync($"/api/v1/projects/{c.P1}/basket/ideas/{ideas[2]}", null);
        var one = await (await c.B.PostAsync($"/api/v1/projects/{c.P1}/basket/submit", null)).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "minimum ideas"
        );
        Assert.Contains("2", one["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Results_count_submitted_baskets_fund_ideas_in_order_and_leave_out_blocked_people()
    {
        var (c, ideas, phase) = await BudgetingAsync([600m, 500m, 300m, 100m]);
        async Task Basket(HttpClient client, params int[] picks)
        {
            foreach (var p in picks)
                Assert.Equal(
                    HttpStatusCode.OK,
                    (await client.PutAsync($"/api/v1/projects/{c.P1}/basket/ideas/{ideas[p]}", null)).StatusCode
                );
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/projects/{c.P1}/basket/submit", null)).StatusCode);
        }
        var residents = new List<(TestUser User, HttpClient Client)>();
        for (var i = 0; i < 4; i++)
        {
            var u = await c.ResidentAsync($"P{i}");
            residents.Add((u, Api.ClientFor(u.Id)));
        }
        await Basket(residents[0].Client, 1, 2, 3); // 500 + 300 + 100
        await Basket(residents[1].Client, 1, 2);
        await Basket(residents[2].Client, 0, 3);
        await Basket(residents[3].Client, 0, 3); // blocked below: not counted
        await c.B.PutAsync($"/api/v1/projects/{c.P1}/basket/ideas/{ideas[0]}", null); // never submitted: not counted
        Assert.True(
            (
                await c.Admin.PutAsJsonAsync(
                    $"/api/v1/users/{residents[3].User.Id}/block",
                    new { reason = "Faux comptes", until = DateTimeOffset.UtcNow.AddDays(30) }
                )
            ).IsSuccessStatusCode
        );

        var results = await (await c.Mod1.GetAsync($"/api/v1/phases/{phase}/budget-results")).ReadJsonAsync();
        Assert.Equal(3, results["baskets"]!.GetValue<int>());
        var items = results["items"]!.AsArray();
        // Without the blocked basket: 100 €, 300 € and 500 € (2 baskets each, cheaper first) are funded (900 €);
        // 600 € (1) no longer fits.
        Assert.Equal(new[] { ideas[3], ideas[2], ideas[1], ideas[0] }, items.Select(i => i!["ideaId"]!.GetValue<Guid>()));
        Assert.Equal(new[] { 2, 2, 2, 1 }, items.Select(i => i!["baskets"]!.GetValue<int>()));
        Assert.Equal(new[] { true, true, true, false }, items.Select(i => i!["funded"]!.GetValue<bool>()));
        Assert.Equal(900m, results["fundedTotal"]!.GetValue<decimal>());
        await (await c.B.GetAsync($"/api/v1/phases/{phase}/budget-results")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await c.Mod1.GetAsync($"/api/v1/phases/{phase}/vote-results")).StatusCode);
    }

    [Fact]
    public async Task Baskets_are_only_ever_the_caller_s_own_and_need_an_open_budgeting_phase()
    {
        var (c, ideas, _) = await BudgetingAsync([100m]);
        await c.A.PutAsync($"/api/v1/projects/{c.P1}/basket/ideas/{ideas[0]}", null);

        Assert.Empty((await (await c.B.GetAsync($"/api/v1/projects/{c.P1}/basket")).ReadJsonAsync())["lines"]!.AsArray());
        await c.B.DeleteAsync($"/api/v1/projects/{c.P1}/basket/ideas/{ideas[0]}");
        Assert.Equal(100m, await Api.ScalarAsync<decimal>("SELECT total FROM baskets WHERE user_id = @Id", new { c.ResidentA.Id }));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CreateClient().GetAsync($"/api/v1/projects/{c.P1}/basket")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.B.GetAsync($"/api/v1/projects/{c.P2}/basket")).StatusCode);
        var p2Idea = await c.IdeaAsync(c.B, c.P2, "Idée du projet 2");
        Assert.Equal(
            "phase_not_active",
            (
                await (await c.B.PutAsync($"/api/v1/projects/{c.P2}/basket/ideas/{p2Idea}", null)).AssertProblemAsync(
                    HttpStatusCode.Forbidden
                )
            )["reason"]!.GetValue<string>()
        );
        Assert.Equal(HttpStatusCode.NotFound, (await c.B.PutAsync($"/api/v1/projects/{c.P2}/basket/ideas/{ideas[0]}", null)).StatusCode);
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Admin.PostJsonAsync($"/api/v1/projects/{c.P1}/status", new { status = "archived" })).StatusCode
        );
        Assert.Equal(
            "project_archived",
            (await (await c.A.PostAsync($"/api/v1/projects/{c.P1}/basket/submit", null)).AssertProblemAsync(HttpStatusCode.Forbidden))[
                "reason"
            ]!.GetValue<string>()
        );
    }

    [Fact]
    public async Task Submitting_with_an_idempotency_key_applies_once_and_replays_the_first_answer()
    {
        var (c, ideas, _) = await BudgetingAsync([100m]);
        await c.B.PutAsync($"/api/v1/projects/{c.P1}/basket/ideas/{ideas[0]}", null);
        HttpRequestMessage Submit(string key, string path = "submit")
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{c.P1}/basket/{path}");
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        var first = await c.B.SendAsync(Submit("key-1"));
        var submittedAt = (await first.ReadJsonAsync())["submittedAt"]!.GetValue<DateTimeOffset>();
        await c.B.PostAsync($"/api/v1/projects/{c.P1}/basket/reopen", null);
        var replay = await c.B.SendAsync(Submit("key-1"));

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(submittedAt, (await replay.ReadJsonAsync())["submittedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM baskets WHERE submitted_at IS NOT NULL"));
        await (await c.B.SendAsync(Submit("key-1", "reopen"))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        // Keys are per person: A's "key-1" is A's own.
        await c.A.PutAsync($"/api/v1/projects/{c.P1}/basket/ideas/{ideas[0]}", null);
        Assert.False((await c.A.SendAsync(Submit("key-1"))).Headers.Contains("Idempotent-Replayed"));

        var parallel = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => c.B.SendAsync(Submit("key-2"))));
        Assert.All(parallel, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)r.StatusCode}"));
        Assert.Contains(parallel, r => r.StatusCode == HttpStatusCode.OK && !r.Headers.Contains("Idempotent-Replayed"));
        Assert.Single(parallel, r => r.StatusCode == HttpStatusCode.OK && !r.Headers.Contains("Idempotent-Replayed"));
        await (await c.B.SendAsync(Submit(new string('k', 201)))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await Invariants.AssertHoldAsync(Api);
    }
}
