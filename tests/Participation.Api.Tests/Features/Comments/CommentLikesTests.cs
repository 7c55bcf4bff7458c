using System.Net;
using Participation.Api.Features.Comments;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Comments;

public sealed class CommentLikesTests(ApiFactory api) : ApiTest(api)
{
    private static string Like(Guid comment) => $"/api/v1/comments/{comment}/like";

    private static async Task<List<(Guid Id, int Likes, bool Liked)>> ListAsync(HttpClient client, Guid idea, string query = "")
    {
        var page = await (await client.GetAsync($"/api/v1/ideas/{idea}/comments{query}")).ReadJsonAsync();
        return page["items"]!
            .AsArray()
            .Select(x => (x!["id"]!.GetValue<Guid>(), x["likes"]!.GetValue<int>(), x["likedByMe"]!.GetValue<bool>()))
            .ToList();
    }

    [Fact]
    public async Task A_resident_likes_and_unlikes_a_comment_repeating_changes_nothing_and_one_event_each()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var comment = await c.CommentAsync(c.A, idea, "À aimer");

        var liked = await (await c.B.PutAsync(Like(comment), null)).ReadJsonAsync();
        Assert.Equal(1, liked["likes"]!.GetValue<int>());
        Assert.True(liked["likedByMe"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await c.B.PutAsync(Like(comment), null)).StatusCode);
        Assert.Equal((comment, 1, true), Assert.Single(await ListAsync(c.B, idea)));
        Assert.Equal((comment, 1, false), Assert.Single(await ListAsync(Api.CreateClient(), idea)));
        Assert.Equal((comment, 1, false), Assert.Single(await ListAsync(c.A, idea)));
        Assert.Single(await Api.EventsAsync("comment.liked"));

        var unliked = await (await c.B.DeleteAsync(Like(comment))).ReadJsonAsync();
        Assert.Equal(0, unliked["likes"]!.GetValue<int>());
        Assert.False(unliked["likedByMe"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await c.B.DeleteAsync(Like(comment))).StatusCode);
        Assert.Single(await Api.EventsAsync("comment.unliked"));
        Assert.Equal(0, await Api.CountAsync("comment_likes"));
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Nobody_likes_their_own_comment_anonymous_is_401_and_an_unknown_comment_404_nothing_written()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var comment = await c.CommentAsync(c.A, idea, "Le mien");

        await (await c.A.PutAsync(Like(comment), null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CreateClient().PutAsync(Like(comment), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CreateClient().DeleteAsync(Like(comment))).StatusCode);
        await (await c.B.PutAsync(Like(Guid.NewGuid()), null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await c.B.PutAsync("/api/v1/comments/not-a-guid/like", null)).StatusCode);
        // Staff like like anyone else (a moderator is a person too).
        Assert.Equal(HttpStatusCode.OK, (await c.Mod2.PutAsync(Like(comment), null)).StatusCode);
        Assert.Equal(1, await Api.CountAsync("comment_likes"));
        Assert.Single(await Api.EventsAsync("comment.liked"));
    }

