using System.Net.Http.Json;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Ideas;

/// <summary>
/// The authorization matrix (QUALITY.md §2) of ideas, comments, reactions and moderation, generated from a
/// table: resident A's idea and comment in P1 (D1, moderator_p1), with A's like on it.
/// </summary>
public sealed class IdeaAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Actors = AuthorizationMatrix.Actors;

    private static readonly string[] Actions =
    [
        "read_idea",
        "edit_idea",
        "withdraw_idea",
        "change_status",
        "hide_idea",
        "moderation_queue",
        "read_notes",
        "edit_comment",
        "delete_comment",
        "remove_own_reaction",
        "flag_idea",
    ];

    private static int Expected(string actor, string action)
    {
        var staff = actor is "moderator_p1" or "head_d1" or "admin";
        var author = actor == "resident_a";
        return action switch
        {
            "read_idea" => 200,
            _ when actor == "anonymous" => 401,
            "edit_idea" or "edit_comment" => author ? 200 : 403,
            "withdraw_idea" or "delete_comment" => author ? 204 : 403,
            "change_status" or "moderation_queue" or "read_notes" => staff ? 200 : 403,
            "hide_idea" => staff ? 204 : 403,
            "remove_own_reaction" => 200,
            "flag_idea" => author ? 409 : 200,
            _ => throw new InvalidOperationException(action),
        };
    }

    public static TheoryData<string, string, int> Matrix() => AuthorizationMatrix.Build(Actors, Actions, Expected);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_do_what_with_ideas_and_comments(string actor, string action, int expected)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var comment = await c.CommentAsync(c.A, idea, "Commentaire de A");
        await c.A.PutAsJsonAsync($"/api/v1/ideas/{idea}/reaction", new { kind = "like" });
        var client = await c.ClientAsync(actor);
        const string State = """
            SELECT i.title || i.status || coalesce(i.hidden_at::text, '-') || coalesce(i.withdrawn_at::text, '-') || i.likes_count
                   || (SELECT string_agg(body || coalesce(deleted_at::text, '-'), ',') FROM comments WHERE idea_id = i.id)
                   || (SELECT count(*) FROM idea_reactions WHERE idea_id = i.id AND user_id = @A)
              FROM ideas i WHERE i.id = @Idea
            """;
        var before = await Api.ScalarAsync<string>(State, new { Idea = idea, A = c.ResidentA.Id });

        var response = action switch
        {
            "read_idea" => await client.GetAsync($"/api/v1/ideas/{idea}"),
            "edit_idea" => await client.PutAsJsonAsync($"/api/v1/ideas/{idea}", IdeaCity.Idea("Titre changé")),
            "withdraw_idea" => await client.PostAsync($"/api/v1/ideas/{idea}/withdraw", null),
            "change_status" => await client.PostJsonAsync($"/api/v1/ideas/{idea}/status", new { status = "accepted" }),
            "hide_idea" => await client.PostJsonAsync($"/api/v1/ideas/{idea}/hide", new { reason = "Test" }),
            "moderation_queue" => await client.GetAsync($"/api/v1/projects/{c.P1}/moderation"),
            "read_notes" => await client.GetAsync($"/api/v1/ideas/{idea}/notes"),
            "edit_comment" => await client.PutAsJsonAsync($"/api/v1/comments/{comment}", new { body = "Changé" }),
            "delete_comment" => await client.DeleteAsync($"/api/v1/comments/{comment}"),
            "remove_own_reaction" => await client.DeleteAsync($"/api/v1/ideas/{idea}/reaction"),
            "flag_idea" => await client.PostJsonAsync($"/api/v1/ideas/{idea}/flags", new { reason = "spam" }),
            _ => throw new InvalidOperationException(action),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected >= 400 || (action == "remove_own_reaction" && actor != "resident_a"))
            Assert.Equal(before, await Api.ScalarAsync<string>(State, new { Idea = idea, A = c.ResidentA.Id }));
        if (expected >= 400)
            Assert.Equal(0, await Api.CountAsync("content_flags"));
        await Invariants.AssertHoldAsync(Api);
    }
}
