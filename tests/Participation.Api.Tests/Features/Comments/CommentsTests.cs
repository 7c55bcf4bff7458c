using System.Net;
using System.Net.Http.Json;
using Participation.Api.Features.Comments;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Comments;

public sealed class CommentsTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task A_comment_that_names_its_own_author_is_refused_by_name_and_nothing_is_written()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);

        var response = await c.B.PostJsonAsync($"/api/v1/ideas/{idea}/comments", new { body = "Oui", authorId = c.ResidentA.Id });

        await response.AssertFieldErrorsAsync("authorId");
        Assert.Equal(0, await Api.CountAsync("comments"));
    }

    [Fact]
    public async Task Residents_comment_and_reply_one_level_deep_and_the_counts_follow()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);

        var response = await c.B.PostJsonAsync($"/api/v1/ideas/{idea}/comments", new { body = "<b>Oui</b> !\nDeux lignes 🙂" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var comment = await response.ReadJsonAsync();
        var commentId = comment["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/v1/comments/{commentId}", response.Headers.Location!.OriginalString);
        Assert.Equal("<b>Oui</b> !\nDeux lignes 🙂", comment["body"]!.GetValue<string>());
        Assert.Equal("Bruno Peeters", comment["author"]!["name"]!.GetValue<string>());

        var reply = await c.CommentAsync(c.A, idea, "Merci !", commentId);
        await (
            await c.B.PostJsonAsync($"/api/v1/ideas/{idea}/comments", new { body = "Réponse à une réponse", parentId = reply })
        ).AssertFieldErrorsAsync("parentId");
        var otherIdea = await c.IdeaAsync(c.A, title: "Autre idée");
        await (
            await c.B.PostJsonAsync($"/api/v1/ideas/{otherIdea}/comments", new { body = "Mauvais fil", parentId = commentId })
        ).AssertFieldErrorsAsync("parentId");
        await (await c.B.PostJsonAsync($"/api/v1/ideas/{idea}/comments", new { body = "   " })).AssertFieldErrorsAsync("body");
        await (await c.B.PostJsonAsync($"/api/v1/ideas/{idea}/comments", new { body = new string('x', 5001) })).AssertFieldErrorsAsync(
            "body"
        );

        var list = await (await Api.CreateClient().GetAsync($"/api/v1/ideas/{idea}/comments")).ReadJsonAsync();
        var top = list["items"]!.AsArray().Single()!;
        Assert.Equal(1, top["repliesCount"]!.GetValue<int>());
        Assert.Equal("Merci !", top["replies"]![0]!["body"]!.GetValue<string>());
        Assert.Equal(2, (await c.GetIdeaAsync(c.B, idea))["comments"]!.GetValue<int>());
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task The_author_edits_and_deletes_their_comment_and_B_cannot()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var comment = await c.CommentAsync(c.A, idea, "Premier jet");
        var lonely = await c.CommentAsync(c.A, idea, "Sans réponse");
        await c.CommentAsync(c.B, idea, "Une réponse", comment);

        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await c.B.PutAsJsonAsync($"/api/v1/comments/{comment}", new { body = "Réécrit par B" })).StatusCode
        );
        Assert.Equal(HttpStatusCode.Forbidden, (await c.B.DeleteAsync($"/api/v1/comments/{comment}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Mod1.DeleteAsync($"/api/v1/comments/{comment}")).StatusCode);

        var edited = await (await c.A.PutAsJsonAsync($"/api/v1/comments/{comment}", new { body = "Version corrigée" })).ReadJsonAsync();
        Assert.Equal("Version corrigée", edited["body"]!.GetValue<string>());
        Assert.NotNull(edited["editedAt"]);

        Assert.Equal(HttpStatusCode.NoContent, (await c.A.DeleteAsync($"/api/v1/comments/{comment}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.A.DeleteAsync($"/api/v1/comments/{lonely}")).StatusCode);
        var items = (await (await c.B.GetAsync($"/api/v1/ideas/{idea}/comments")).ReadJsonAsync())["items"]!.AsArray();
        var placeholder = Assert.Single(items)!;
        Assert.Equal("deleted", placeholder["state"]!.GetValue<string>());
        Assert.Equal("", placeholder["body"]!.GetValue<string>());
        Assert.Null(placeholder["author"]);
        Assert.Single(placeholder["replies"]!.AsArray());
        await (await c.A.PutAsJsonAsync($"/api/v1/comments/{comment}", new { body = "Revenant" })).AssertProblemAsync(
            HttpStatusCode.Conflict
        );
        Assert.Equal(1, (await c.GetIdeaAsync(c.B, idea))["comments"]!.GetValue<int>());
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Comments_and_replies_are_keyset_paginated_oldest_first()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var top = new List<Guid>();
        for (var i = 0; i < 5; i++)
            top.Add(await c.CommentAsync(c.B, idea, $"Commentaire {i}"));
        var replies = new List<Guid>();
        for (var i = 0; i < 5; i++)
            replies.Add(await c.CommentAsync(c.A, idea, $"Réponse {i}", top[0]));

        var walked = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await (
                await c.B.GetAsync($"/api/v1/ideas/{idea}/comments?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}")
            ).ReadJsonAsync();
            walked.AddRange(page["items"]!.AsArray().Select(x => x!["id"]!.GetValue<Guid>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        Assert.Equal(top, walked);

        var first = await (await c.B.GetAsync($"/api/v1/ideas/{idea}/comments?limit=1")).ReadJsonAsync();
        Assert.Equal(ListComments.RepliesShown, first["items"]![0]!["replies"]!.AsArray().Count);
        Assert.Equal(5, first["items"]![0]!["repliesCount"]!.GetValue<int>());
        var more = await (await c.B.GetAsync($"/api/v1/comments/{top[0]}/replies?limit=3")).ReadJsonAsync();
        var rest = await (
            await c.B.GetAsync($"/api/v1/comments/{top[0]}/replies?limit=3&cursor={more["nextCursor"]!.GetValue<string>()}")
        ).ReadJsonAsync();
        Assert.Equal(replies, more["items"]!.AsArray().Concat(rest["items"]!.AsArray()).Select(x => x!["id"]!.GetValue<Guid>()));
        await (await c.B.GetAsync($"/api/v1/ideas/{idea}/comments?cursor=%%%")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await c.B.GetAsync($"/api/v1/ideas/{idea}/comments?limit=500")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_idea_author_and_the_parent_author_are_notified_once_each_and_never_of_their_own_comment()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        await c.CommentAsync(c.A, idea, "Je précise mon idée");
        var top = await c.CommentAsync(c.B, idea, "Question ?");
        await c.CommentAsync(c.A, idea, "Réponse de l'auteur", top);
        var third = await c.ResidentAsync("Chloé");
        await c.CommentAsync(Api.ClientFor(third.Id), idea, "Moi aussi", top);

        async Task<List<string>> Categories(TestUser user) =>
            (await (await Api.ClientFor(user.Id).GetAsync("/api/v1/notifications")).ReadJsonAsync())["items"]!
                .AsArray()
                .Select(n => n!["category"]!.GetValue<string>())
                .Order()
                .ToList();
        // A: B's comment + Chloé's reply (on A's idea); B: A's reply + Chloé's reply to B's comment.
        Assert.Equal(new[] { "comment_on_my_idea", "comment_on_my_idea" }, await Categories(c.ResidentA));
        Assert.Equal(new[] { "reply_to_my_comment", "reply_to_my_comment" }, await Categories(c.ResidentB));
        Assert.Empty(await Categories(third));
    }

    [Fact]
    public async Task Residents_comment_for_a_verified_organisation_they_belong_to()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var org = (
            await (await c.B.PostJsonAsync("/api/v1/organisations", new { name = "Fietsersbond", description = "Vélo" })).ReadJsonAsync()
        )["id"]!.GetValue<Guid>();
        await (
            await c.B.PostJsonAsync($"/api/v1/ideas/{idea}/comments", new { body = "Pour le vélo", organisationId = org })
        ).AssertFieldErrorsAsync("organisationId");
        await c.Admin.PostJsonAsync($"/api/v1/organisations/{org}/review", new { decision = "verify" });

        var comment = await (
            await c.B.PostJsonAsync($"/api/v1/ideas/{idea}/comments", new { body = "Pour le vélo", organisationId = org })
        ).ReadJsonAsync();
        Assert.Equal("organisation", comment["author"]!["kind"]!.GetValue<string>());
        Assert.Equal("Fietsersbond", comment["author"]!["name"]!.GetValue<string>());
        Assert.True(comment["isMine"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Commenting_follows_the_phase_rules()
    {
        var c = await IdeaCity.CreateAsync(Api, new { permissions = new { comment = "staff" } });
        var idea = await c.IdeaAsync(c.A);

        Assert.Equal(
            "not_permitted",
            (
                await (await c.B.PostJsonAsync($"/api/v1/ideas/{idea}/comments", new { body = "Puis-je ?" })).AssertProblemAsync(
                    HttpStatusCode.Forbidden
                )
            )["reason"]!.GetValue<string>()
        );
        Assert.Equal("not_permitted", IdeaCity.Reason(await c.GetIdeaAsync(c.B, idea), "comment"));
        await c.CommentAsync(c.Mod1, idea, "Réponse de la ville");
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await Api.CreateClient().PostJsonAsync($"/api/v1/ideas/{idea}/comments", new { body = "Anonyme" })).StatusCode
        );
        Assert.Equal(1, await Api.CountAsync("comments"));
    }
}
