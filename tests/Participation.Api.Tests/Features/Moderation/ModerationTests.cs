using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Moderation;

public sealed class ModerationTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Three_distinct_flags_hide_a_comment_provisionally_and_it_waits_in_the_project_queue()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var comment = await c.CommentAsync(c.B, idea, "Contenu douteux");
        var flaggers = new List<HttpClient> { c.A };
        for (var i = 0; i < 3; i++)
            flaggers.Add(Api.ClientFor((await c.ResidentAsync($"F{i}")).Id));

        var first = await (
            await flaggers[0].PostJsonAsync($"/api/v1/comments/{comment}/flags", new { reason = "inappropriate", details = "Insultant" })
        ).ReadJsonAsync();
        Assert.False(first["hidden"]!.GetValue<bool>());
        await (await flaggers[0].PostJsonAsync($"/api/v1/comments/{comment}/flags", new { reason = "spam" })).AssertProblemAsync(
            HttpStatusCode.Conflict
        );
        await (await c.B.PostJsonAsync($"/api/v1/comments/{comment}/flags", new { reason = "spam" })).AssertProblemAsync(
            HttpStatusCode.Conflict
        );
        await (await flaggers[1].PostJsonAsync($"/api/v1/comments/{comment}/flags", new { reason = "other" })).AssertFieldErrorsAsync(
            "details"
        );
        await (await flaggers[1].PostJsonAsync($"/api/v1/comments/{comment}/flags", new { reason = "rude" })).AssertFieldErrorsAsync(
            "reason"
        );
        Assert.False(
            (await (await flaggers[1].PostJsonAsync($"/api/v1/comments/{comment}/flags", new { reason = "spam" })).ReadJsonAsync())[
                "hidden"
            ]!.GetValue<bool>()
        );
        Assert.True(
            (
                await (
                    await flaggers[2].PostJsonAsync($"/api/v1/comments/{comment}/flags", new { reason = "other", details = "Hors sujet" })
                ).ReadJsonAsync()
            )["hidden"]!.GetValue<bool>()
        );

        var shown = (await (await Api.CreateClient().GetAsync($"/api/v1/ideas/{idea}/comments")).ReadJsonAsync())["items"]![0]!;
        Assert.Equal("hidden", shown["state"]!.GetValue<string>());
        Assert.Equal("", shown["body"]!.GetValue<string>());
        Assert.Equal(0, (await c.GetIdeaAsync(c.A, idea))["comments"]!.GetValue<int>());
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await flaggers[3].PostJsonAsync($"/api/v1/comments/{comment}/flags", new { reason = "spam" })).StatusCode
        );

        var queue = await (await c.Mod1.GetAsync($"/api/v1/projects/{c.P1}/moderation")).ReadJsonAsync();
        var item = Assert.Single(queue["items"]!.AsArray())!;
        Assert.Equal("comment", item["kind"]!.GetValue<string>());
        Assert.True(item["hiddenByFlags"]!.GetValue<bool>());
        Assert.Equal(3, item["openFlags"]!.GetValue<int>());
        Assert.Equal(new[] { "inappropriate", "spam", "other" }, item["flags"]!.AsArray().Select(f => f!["reason"]!.GetValue<string>()));
        Assert.Equal("Insultant", item["flags"]![0]!["details"]!.GetValue<string>());
        Assert.DoesNotContain("@", queue.ToJsonString());
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Only_the_project_s_staff_see_its_queue()
    {
        var c = await IdeaCity.CreateAsync(Api);

        Assert.Equal(HttpStatusCode.OK, (await c.Mod1.GetAsync($"/api/v1/projects/{c.P1}/moderation")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Admin.GetAsync($"/api/v1/projects/{c.P1}/moderation")).StatusCode);
        Assert.Equal(
            HttpStatusCode.OK,
            (await (await Projects.City.As(Api, c.City.Head1)).GetAsync($"/api/v1/projects/{c.P1}/moderation")).StatusCode
        );
        await (await c.Mod2.GetAsync($"/api/v1/projects/{c.P1}/moderation")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await (await Projects.City.As(Api, c.City.Head2)).GetAsync($"/api/v1/projects/{c.P1}/moderation")).AssertProblemAsync(
            HttpStatusCode.Forbidden
        );
        await (await c.A.GetAsync($"/api/v1/projects/{c.P1}/moderation")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await c.A.GetAsync($"/api/v1/projects/{Guid.NewGuid()}/moderation")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_moderator_hides_with_a_reason_the_author_is_told_and_the_decision_is_audited()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var comment = await c.CommentAsync(c.B, idea, "Pub pour mon garage");
        await c.A.PostJsonAsync($"/api/v1/comments/{comment}/flags", new { reason = "spam" });

        await (await c.Mod2.PostJsonAsync($"/api/v1/comments/{comment}/hide", new { reason = "Publicité" })).AssertProblemAsync(
            HttpStatusCode.Forbidden
        );
        await (await c.A.PostJsonAsync($"/api/v1/comments/{comment}/hide", new { reason = "Publicité" })).AssertProblemAsync(
            HttpStatusCode.Forbidden
        );
        await (await c.Mod1.PostJsonAsync($"/api/v1/comments/{comment}/hide", new { reason = " " })).AssertFieldErrorsAsync("reason");
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await c.Mod1.PostJsonAsync($"/api/v1/comments/{comment}/hide", new { reason = "Publicité" })).StatusCode
        );

        Assert.Empty((await (await c.Mod1.GetAsync($"/api/v1/projects/{c.P1}/moderation")).ReadJsonAsync())["items"]!.AsArray());
        var own = (await (await c.B.GetAsync($"/api/v1/ideas/{idea}/comments")).ReadJsonAsync())["items"]![0]!;
        Assert.Equal("Pub pour mon garage", own["body"]!.GetValue<string>());
        Assert.Equal("Publicité", own["hiddenReason"]!.GetValue<string>());
        Assert.Equal(
            "",
            (await (await c.A.GetAsync($"/api/v1/ideas/{idea}/comments")).ReadJsonAsync())["items"]![0]!["body"]!.GetValue<string>()
        );
        var notification = (await (await c.B.GetAsync("/api/v1/notifications")).ReadJsonAsync())["items"]!
            .AsArray()
            .Single(n => n!["category"]!.GetValue<string>() == "content_hidden")!;
        Assert.Equal("Publicité", notification["data"]!["reason"]!.GetValue<string>());
        Assert.Equal(
            1,
            await Api.ScalarAsync<long>(
                "SELECT count(*) FROM audit_log WHERE action = 'comment.hidden' AND target_id = @Id",
                new { Id = comment.ToString() }
            )
        );
        await (await c.B.PutAsJsonAsync($"/api/v1/comments/{comment}", new { body = "Autre chose" })).AssertProblemAsync(
            HttpStatusCode.Conflict
        );

        Assert.Equal(HttpStatusCode.NoContent, (await c.Mod1.PostJsonAsync($"/api/v1/comments/{comment}/unhide", new { })).StatusCode);
        Assert.Equal(
            "visible",
            (await (await c.A.GetAsync($"/api/v1/ideas/{idea}/comments")).ReadJsonAsync())["items"]![0]!["state"]!.GetValue<string>()
        );
        await (await c.Mod1.PostJsonAsync($"/api/v1/comments/{comment}/unhide", new { })).AssertProblemAsync(HttpStatusCode.Conflict);
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Keeping_a_flagged_idea_dismisses_its_flags_and_hiding_an_idea_removes_it_from_the_lists()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        await c.B.PostJsonAsync($"/api/v1/ideas/{idea}/flags", new { reason = "spam" });
        await (await c.A.PostJsonAsync($"/api/v1/ideas/{idea}/flags", new { reason = "spam" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Single((await (await c.Mod1.GetAsync($"/api/v1/projects/{c.P1}/moderation")).ReadJsonAsync())["items"]!.AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{idea}/unhide", new { })).StatusCode);
        Assert.Empty((await (await c.Mod1.GetAsync($"/api/v1/projects/{c.P1}/moderation")).ReadJsonAsync())["items"]!.AsArray());
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'idea.kept'"));

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await c.Admin.PostJsonAsync($"/api/v1/ideas/{idea}/hide", new { reason = "Propos discriminatoires" })).StatusCode
        );
        Assert.Empty((await (await c.B.GetAsync($"/api/v1/projects/{c.P1}/ideas")).ReadJsonAsync())["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await c.B.GetAsync($"/api/v1/ideas/{idea}")).StatusCode);
        var mine = await c.GetIdeaAsync(c.A, idea);
        Assert.Equal("hidden", mine["visibility"]!["state"]!.GetValue<string>());
        Assert.Equal("Propos discriminatoires", mine["visibility"]!["hiddenReason"]!.GetValue<string>());
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Pre_moderated_ideas_wait_in_the_queue()
    {
        var c = await IdeaCity.CreateAsync(Api, new { preModeration = true });
        var idea = await c.IdeaAsync(c.A);

        var item = Assert.Single(
            (await (await c.Mod1.GetAsync($"/api/v1/projects/{c.P1}/moderation")).ReadJsonAsync())["items"]!.AsArray()
        )!;
        Assert.True(item["awaitingReview"]!.GetValue<bool>());
        Assert.Equal(idea, item["ideaId"]!.GetValue<Guid>());
        await (await c.Mod2.PostJsonAsync($"/api/v1/ideas/{idea}/review", new { decision = "approve" })).AssertProblemAsync(
            HttpStatusCode.NotFound
        );
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{idea}/review", new { decision = "approve" })).StatusCode
        );
        Assert.Empty((await (await c.Mod1.GetAsync($"/api/v1/projects/{c.P1}/moderation")).ReadJsonAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task Staff_notes_stay_with_the_staff_and_mentions_notify_colleagues_of_the_project_only()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);

        await (
            await c.Mod1.PostJsonAsync($"/api/v1/ideas/{idea}/notes", new { body = "Avis ?", mentions = new[] { c.Moderator2.Id } })
        ).AssertFieldErrorsAsync("mentions");
        await (
            await c.Mod1.PostJsonAsync($"/api/v1/ideas/{idea}/notes", new { body = "Avis ?", mentions = new[] { c.ResidentB.Id } })
        ).AssertFieldErrorsAsync("mentions");
        var created = await c.Mod1.PostJsonAsync(
            $"/api/v1/ideas/{idea}/notes",
            new { body = "@Head est-ce conforme au règlement ?", mentions = new[] { c.City.Head1.Id } }
        );
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await (await c.A.GetAsync($"/api/v1/ideas/{idea}/notes")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await c.A.PostJsonAsync($"/api/v1/ideas/{idea}/notes", new { body = "Moi aussi" })).AssertProblemAsync(
            HttpStatusCode.Forbidden
        );
        await (await c.Mod2.GetAsync($"/api/v1/ideas/{idea}/notes")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.DoesNotContain("règlement", (await c.A.GetStringAsync($"/api/v1/ideas/{idea}")));

        var head = await Projects.City.As(Api, c.City.Head1);
        var notes = await (await head.GetAsync($"/api/v1/ideas/{idea}/notes")).ReadJsonAsync();
        var note = Assert.Single(notes["items"]!.AsArray())!;
        Assert.Equal(c.City.Head1.Id, note["mentions"]![0]!["id"]!.GetValue<Guid>());
        Assert.Contains(notes["mentionable"]!.AsArray(), p => p!["id"]!.GetValue<Guid>() == c.Moderator1.Id);
        Assert.DoesNotContain(notes["mentionable"]!.AsArray(), p => p!["id"]!.GetValue<Guid>() == c.Moderator2.Id);
        var mention = Assert.Single((await (await head.GetAsync("/api/v1/notifications")).ReadJsonAsync())["items"]!.AsArray())!;
        Assert.Equal("mention", mention["category"]!.GetValue<string>());
        Assert.Equal(1, await Api.CountAsync("idea_notes"));
    }

    [Fact]
    public async Task Flags_are_rate_limited_per_person()
    {
        await using var limited = new FlagLimitedFactory();
        await limited.InitializeAsync();
        var c = await IdeaCity.CreateAsync(limited);
        var ideas = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ideas.Add(await c.IdeaAsync(c.A, title: $"Idée {i}"));

        var responses = new List<HttpResponseMessage>();
        foreach (var idea in ideas)
            responses.Add(await c.B.PostJsonAsync($"/api/v1/ideas/{idea}/flags", new { reason = "spam" }));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var refused = await responses[2].AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused["retryAfter"]!.GetValue<int>() > 0);
        Assert.Equal(2, await limited.CountAsync("content_flags"));
    }

    private sealed class FlagLimitedFactory : ApiFactory
    {
        public FlagLimitedFactory() => Set("RateLimits:FlagPermits", "2");
    }
}
