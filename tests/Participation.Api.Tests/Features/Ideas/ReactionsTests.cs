using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Ideas;

public sealed class ReactionsTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task A_resident_likes_switches_and_removes_and_the_counters_follow()
    {
        var c = await IdeaCity.CreateAsync(Api, new { dislikes = true });
        var id = await c.IdeaAsync(c.A);

        var liked = await (await c.B.PutAsJsonAsync($"/api/v1/ideas/{id}/reaction", new { kind = "like" })).ReadJsonAsync();
        Assert.Equal(1, liked["likes"]!.GetValue<int>());
        Assert.Equal("like", liked["myReaction"]!.GetValue<string>());
        var again = await (await c.B.PutAsJsonAsync($"/api/v1/ideas/{id}/reaction", new { kind = "like" })).ReadJsonAsync();
        Assert.Equal(1, again["likes"]!.GetValue<int>());
        var switched = await (await c.B.PutAsJsonAsync($"/api/v1/ideas/{id}/reaction", new { kind = "dislike" })).ReadJsonAsync();
        Assert.Equal(0, switched["likes"]!.GetValue<int>());
        Assert.Equal(1, switched["dislikes"]!.GetValue<int>());
        await c.A.PutAsJsonAsync($"/api/v1/ideas/{id}/reaction", new { kind = "like" });

        var removed = await c.B.DeleteAsync($"/api/v1/ideas/{id}/reaction");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var state = await removed.ReadJsonAsync();
        Assert.Equal(1, state["likes"]!.GetValue<int>());
        Assert.Equal(0, state["dislikes"]!.GetValue<int>());
        Assert.Null(state["myReaction"]);
        Assert.Equal(HttpStatusCode.OK, (await c.B.DeleteAsync($"/api/v1/ideas/{id}/reaction")).StatusCode);
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Resident_B_cannot_remove_A_s_reaction_and_dislikes_need_the_phase_to_allow_them()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var id = await c.IdeaAsync(c.Mod1);
        await c.A.PutAsJsonAsync($"/api/v1/ideas/{id}/reaction", new { kind = "like" });

        await c.B.DeleteAsync($"/api/v1/ideas/{id}/reaction");
        Assert.Equal(1, (await c.GetIdeaAsync(c.A, id))["likes"]!.GetValue<int>());
        Assert.Equal("like", (await c.GetIdeaAsync(c.A, id))["myReaction"]!.GetValue<string>());

        await (await c.B.PutAsJsonAsync($"/api/v1/ideas/{id}/reaction", new { kind = "dislike" })).AssertProblemAsync(
            HttpStatusCode.Conflict
        );
        await (await c.B.PutAsJsonAsync($"/api/v1/ideas/{id}/reaction", new { kind = "love" })).AssertFieldErrorsAsync("kind");
        await (await c.B.PutAsJsonAsync($"/api/v1/ideas/{id}/reaction", new { kind = (string?)null })).AssertProblemAsync(
            HttpStatusCode.BadRequest
        );
        Assert.Equal(1, await Api.CountAsync("idea_reactions"));
    }

    [Fact]
    public async Task The_same_like_fired_fifty_times_in_parallel_leaves_one_reaction_and_a_correct_counter()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var id = await c.IdeaAsync(c.A);

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 50).Select(_ => c.B.PutAsJsonAsync($"/api/v1/ideas/{id}/reaction", new { kind = "like" }))
        );

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await Api.CountAsync("idea_reactions"));
        Assert.Equal(1, (await c.GetIdeaAsync(c.B, id))["likes"]!.GetValue<int>());
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Two_hundred_residents_liking_one_idea_at_once_are_all_counted()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var id = await c.IdeaAsync(c.A);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 200; i++)
            clients.Add(Api.ClientFor((await Api.CreateUserAsync(firstName: $"R{i}")).Id));

        var responses = await Task.WhenAll(
            clients.Select(client => client.PutAsJsonAsync($"/api/v1/ideas/{id}/reaction", new { kind = "like" }))
        );

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(200, (await c.GetIdeaAsync(c.A, id))["likes"]!.GetValue<int>());
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Random_parallel_toggles_keep_every_counter_exact_without_deadlocks_or_errors()
    {
        var c = await IdeaCity.CreateAsync(Api, new { dislikes = true });
        var ideas = new List<Guid>();
        for (var i = 0; i < 4; i++)
            ideas.Add(await c.IdeaAsync(c.A, title: $"Idée {i}"));
        var clients = new List<HttpClient>();
        for (var i = 0; i < 20; i++)
            clients.Add(Api.ClientFor((await Api.CreateUserAsync(firstName: $"R{i}")).Id));

        var failures = await Task.WhenAll(
            clients.Select(
                async (client, n) =>
                {
                    var random = new Random(n);
                    var bad = new List<string>();
                    for (var step = 0; step < 25; step++)
                    {
                        var idea = ideas[random.Next(ideas.Count)];
                        var response = random.Next(3) switch
                        {
                            0 => await client.DeleteAsync($"/api/v1/ideas/{idea}/reaction"),
                            1 => await client.PutAsJsonAsync($"/api/v1/ideas/{idea}/reaction", new { kind = "like" }),
                            _ => await client.PutAsJsonAsync($"/api/v1/ideas/{idea}/reaction", new { kind = "dislike" }),
                        };
                        if (response.StatusCode != HttpStatusCode.OK)
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
    public async Task Removing_a_reaction_while_switching_it_in_parallel_is_never_a_500_and_the_removal_is_kept_or_follows()
    {
        var c = await IdeaCity.CreateAsync(Api, new { dislikes = true });
        var ideas = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ideas.Add(await c.IdeaAsync(c.A, title: $"Idée {i}"));
        var failures = new List<string>();

        for (var round = 0; round < 60; round++)
        {
            var idea = ideas[round % ideas.Count];
            Assert.Equal(HttpStatusCode.OK, (await c.B.PutAsJsonAsync($"/api/v1/ideas/{idea}/reaction", new { kind = "like" })).StatusCode);
            var (switched, removed) = (
                c.B.PutAsJsonAsync($"/api/v1/ideas/{idea}/reaction", new { kind = "dislike" }),
                c.B.DeleteAsync($"/api/v1/ideas/{idea}/reaction")
            );
            foreach (var response in await Task.WhenAll(switched, removed))
                if (response.StatusCode != HttpStatusCode.OK)
                    failures.Add($"round {round}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            // Either order is a valid history: removed after the switch (no reaction), or the dislike as a new reaction after the removal.
            var kind = await Api.ScalarAsync<string?>(
                "SELECT kind FROM idea_reactions WHERE idea_id = @idea AND user_id = @user",
                new { idea, user = c.ResidentB.Id }
            );
            Assert.True(kind is null or "dislike", $"round {round}: {kind}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task The_per_person_reaction_limit_holds_in_parallel_and_switching_or_removing_stays_possible()
    {
        var c = await IdeaCity.CreateAsync(Api, new { reactionsPerUser = 2, dislikes = true });
        var ideas = new List<Guid>();
        for (var i = 0; i < 6; i++)
            ideas.Add(await c.IdeaAsync(c.A, title: $"Idée {i}"));

        var responses = await Task.WhenAll(
            ideas.Select(idea => c.B.PutAsJsonAsync($"/api/v1/ideas/{idea}/reaction", new { kind = "like" }))
        );

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            Assert.Equal("limit_reached", (await refused.AssertProblemAsync(HttpStatusCode.Forbidden))["reason"]!.GetValue<string>());
        var reacted = ideas.Where((_, i) => responses[i].StatusCode == HttpStatusCode.OK).ToList();
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.B.PutAsJsonAsync($"/api/v1/ideas/{reacted[0]}/reaction", new { kind = "dislike" })).StatusCode
        );
        Assert.Equal(HttpStatusCode.OK, (await c.B.DeleteAsync($"/api/v1/ideas/{reacted[1]}/reaction")).StatusCode);
        var other = ideas.First(i => !reacted.Contains(i));
        Assert.Equal(HttpStatusCode.OK, (await c.B.PutAsJsonAsync($"/api/v1/ideas/{other}/reaction", new { kind = "like" })).StatusCode);
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Hidden_withdrawn_and_unknown_ideas_take_no_reactions()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var withdrawn = await c.IdeaAsync(c.A);
        await c.A.PostAsync($"/api/v1/ideas/{withdrawn}/withdraw", null);
        var hidden = await c.IdeaAsync(c.A, title: "Idée masquée");
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{hidden}/hide", new { reason = "Hors sujet" })).StatusCode
        );

        Assert.Equal(
            HttpStatusCode.NotFound,
            (await c.B.PutAsJsonAsync($"/api/v1/ideas/{withdrawn}/reaction", new { kind = "like" })).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await c.B.PutAsJsonAsync($"/api/v1/ideas/{hidden}/reaction", new { kind = "like" })).StatusCode
        );
        await (await c.A.PutAsJsonAsync($"/api/v1/ideas/{hidden}/reaction", new { kind = "like" })).AssertProblemAsync(
            HttpStatusCode.Conflict
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await c.B.PutAsJsonAsync($"/api/v1/ideas/{Guid.NewGuid()}/reaction", new { kind = "like" })).StatusCode
        );
        Assert.Equal(0, await Api.CountAsync("idea_reactions"));
    }
}
