using System.Net;
using System.Text.Json.Nodes;
using Participation.Api.Features.Users;
using Participation.Api.Tests.Features.Exports;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Users;

/// <summary>Public profiles: a name, an avatar, since when, and only what everyone sees anyway; never an e-mail.</summary>
public sealed class PeopleTests(ApiFactory api) : ApiTest(api)
{
    private static string Person(Guid id) => $"/api/v1/people/{id}";

    private static async Task<List<JsonNode>> PublicAsync(HttpClient client, Guid id, int limit = 100)
    {
        var items = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var response = await client.GetAsync(
                $"{Person(id)}/contributions?limit={limit}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))
            );
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var page = await response.ReadJsonAsync();
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        return items;
    }

    private static (string, Guid)[] Keys(IEnumerable<JsonNode> items) =>
        items.Select(i => (i["kind"]!.GetValue<string>(), (i["commentId"] ?? i["ideaId"])!.GetValue<Guid>())).Order().ToArray();

    [Fact]
    public async Task Anyone_reads_a_profile_with_name_avatar_and_member_since_but_never_the_e_mail()
    {
        var k = await ExportCity.CreateAsync(Api);
        var a = k.C.ResidentA;

        var response = await Api.CreateClient().GetAsync(Person(a.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(a.Email, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("email", raw, StringComparison.OrdinalIgnoreCase);
        var body = JsonNode.Parse(raw)!;
        Assert.Equal("Alice Martin", body["displayName"]!.GetValue<string>());
        Assert.Null(body["avatarUrl"]);
        Assert.True(body["memberSince"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddHours(-1));
        var contributions = await (await Api.CreateClient().GetAsync($"{Person(a.Id)}/contributions")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(a.Email, contributions, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Only_public_ideas_and_comments_are_listed_the_same_for_every_caller()
    {
        var k = await ExportCity.CreateAsync(Api);
        var c = k.C;

        // Alice: her two ideas and her reply; never her votes, basket, survey answer or reaction.
        var alice = await PublicAsync(Api.CreateClient(), c.ResidentA.Id);
        // Compared in the same order as Keys: ids made in one millisecond (UUIDv7) are in no particular order.
        Assert.Equal(new[] { ("comment", k.Comment2), ("idea", k.Idea1), ("idea", k.Idea3) }.Order(), Keys(alice));
        // Bruno: his visible comments; not the idea posted for the organisation, the withdrawn one nor the deleted comment.
        var bruno = Keys(await PublicAsync(Api.CreateClient(), c.ResidentB.Id));
        Assert.Contains(("comment", k.Comment1), bruno);
        Assert.DoesNotContain(("idea", k.Idea2), bruno);
        Assert.DoesNotContain(("idea", k.Idea4), bruno);
        Assert.DoesNotContain(("comment", k.Comment4), bruno);
        foreach (var caller in new[] { c.A, c.B, c.Admin, c.Mod1 })
            Assert.Equal(Keys(alice), Keys(await PublicAsync(caller, c.ResidentA.Id)));

        // Hidden by the moderators, or in a project back to draft: gone from the profile.
        await Api.ScalarAsync<int>(
            "UPDATE comments SET hidden_at = now(), hidden_reason = 'spam' WHERE id = @Id RETURNING 1",
            new { Id = k.Comment2 }
        );
        await Api.ScalarAsync<int>("UPDATE projects SET status = 'draft' WHERE id = @P2 RETURNING 1", new { c.P2 });
        Assert.Equal(new[] { ("idea", k.Idea1) }, Keys(await PublicAsync(c.A, c.ResidentA.Id)));
    }

    [Fact]
    public async Task Pages_walk_the_list_once_and_bad_parameters_are_a_400()
    {
        var k = await ExportCity.CreateAsync(Api);
        var id = k.C.ResidentB.Id;
        var anonymous = Api.CreateClient();

        Assert.Equal(
            (await PublicAsync(anonymous, id)).Select(i => i.ToJsonString()),
            (await PublicAsync(anonymous, id, limit: 1)).Select(i => i.ToJsonString())
        );
        await (await anonymous.GetAsync($"{Person(id)}/contributions?limit=0")).AssertFieldErrorsAsync("limit");
        await (await anonymous.GetAsync($"{Person(id)}/contributions?cursor=bm9wZQ")).AssertFieldErrorsAsync("cursor");

        async Task<int> Statements(int limit)
        {
            using var counter = new SqlCounter();
            await Api.Send(new ListPersonContributions.Query(id, null, limit));
            return counter.Count;
        }
        // One to know the person exists, one for the page, whatever its size.
        Assert.Equal(2, await Statements(1));
        Assert.Equal(2, await Statements(50));
    }

    [Fact]
    public async Task Unknown_people_and_deleted_accounts_have_no_profile()
    {
        var a = await Api.CreateUserAsync();
        var anonymous = Api.CreateClient();
        await (await anonymous.GetAsync(Person(Guid.NewGuid()))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"{Person(Guid.NewGuid())}/contributions")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/people/not-a-guid")).StatusCode);

        var deleted = await Api.ClientFor(a.Id).PostJsonAsync("/api/v1/me/deletion", new { password = ApiFactory.Password });
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        await (await anonymous.GetAsync(Person(a.Id))).AssertProblemAsync(HttpStatusCode.NotFound);
        var ghost = await Api.ScalarAsync<Guid>("SELECT id FROM users WHERE deleted_at IS NOT NULL");
        await (await anonymous.GetAsync(Person(ghost))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"{Person(ghost)}/contributions")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
