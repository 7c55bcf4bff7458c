using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.IdeasManager;

/// <summary>
/// QUALITY.md §1 on the ideas manager, called by the project's moderator on real ideas: bad query strings and bodies get a
/// 400 problem naming the field, never a 500, and nothing is written.
/// </summary>
[Collection(ApiCollection.C)]
public sealed class ManagerBadInputTests(ApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("?sort=trending", "sort")]
    [InlineData("?sort=created_at%20DESC;DROP%20TABLE%20ideas", "sort")]
    [InlineData("?status=adopted", "status")]
    [InlineData("?assignee=someone", "assignee")]
    [InlineData("?assignee=me%27--", "assignee")]
    [InlineData("?waitingDays=-1", "waitingDays")]
    [InlineData("?waitingDays=99999", "waitingDays")]
    [InlineData("?waitingDays=3&waiting=false", "waitingDays")]
    [InlineData("?waitingDays=many", "waitingDays")]
    [InlineData("?waiting=perhaps", "waiting")]
    [InlineData("?flagged=2", "flagged")]
    [InlineData("?phaseId=phase-1", "phaseId")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?cursor=garbage", "cursor")]
    [InlineData("?search=%E2%80%AEx%07", "search")]
    [InlineData("?topic=" + "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghij", "topic")]
    public async Task Bad_query_strings_are_400_with_the_field(string query, string field)
    {
        var m = await ManagerCity.CreateAsync(Api);
        await m.PublicIdeaAsync(m.C.A, "Des bancs au parc");

        await (await m.C.Mod1.GetAsync(m.ManageUrl(query))).AssertFieldErrorsAsync(field);
    }

    [Fact]
    public async Task A_cursor_of_another_sort_is_refused()
    {
        var m = await ManagerCity.CreateAsync(Api);
        await m.PublicIdeaAsync(m.C.A, "Une");
        await m.PublicIdeaAsync(m.C.A, "Deux");
        var page = await m.ListAsync(m.C.Mod1, "?sort=most_supported&limit=1");

        await (await m.C.Mod1.GetAsync(m.ManageUrl($"?sort=oldest&cursor={page["nextCursor"]}"))).AssertFieldErrorsAsync("cursor");
        await (await m.C.Mod1.GetAsync(m.ManageUrl($"?sort=most_supported&cursor={page["nextCursor"]}&limit=1")))
            .EnsureSuccessStatusCode()
            .Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Bad_bulk_bodies_are_refused_by_field_and_change_nothing()
    {
        var m = await ManagerCity.CreateAsync(Api);
        var c = m.C;
        var idea = await m.PublicIdeaAsync(c.A, "Des bancs au parc");
        var ok = new[] { idea };
        var bodies = new (object Body, string Field)[]
        {
            (new { status = "accepted" }, "ideaIds"),
            (new { ideaIds = Array.Empty<Guid>(), status = "accepted" }, "ideaIds"),
            (new { ideaIds = Enumerable.Range(0, 201).Select(_ => Guid.NewGuid()).ToArray(), status = "accepted" }, "ideaIds"),
            (new { ideaIds = new[] { idea, idea }, status = "accepted" }, "ideaIds"),
            (new { ideaIds = new[] { Guid.Empty }, status = "accepted" }, "ideaIds[0]"),
            (new { ideaIds = ok }, "status"),
            (new { ideaIds = ok, feedback = "   " }, "status"),
            (new { ideaIds = ok, status = "prescreening" }, "status"),
            (new { ideaIds = ok, status = "adopted" }, "status"),
            (new { ideaIds = ok, feedback = new string('f', 5001) }, "feedback"),
            (new { ideaIds = ok, feedback = "Réponse \u0007" }, "feedback"),
            (
                new
                {
                    ideaIds = ok,
                    status = "accepted",
                    signedAs = "Deux\nlignes",
                },
                "signedAs"
            ),
            (
                new
                {
                    ideaIds = ok,
                    status = "accepted",
                    signedAs = new string('s', 161),
                },
                "signedAs"
            ),
            (new { ideaIds = ok, templateId = Guid.Empty }, "templateId"),
            (new { ideaIds = ok, templateId = Guid.NewGuid() }, "templateId"),
        };
        foreach (var (body, field) in bodies)
            await (await m.BulkAsync(c.Mod1, body)).AssertFieldErrorsAsync(field);
        foreach (
            var raw in new[]
            {
                "null",
                "[]",
                "{\"ideaIds\":[null],\"status\":\"accepted\"}",
                "{\"ideaIds\":\"x\"}",
                "{\"ideaIds\":[\"nope\"]}",
            }
        )
            await (await c.Mod1.PostAsync(m.BulkUrl(), Http.Json(raw))).AssertProblemAsync(HttpStatusCode.BadRequest, raw);

        Assert.Equal("proposed", await Api.ScalarAsync<string>("SELECT status FROM ideas WHERE id = @idea", new { idea }));
        Assert.Empty(await Api.EventsAsync("idea.status_changed"));
        Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM idea_status_changes WHERE from_status = 'proposed'"));
    }

    [Fact]
    public async Task Bad_assignee_bodies_are_refused_and_change_nothing()
    {
        var m = await ManagerCity.CreateAsync(Api);
        var c = m.C;
        var idea = await m.PublicIdeaAsync(c.A, "Des bancs au parc");
        var url = $"/api/v1/ideas/{idea}/assignee";

        foreach (var raw in new[] { "null", "[]", "{\"assigneeId\":\"me\"}", "{\"assigneeId\":42}" })
            await (await c.Mod1.PutAsync(url, Http.Json(raw))).AssertProblemAsync(HttpStatusCode.BadRequest, raw);
        await (await c.Mod1.PutAsJsonAsync(url, new { assigneeId = Guid.Empty })).AssertFieldErrorsAsync("assigneeId");
        await (await c.Mod1.PutAsJsonAsync(url, new { assigneeId = c.ResidentA.Id })).AssertFieldErrorsAsync("assigneeId");
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await c.Mod1.PutAsJsonAsync($"/api/v1/ideas/{Guid.NewGuid()}/assignee", new { assigneeId = c.Moderator1.Id })).StatusCode
        );

        Assert.Null(await Api.ScalarAsync<Guid?>("SELECT assignee_id FROM ideas WHERE id = @idea", new { idea }));
        Assert.Empty(await Api.EventsAsync("idea.assigned"));
    }
}