    [Fact]
    public async Task Hidden_and_deleted_comments_cannot_be_liked_but_a_like_can_be_taken_back()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var hidden = await c.CommentAsync(c.A, idea, "Hors sujet");
        var deleted = await c.CommentAsync(c.A, idea, "Effacé");
        await c.CommentAsync(c.B, idea, "Une réponse", deleted);
        Assert.Equal(HttpStatusCode.OK, (await c.B.PutAsync(Like(hidden), null)).StatusCode);
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await c.Mod1.PostJsonAsync($"/api/v1/comments/{hidden}/hide", new { reason = "Non" })).StatusCode
        );
        Assert.Equal(HttpStatusCode.NoContent, (await c.A.DeleteAsync($"/api/v1/comments/{deleted}")).StatusCode);

        await (await c.B.PutAsync(Like(hidden), null)).AssertProblemAsync(HttpStatusCode.NotFound); // B no longer sees it
        await (await c.Mod1.PutAsync(Like(hidden), null)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await c.B.PutAsync(Like(deleted), null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await Api.CountAsync("comment_likes"));
        var back = await (await c.Mod1.DeleteAsync(Like(hidden))).ReadJsonAsync();
        Assert.Equal(1, back["likes"]!.GetValue<int>()); // the moderator had none to take back
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Fifty_parallel_likes_by_one_person_and_forty_people_at_once_are_each_counted_once()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var comment = await c.CommentAsync(c.A, idea, "Populaire");

        var same = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => c.B.PutAsync(Like(comment), null)));
        Assert.All(same, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(await Api.EventsAsync("comment.liked"));

        var clients = new List<HttpClient>();
        for (var i = 0; i < 40; i++)
            clients.Add(Api.ClientFor((await Api.CreateUserAsync(firstName: $"R{i}")).Id));
        var many = await Task.WhenAll(clients.Select(client => client.PutAsync(Like(comment), null)));
        Assert.All(many, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var toggles = await Task.WhenAll(clients.Take(20).Select(client => client.DeleteAsync(Like(comment))));
        Assert.All(toggles, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        Assert.Equal(21, Assert.Single(await ListAsync(c.A, idea)).Likes);
        Assert.Equal(21, await Api.CountAsync("comment_likes"));
        await Invariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Comments_sort_newest_and_most_liked_with_keyset_pages_and_a_constant_number_of_statements()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var comments = new List<Guid>();
        for (var i = 0; i < 5; i++)
            comments.Add(await c.CommentAsync(c.A, idea, $"Commentaire {i}"));
        var fans = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
            fans.Add(Api.ClientFor((await Api.CreateUserAsync(firstName: $"F{i}")).Id));
        // Likes: #3 three, #1 two, #4 two, the others none.
        foreach (var (comment, n) in new[] { (comments[3], 3), (comments[1], 2), (comments[4], 2) })
            for (var i = 0; i < n; i++)
                await fans[i].PutAsync(Like(comment), null);

        async Task<List<Guid>> Walk(string sort)
        {
            var walked = new List<Guid>();
            string? cursor = null;
            do
            {
                var page = await (
                    await c.B.GetAsync($"/api/v1/ideas/{idea}/comments?sort={sort}&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}")
                ).ReadJsonAsync();
                walked.AddRange(page["items"]!.AsArray().Select(x => x!["id"]!.GetValue<Guid>()));
                cursor = page["nextCursor"]?.GetValue<string>();
            } while (cursor is not null);
            return walked;
        }
        Assert.Equal(comments, await Walk("oldest"));
        Assert.Equal(Enumerable.Reverse(comments), await Walk("newest"));
        var tied = new[] { comments[1], comments[4] }.OrderByDescending(g => g).ToArray();
        var rest = new[] { comments[0], comments[2] }.OrderByDescending(g => g.ToString()).ToArray();
        var mostLiked = await Walk("most_liked");
        Assert.Equal(comments[3], mostLiked[0]);
        Assert.Equal(new HashSet<Guid>(tied), mostLiked.Skip(1).Take(2).ToHashSet());
        Assert.Equal(new HashSet<Guid>(rest), mostLiked.Skip(3).ToHashSet());
        Assert.Equal(5, mostLiked.Distinct().Count());

        var newestCursor = (await (await c.B.GetAsync($"/api/v1/ideas/{idea}/comments?sort=newest&limit=1")).ReadJsonAsync())[
            "nextCursor"
        ]!.GetValue<string>();
        await (await c.B.GetAsync($"/api/v1/ideas/{idea}/comments?sort=most_liked&cursor={newestCursor}")).AssertFieldErrorsAsync("cursor");
        await (await c.B.GetAsync($"/api/v1/ideas/{idea}/comments?sort=likes;DROP TABLE comments")).AssertProblemAsync(
            HttpStatusCode.BadRequest
        );

        async Task<int> Statements(int limit)
        {
            using var counter = new SqlCounter();
            await Api.Send(new ListComments.Query(c.ResidentB.Id, idea, null, limit, CommentSort.MostLiked));
            return counter.Count;
        }
        Assert.Equal(await Statements(1), await Statements(5));
    }
}
