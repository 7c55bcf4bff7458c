using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Votes;

public sealed class VotesTests(ApiFactory api) : ApiTest(api)
{
    /// <summary>P1 with ideas posted in an ideation phase that ended, then an open voting phase.</summary>
    private async Task<(IdeaCity C, List<Guid> Ideas, Guid Phase)> VotingAsync(int ideas = 4, object? settings = null)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var list = new List<Guid>();
        for (var i = 0; i < ideas; i++)
            list.Add(await c.IdeaAsync(c.A, title: $"Idée {i}"));
        await using (var connection = await Api.OpenAsync())
            await Dapper.SqlMapper.ExecuteAsync(
                connection,
                "UPDATE phases SET starts_at = now() - interval '10 days', ends_at = now() - interval '1 hour' WHERE id = @Phase1",
                new { c.Phase1 }
            );
        var phase = await IdeaCity.PhaseAsync(
            c.Admin,
            c.P1,
            "voting",
            DateTimeOffset.UtcNow.AddMinutes(-30),
            DateTimeOffset.UtcNow.AddDays(10),
            settings ?? new { votesPerUser = 3 }
        );
        return (c, list, phase);
    }

    [Fact]
    public async Task A_resident_votes_sees_the_votes_left_and_withdraws_a_vote()
    {
        var (c, ideas, phase) = await VotingAsync();

        var state = await (await c.B.PutAsync($"/api/v1/ideas/{ideas[0]}/vote", null)).ReadJsonAsync();
        Assert.True(state["voted"]!.GetValue<bool>());
        Assert.Equal(2, state["left"]!.GetValue<int>());
        Assert.Equal(2, (await (await c.B.PutAsync($"/api/v1/ideas/{ideas[0]}/vote", null)).ReadJsonAsync())["left"]!.GetValue<int>());
        await c.B.PutAsync($"/api/v1/ideas/{ideas[1]}/vote", null);

        var mine = await (await c.B.GetAsync($"/api/v1/projects/{c.P1}/votes/mine")).ReadJsonAsync();
        Assert.Equal(phase, mine["phaseId"]!.GetValue<Guid>());
        Assert.Equal(1, mine["left"]!.GetValue<int>());
        Assert.Equal(new[] { ideas[0], ideas[1] }, mine["ideaIds"]!.AsArray().Select(x => x!.GetValue<Guid>()));

        var removed = await (await c.B.DeleteAsync($"/api/v1/ideas/{ideas[0]}/vote")).ReadJsonAsync();
        Assert.False(removed["voted"]!.GetValue<bool>());
        Assert.Equal(2, removed["left"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await c.B.DeleteAsync($"/api/v1/ideas/{ideas[0]}/vote")).StatusCode);
        Assert.Equal(3, (await (await c.A.GetAsync($"/api/v1/projects/{c.P1}/votes/mine")).ReadJsonAsync())["left"]!.GetValue<int>());
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Voting_is_refused_with_the_reason_outside_an_open_voting_phase()
    {
        var (c, ideas, phase) = await VotingAsync();
        var unconfirmed = await Api.CreateUserAsync(confirmed: false);
        Assert.Equal(
            "email_not_confirmed",
            (
                await (await Api.ClientFor(unconfirmed.Id).PutAsync($"/api/v1/ideas/{ideas[0]}/vote", null)).AssertProblemAsync(
                    HttpStatusCode.Forbidden
                )
            )["reason"]!.GetValue<string>()
        );
        var other = await c.IdeaAsync(c.B, c.P2, "Idée du projet 2");
        Assert.Equal(
            "phase_not_active",
            (await (await c.A.PutAsync($"/api/v1/ideas/{other}/vote", null)).AssertProblemAsync(HttpStatusCode.Forbidden))[
                "reason"
            ]!.GetValue<string>()
        );
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CreateClient().PutAsync($"/api/v1/ideas/{ideas[0]}/vote", null)).StatusCode);

        await c.B.PutAsync($"/api/v1/ideas/{ideas[0]}/vote", null);
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Admin.PostJsonAsync($"/api/v1/projects/{c.P1}/status", new { status = "archived" })).StatusCode
        );
        Assert.Equal(
            "project_archived",
            (await (await c.B.PutAsync($"/api/v1/ideas/{ideas[1]}/vote", null)).AssertProblemAsync(HttpStatusCode.Forbidden))[
                "reason"
            ]!.GetValue<string>()
        );
        Assert.Equal(
            "project_archived",
            (await (await c.B.DeleteAsync($"/api/v1/ideas/{ideas[0]}/vote")).AssertProblemAsync(HttpStatusCode.Forbidden))[
                "reason"
            ]!.GetValue<string>()
        );
        Assert.Equal(1, await Api.CountAsync("idea_votes"));
    }

    [Fact]
    public async Task Rejected_and_hidden_ideas_cannot_be_voted_on()
    {
        var (c, ideas, _) = await VotingAsync();
        await c.Mod1.PostJsonAsync($"/api/v1/ideas/{ideas[0]}/status", new { status = "rejected", feedback = "Non." });
        await c.Mod1.PostJsonAsync($"/api/v1/ideas/{ideas[1]}/hide", new { reason = "Hors sujet" });

        await (await c.B.PutAsync($"/api/v1/ideas/{ideas[0]}/vote", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NotFound, (await c.B.PutAsync($"/api/v1/ideas/{ideas[1]}/vote", null)).StatusCode);
        Assert.Equal(0, await Api.CountAsync("idea_votes"));
    }

    [Fact]
    public async Task The_same_vote_fired_fifty_times_in_parallel_is_one_vote()
    {
        var (c, ideas, _) = await VotingAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => c.B.PutAsync($"/api/v1/ideas/{ideas[0]}/vote", null)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await Api.CountAsync("idea_votes"));
        Assert.Equal(1, await Api.ScalarAsync<int>("SELECT votes FROM vote_tallies"));
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Two_hundred_residents_voting_for_one_idea_at_once_are_all_counted()
    {
        var (c, ideas, phase) = await VotingAsync(1);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 200; i++)
            clients.Add(Api.ClientFor((await Api.CreateUserAsync(firstName: $"V{i}")).Id));

        var responses = await Task.WhenAll(clients.Select(client => client.PutAsync($"/api/v1/ideas/{ideas[0]}/vote", null)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var results = await (await c.Mod1.GetAsync($"/api/v1/phases/{phase}/vote-results")).ReadJsonAsync();
        Assert.Equal(200, results["items"]![0]!["votes"]!.GetValue<int>());
        Assert.Equal(200, results["voters"]!.GetValue<int>());
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task The_vote_limit_hit_in_parallel_is_never_exceeded()
    {
        var (c, ideas, _) = await VotingAsync(10, new { votesPerUser = 3 });

        var responses = await Task.WhenAll(ideas.Select(idea => c.B.PutAsync($"/api/v1/ideas/{idea}/vote", null)));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            Assert.Equal("limit_reached", (await refused.AssertProblemAsync(HttpStatusCode.Forbidden))["reason"]!.GetValue<string>());
        Assert.Equal(3, await Api.CountAsync("idea_votes"));
        var actions = await (await c.B.GetAsync($"/api/v1/projects/{c.P1}/actions")).ReadJsonAsync();
        Assert.Equal("limit_reached", actions["actions"]![0]!["reason"]!.GetValue<string>());
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Fifty_residents_toggling_votes_at_random_keep_every_invariant_without_errors()
    {
        var (c, ideas, _) = await VotingAsync(6, new { votesPerUser = 3 });
        var clients = new List<HttpClient>();
        for (var i = 0; i < 50; i++)
            clients.Add(Api.ClientFor((await Api.CreateUserAsync(firstName: $"T{i}")).Id));

        var failures = await Task.WhenAll(
            clients.Select(
                async (client, n) =>
                {
                    var random = new Random(n);
                    var bad = new List<string>();
                    for (var step = 0; step < 100; step++)
                    {
                        var idea = ideas[random.Next(ideas.Count)];
                        var response =
                            random.Next(2) == 0
                                ? await client.PutAsync($"/api/v1/ideas/{idea}/vote", null)
                                : await client.DeleteAsync($"/api/v1/ideas/{idea}/vote");
                        if (
                            (int)response.StatusCode >= 500
                            || (response.StatusCode != HttpStatusCode.OK && response.StatusCode != HttpStatusCode.Forbidden)
                        )
                            bad.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                    return bad;
                }
            )
        );

        Assert.Empty(failures.SelectMany(f => f));
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Results_are_for_the_staff_until_published_or_the_phase_is_over()
    {
        var (c, ideas, phase) = await VotingAsync();
        await c.B.PutAsync($"/api/v1/ideas/{ideas[2]}/vote", null);
        await c.A.PutAsync($"/api/v1/ideas/{ideas[2]}/vote", null);
        await c.A.PutAsync($"/api/v1/ideas/{ideas[1]}/vote", null);

        var staff = await (await c.Mod1.GetAsync($"/api/v1/phases/{phase}/vote-results")).ReadJsonAsync();
        Assert.False(staff["published"]!.GetValue<bool>());
        Assert.Equal(new[] { ideas[2], ideas[1] }, staff["items"]!.AsArray().Select(i => i!["ideaId"]!.GetValue<Guid>()));
        Assert.Equal(new[] { 2, 1 }, staff["items"]!.AsArray().Select(i => i!["votes"]!.GetValue<int>()));
        await (await c.B.GetAsync($"/api/v1/phases/{phase}/vote-results")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Api.CreateClient().GetAsync($"/api/v1/phases/{phase}/vote-results")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await c.Mod2.GetAsync($"/api/v1/phases/{phase}/vote-results")).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(
            HttpStatusCode.NoContent,
            (
                await c.Mod1.PutAsJsonAsync(
                    $"/api/v1/projects/{c.P1}/phases/{phase}",
                    Projects.City.Phase(
                        "voting",
                        DateTimeOffset.UtcNow.AddMinutes(-30),
                        DateTimeOffset.UtcNow.AddDays(10),
                        new { votesPerUser = 3, resultsPublic = true }
                    )
                )
            ).StatusCode
        );
        Assert.True(
            (await (await Api.CreateClient().GetAsync($"/api/v1/phases/{phase}/vote-results")).ReadJsonAsync())[
                "published"
            ]!.GetValue<bool>()
        );
        Assert.Equal(HttpStatusCode.NotFound, (await Api.CreateClient().GetAsync($"/api/v1/phases/{c.Phase1}/vote-results")).StatusCode);
    }
}
