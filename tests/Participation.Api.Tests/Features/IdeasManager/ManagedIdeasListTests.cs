using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Participation.Api.Features.IdeasManager;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.IdeasManager;

/// <summary>The ideas manager's table: every idea of the project with its state, filters, sorts, keyset pages and counts.</summary>
[Collection(ApiCollection.C)]
public sealed class ManagedIdeasListTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task The_staff_see_every_idea_of_the_project_with_its_state_answer_and_waiting_time()
    {
        var m = await ManagerCity.CreateAsync(Api);
        var c = m.C;
        var waiting = await m.PublicIdeaAsync(c.A, "Des bancs au parc");
        var prescreening = await m.PrescreenedIdeaAsync(c.B, "Un kiosque");
        var hidden = await m.PublicIdeaAsync(c.B, "Une idée masquée");
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{hidden}/hide", new { reason = "Hors sujet" })).StatusCode
        );
        var withdrawn = await m.PublicIdeaAsync(c.A, "Une idée retirée");
        Assert.Equal(HttpStatusCode.NoContent, (await c.A.PostAsync($"/api/v1/ideas/{withdrawn}/withdraw", null)).StatusCode);
        var answered = await m.PublicIdeaAsync(c.B, "Une fontaine");
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{answered}/status", new { status = "under_consideration" })).StatusCode
        );
        await c.IdeaAsync(c.A, c.P2, "Dans un autre projet");

        var list = await m.ListAsync(c.Mod1);

        Assert.Equal(5, list["total"]!.GetValue<long>());
        Assert.Equal([answered, withdrawn, hidden, prescreening, waiting], ManagerCity.Ids(list));
        Assert.Null(list["nextCursor"]);
        string State(Guid id) => ManagerCity.Item(list, id)["state"]!.GetValue<string>();
        Assert.Equal(
            ["public", "prescreening", "hidden", "withdrawn", "public"],
            new[] { waiting, prescreening, hidden, withdrawn, answered }.Select(State)
        );
        var w = ManagerCity.Item(list, waiting);
        Assert.Equal("proposed", w["status"]!.GetValue<string>());
        Assert.Equal("Alice Martin", w["author"]!["name"]!.GetValue<string>());
        Assert.Equal(c.Phase1, w["phase"]!["id"]!.GetValue<Guid>());
        Assert.Equal("Phase ideation", w["phase"]!["title"]!["fr"]!.GetValue<string>());
        Assert.Equal(w["createdAt"]!.GetValue<DateTimeOffset>(), w["waitingSince"]!.GetValue<DateTimeOffset>());
        Assert.Equal(0, w["waitingDays"]!.GetValue<int>());
        Assert.Null(w["answeredAt"]);
        Assert.Null(w["assignee"]);
        var a = ManagerCity.Item(list, answered);
        Assert.Equal("under_consideration", a["status"]!.GetValue<string>());
        Assert.NotNull(a["answeredAt"]);
        Assert.Null(a["waitingSince"]);
        Assert.Null(a["waitingDays"]);
        // Not public: nobody waits for an answer to them.
        foreach (var id in new[] { prescreening, hidden, withdrawn })
            Assert.Null(ManagerCity.Item(list, id)["waitingDays"]);
        // The staff ideas may be assigned to: the project's moderator, its department's head and the admin; never an e-mail.
        var staff = list["staff"]!.AsArray().Select(s => s!["id"]!.GetValue<Guid>()).ToList();
        Assert.Contains(c.Moderator1.Id, staff);
        Assert.Contains(c.City.Head1.Id, staff);
        Assert.DoesNotContain(c.Moderator2.Id, staff);
        Assert.DoesNotContain(c.City.Head2.Id, staff);
        Assert.Equal(3, staff.Count);
        Assert.DoesNotContain("@", list.ToJsonString());
    }

    [Fact]
    public async Task Filters_combine_and_the_total_counts_every_page()
    {
        var m = await ManagerCity.CreateAsync(Api);
        var c = m.C;
        var bancs = await m.PublicIdeaAsync(c.A, "Des bancs à l'ombre", "Près de l'étang.", "mobilier");
        var velo = await m.PublicIdeaAsync(c.B, "Un parking vélo", "Sécurisé et couvert.", "mobilité");
        var kiosque = await m.PrescreenedIdeaAsync(c.B, "Un kiosque", "Pour la musique.", "culture");
        var fontaine = await m.PublicIdeaAsync(c.A, "Une fontaine", "Eau potable.", "mobilier");
        await c.Mod1.PostJsonAsync($"/api/v1/ideas/{fontaine}/status", new { feedback = "Nous étudions un emplacement." });
        await Api.ScalarAsync<int>("UPDATE ideas SET created_at = now() - interval '10 days' WHERE id = @bancs RETURNING 1", new { bancs });
        await c.B.PostJsonAsync($"/api/v1/ideas/{bancs}/flags", new { reason = "spam" });
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Mod1.PutAsJsonAsync($"/api/v1/ideas/{velo}/assignee", new { assigneeId = c.Moderator1.Id })).StatusCode
        );
        var head = await Projects.City.As(Api, c.City.Head1);

        Assert.Equal([kiosque], await m.IdsAsync(c.Mod1, "?status=prescreening"));
        Assert.Equal([fontaine, bancs], await m.IdsAsync(c.Mod1, "?topic=Mobilier"));
        Assert.Equal([velo, bancs], await m.IdsAsync(c.Mod1, "?waiting=true"));
        Assert.Equal([fontaine, kiosque], await m.IdsAsync(c.Mod1, "?waiting=false"));
        Assert.Equal([bancs], await m.IdsAsync(c.Mod1, "?waitingDays=7"));
        Assert.Equal(10, ManagerCity.Item(await m.ListAsync(c.Mod1, "?waitingDays=9"), bancs)["waitingDays"]!.GetValue<int>());
        Assert.Empty(await m.IdsAsync(c.Mod1, "?waitingDays=11"));
        Assert.Equal([bancs], await m.IdsAsync(c.Mod1, "?flagged=true"));
        Assert.Equal(3, (await m.IdsAsync(c.Mod1, "?flagged=false")).Count);
        Assert.Equal([velo], await m.IdsAsync(c.Mod1, "?assignee=me"));
        Assert.Empty(await m.IdsAsync(head, "?assignee=me"));
        Assert.Equal([velo], await m.IdsAsync(head, $"?assignee={c.Moderator1.Id}"));
        Assert.Equal([fontaine, kiosque, bancs], await m.IdsAsync(head, "?assignee=none"));
        Assert.Equal(4, (await m.IdsAsync(c.Mod1, $"?phaseId={c.Phase1}")).Count);
        Assert.Empty(await m.IdsAsync(c.Mod1, $"?phaseId={Guid.NewGuid()}"));
        Assert.Equal([velo], await m.IdsAsync(c.Mod1, "?search=couvert"));
        Assert.Equal([bancs], await m.IdsAsync(c.Mod1, "?waiting=true&topic=mobilier&flagged=true&assignee=none&search=étang"));
        Assert.Equal("Modé Rateur", ManagerCity.Item(await m.ListAsync(c.Mod1), velo)["assignee"]!["name"]!.GetValue<string>());

        var firstPage = await m.ListAsync(c.Mod1, "?waiting=false&limit=1");
        Assert.Equal(2, firstPage["total"]!.GetValue<long>());
        Assert.Single(firstPage["items"]!.AsArray());
        var second = await m.ListAsync(c.Mod1, $"?waiting=false&limit=1&cursor={firstPage["nextCursor"]}");
        Assert.Equal(2, second["total"]!.GetValue<long>());
        Assert.Equal([kiosque], ManagerCity.Ids(second));
        Assert.Null(second["nextCursor"]);
    }

    public static TheoryData<string> Sorts => new() { "newest", "oldest", "most_supported", "most_commented", "waiting_longest" };

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Each_sort_orders_the_ideas_and_pages_walk_them_without_gaps_or_repeats(string sort)
    {
        var m = await ManagerCity.CreateAsync(Api);
        var c = m.C;
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            var title = $"Idée numéro {i}";
            ids.Add(i % 3 == 2 ? await m.PrescreenedIdeaAsync(c.A, title) : await m.PublicIdeaAsync(c.A, title));
        }
        // Spread creation dates, likes, comments and answers, with ties.
        await Api.ScalarAsync<int>(
            "UPDATE ideas SET created_at = now() - make_interval(days => (ascii(right(title, 1)) - 48) % 4) "
                + "WHERE project_id = @P1 RETURNING 1",
            new { c.P1 }
        );
        foreach (var (idea, n) in new[] { (ids[0], 2), (ids[1], 1), (ids[3], 2), (ids[4], 0) })
            for (var k = 0; k < n; k++)
                await Api.ClientFor((await c.ResidentAsync($"R{k}")).Id)
                    .PutAsJsonAsync($"/api/v1/ideas/{idea}/reaction", new { kind = "like" });
        await c.CommentAsync(c.B, ids[3]);
        await c.CommentAsync(c.B, ids[3]);
        await c.CommentAsync(c.B, ids[1]);
        await c.Mod1.PostJsonAsync($"/api/v1/ideas/{ids[4]}/status", new { status = "accepted" });

        var all = await m.ListAsync(c.Mod1, $"?sort={sort}&limit=100");
        var walked = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await m.ListAsync(c.Mod1, $"?sort={sort}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            walked.AddRange(ManagerCity.Ids(page));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);

        Assert.Equal(7, all["items"]!.AsArray().Count);
        Assert.Equal(ManagerCity.Ids(all), walked);
        var items = all["items"]!.AsArray().Select(i => i!).ToList();
        for (var i = 1; i < items.Count; i++)
            Assert.True(InOrder(sort, items[i - 1], items[i]), $"{sort}: {items[i - 1]} before {items[i]}");
    }

    /// <summary>Whether <paramref name="a"/> may come before <paramref name="b"/> (ties broken by id, as PostgreSQL compares
    /// uuids).</summary>
    private static bool InOrder(string sort, JsonNode a, JsonNode b)
    {
        DateTimeOffset At(JsonNode n) => n["createdAt"]!.GetValue<DateTimeOffset>();
        int Int(JsonNode n, string p) => n[p]!.GetValue<int>();
        var id = string.CompareOrdinal(a["id"]!.GetValue<string>(), b["id"]!.GetValue<string>());
        int Desc(long x, long y) => x != y ? y.CompareTo(x) : -id;
        var order = sort switch
        {
            "newest" => Desc(At(a).UtcTicks, At(b).UtcTicks),
            "oldest" => At(a) != At(b) ? At(a).CompareTo(At(b)) : id,
            "most_supported" => Desc(Int(a, "likes"), Int(b, "likes")),
            "most_commented" => Desc(Int(a, "comments"), Int(b, "comments")),
            _ => (a["waitingDays"] is null, b["waitingDays"] is null) switch
            {
                (false, true) => -1,
                (true, false) => 1,
                _ => At(a) != At(b) ? At(a).CompareTo(At(b)) : id,
            },
        };
        return order < 0;
    }

    [Fact]
    public async Task A_page_runs_the_same_statements_whatever_its_size()
    {
        var m = await ManagerCity.CreateAsync(Api);
        var c = m.C;
        for (var i = 0; i < 12; i++)
        {
            var idea = await m.PublicIdeaAsync(i % 2 == 0 ? c.A : c.B, $"Idée {i}");
            await c.Mod1.PutAsJsonAsync($"/api/v1/ideas/{idea}/assignee", new { assigneeId = c.Moderator1.Id });
        }
        async Task<int> CountAsync(int limit)
        {
            using var counter = new SqlCounter();
            var page = await Api.Send(
                new ListManagedIdeas.Query(
                    c.Moderator1.Id,
                    c.P1,
                    null,
                    null,
                    null,
                    true,
                    null,
                    null,
                    "me",
                    null,
                    ManagedIdeaSort.WaitingLongest,
                    null,
                    limit
                )
            );
            Assert.Equal(Math.Min(limit, 12), page.Items.Count);
            Assert.Equal(12, page.Total);
            return counter.Count;
        }

        Assert.Equal(await CountAsync(2), await CountAsync(50));
    }
}
