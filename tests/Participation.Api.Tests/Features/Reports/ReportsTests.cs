using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Reports;

/// <summary>A project's results report: composed by its staff, read by its overseers, downloaded as XLSX and sent.</summary>
[Collection(ApiCollection.C)]
public sealed class ReportsTests(ApiFactory api) : ApiTest(api)
{
    private static JsonNode Phase(JsonNode report, Guid id) => report["phases"]!.AsArray().Single(p => p!["id"]!.GetValue<Guid>() == id)!;

    [Fact]
    public async Task A_moderator_composes_the_report_and_an_official_of_the_department_reads_it()
    {
        var r = await ReportCity.CreateAsync(Api);
        var before = await r.GetAsync(r.C.Mod1);
        Assert.Equal(0, before["version"]!.GetValue<int>());
        Assert.True(before["canEdit"]!.GetValue<bool>());
        Assert.Equal(5, before["sections"]!.AsArray().Count);
        Assert.True(Phase(before, r.C.Phase1)["included"]!.GetValue<bool>());

        var saved = await r.SaveAsync(
            r.C.Mod1,
            new
            {
                version = 0,
                goals = "<p>Un parc <strong>vivant</strong></p><script>alert(1)</script>",
                conclusions = "<p>Nous retenons <a href=\"javascript:alert(1)\">les bancs</a>.</p>",
                sections = new[] { "conclusions", "goals", "phases" },
            }
        );
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        Assert.Equal(1, (await saved.ReadJsonAsync())["version"]!.GetValue<int>());

        var (_, official) = await r.OfficialAsync(r.C.City.D1);
        var report = await r.GetAsync(official);
        Assert.False(report["canEdit"]!.GetValue<bool>());
        Assert.StartsWith("<p>Un parc <strong>vivant</strong></p>", report["goals"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", report["goals"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", report["conclusions"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["goals", "phases", "conclusions"], report["sections"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(1, report["version"]!.GetValue<int>());
        Assert.Equal("Modé Rateur", report["updatedBy"]!.GetValue<string>());

        var edited = Assert.Single(await Api.EventsAsync("report.edited"));
        Assert.True(edited.Audited);
        Assert.Equal(r.C.Moderator1.Id, edited.ActorId);
        Assert.Equal(r.C.P1, edited.ProjectId);
        Assert.Null(edited.Before);

        // Saving the same thing again writes nothing.
        var again = await r.SaveAsync(
            r.C.Mod1,
            new
            {
                version = 1,
                goals = report["goals"]!.GetValue<string>(),
                conclusions = report["conclusions"]!.GetValue<string>(),
                sections = new[] { "goals", "phases", "conclusions" },
            }
        );
        Assert.Equal(1, (await again.ReadJsonAsync())["version"]!.GetValue<int>());
        Assert.Single(await Api.EventsAsync("report.edited"));
    }

    [Fact]
    public async Task Concurrent_edits_give_one_save_and_conflicts_never_a_lost_update()
    {
        var r = await ReportCity.CreateAsync(Api);
        var responses = await Task.WhenAll(
            Enumerable
                .Range(0, 4)
                .Select(i => r.SaveAsync(i % 2 == 0 ? r.C.Mod1 : r.C.Admin, ReportCity.Body(0, conclusions: $"<p>Version {i}</p>")))
        );
        Assert.Equal(1, responses.Count(x => x.StatusCode == HttpStatusCode.OK));
        foreach (var conflict in responses.Where(x => x.StatusCode != HttpStatusCode.OK))
            await conflict.AssertProblemAsync(HttpStatusCode.Conflict);
        var winner = Array.FindIndex(responses, x => x.StatusCode == HttpStatusCode.OK);
        Assert.Equal($"<p>Version {winner}</p>", (await r.GetAsync(r.C.Admin))["conclusions"]!.GetValue<string>());

        // A save from a stale read is refused, and the newer text stays.
        (await r.SaveAsync(r.C.Mod1, ReportCity.Body(1, conclusions: "<p>Seconde</p>"))).EnsureSuccessStatusCode();
        var stale = await r.SaveAsync(r.C.Admin, ReportCity.Body(1, conclusions: "<p>Écrasée</p>"));
        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("<p>Seconde</p>", (await r.GetAsync(r.C.Admin))["conclusions"]!.GetValue<string>());
        Assert.Equal(2, (await Api.EventsAsync("report.edited")).Count);
    }

    [Fact]
    public async Task The_report_s_figures_equal_the_project_dashboard_s_for_the_same_period()
    {
        var r = await ReportCity.CreateAsync(Api);
        var c = r.C;
        var first = await r.M.PublicIdeaAsync(c.A, "Des bancs");
        await r.M.PublicIdeaAsync(c.B, "Une fontaine");
        await c.CommentAsync(c.B, first);
        (await c.B.PutAsJsonAsync($"/api/v1/ideas/{first}/reaction", new { kind = "like" })).EnsureSuccessStatusCode();
        (
            await r.M.BulkAsync(
                c.Mod1,
                new
                {
                    ideaIds = new[] { first },
                    status = "accepted",
                    feedback = "Retenue.",
                }
            )
        ).EnsureSuccessStatusCode();
        await r.M.PublicIdeaAsync(c.A, "Un kiosque");
        await c.IdeaAsync(c.B, c.P2, "Ailleurs"); // P2: not counted

        async Task AssertSameAsync(JsonNode report)
        {
            var from = report["from"]!.GetValue<string>();
            var to = report["to"]!.GetValue<string>();
            var response = await c.Admin.GetAsync($"/api/v1/dashboard?scopeType=project&scopeId={c.P1}&from={from}&to={to}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var dashboard = await response.ReadJsonAsync();
            Assert.Equal(dashboard["figures"]!.ToJsonString(), report["figures"]!.ToJsonString());
            Assert.Equal(dashboard["weeks"]!.ToJsonString(), report["weeks"]!.ToJsonString());
            Assert.Equal(dashboard["ideasByStatus"]!.ToJsonString(), report["ideasByStatus"]!.ToJsonString());
        }

        var report = await r.GetAsync(c.Mod1);
        await AssertSameAsync(report);
        Assert.Equal(3m, report["figures"]!.AsArray().Single(f => f!["key"]!.GetValue<string>() == "ideas")!["value"]!.GetValue<decimal>());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        (
            await r.SaveAsync(
                c.Mod1,
                new
                {
                    version = 0,
                    goals = "",
                    conclusions = "",
                    from = today.AddDays(-40).ToString("yyyy-MM-dd"),
                    to = today.AddDays(1).ToString("yyyy-MM-dd"),
                }
            )
        ).EnsureSuccessStatusCode();
        report = await r.GetAsync(c.Mod1);
        Assert.Equal(today.AddDays(-40).ToString("yyyy-MM-dd"), report["from"]!.GetValue<string>());
        await AssertSameAsync(report);
    }

    [Fact]
    public async Task Ideas_answered_in_bulk_appear_with_their_status_and_feedback()
    {
        var r = await ReportCity.CreateAsync(Api);
        var c = r.C;
        var a = await r.M.PublicIdeaAsync(c.A, "Des bancs");
        var b = await r.M.PublicIdeaAsync(c.B, "Une fontaine");
        var waiting = await r.M.PublicIdeaAsync(c.B, "Un kiosque");
        await r.M.PrescreenedIdeaAsync(c.A, "Pas encore publique");
        (
            await r.M.BulkAsync(
                c.Mod1,
                new
                {
                    ideaIds = new[] { a, b },
                    status = "accepted",
                    feedback = "Nous la réaliserons en 2027.",
                }
            )
        ).EnsureSuccessStatusCode();

        var ideas = Phase(await r.GetAsync(c.Mod1), c.Phase1)["ideas"]!;
        Assert.Equal(3, ideas["total"]!.GetValue<int>()); // the pre-moderated one is not public
        var items = ideas["items"]!.AsArray();
        Assert.Equal(new[] { a, b }.Order(), items.Take(2).Select(i => i!["id"]!.GetValue<Guid>()).Order());
        Assert.Equal(waiting, items[2]!["id"]!.GetValue<Guid>());
        Assert.All(items.Take(2), i => Assert.Equal("Nous la réaliserons en 2027.", i!["feedback"]!.GetValue<string>()));
        Assert.All(items.Take(2), i => Assert.Equal("accepted", i!["status"]!.GetValue<string>()));
        Assert.Null(items[2]!["feedback"]);
        Assert.Equal(
            2,
            ideas["byStatus"]!.AsArray().Single(s => s!["status"]!.GetValue<string>() == "accepted")!["count"]!.GetValue<int>()
        );
    }

    [Fact]
    public async Task The_workbook_has_a_summary_and_one_sheet_per_included_phase_and_each_download_is_audited()
    {
        var r = await ReportCity.CreateAsync(Api);
        var c = r.C;
        await r.M.PublicIdeaAsync(c.A, "Des bancs ombragés");
        var now = DateTimeOffset.UtcNow;
        var voting = await Ideas.IdeaCity.PhaseAsync(c.Admin, c.P1, "voting", now.AddDays(31), now.AddDays(40), null);
        var survey = await Ideas.IdeaCity.PhaseAsync(c.Admin, c.P1, "survey", now.AddDays(41), now.AddDays(50), null);

        async Task<byte[]> DownloadAsync(HttpClient client)
        {
            var response = await client.GetAsync($"{r.Url()}.xlsx");
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            Assert.Equal(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                response.Content.Headers.ContentType!.MediaType
            );
            return await response.Content.ReadAsByteArrayAsync();
        }

        var all = await DownloadAsync(c.Mod1);
        Assert.Equal(["Résumé", "1 Phase ideation", "2 Phase voting", "3 Phase survey"], ReportCity.SheetNames(all));
        Assert.Contains("Des bancs ombragés", ReportCity.SheetText(all, 2), StringComparison.Ordinal);
        Assert.Contains("Participants", ReportCity.SheetText(all, 1), StringComparison.Ordinal);

        (
            await r.SaveAsync(
                c.Mod1,
                new
                {
                    version = 0,
                    goals = "<p>Objectif</p>",
                    conclusions = "<p>Conclusion</p>",
                    phaseIds = new[] { c.Phase1, survey },
                }
            )
        ).EnsureSuccessStatusCode();
        var (_, official) = await r.OfficialAsync(null);
        var two = await DownloadAsync(official);
        Assert.Equal(["Résumé", "1 Phase ideation", "2 Phase survey"], ReportCity.SheetNames(two));
        Assert.Contains("Conclusion", ReportCity.SheetText(two, 1), StringComparison.Ordinal);
        var report = await r.GetAsync(official);
        Assert.False(Phase(report, voting)["included"]!.GetValue<bool>());
        Assert.Null(Phase(report, voting)["votes"]);

        var downloads = await Api.EventsAsync("report.downloaded");
        Assert.Equal(2, downloads.Count);
        Assert.All(downloads, d => Assert.True(d.Audited));
        Assert.Equal(2, downloads[1].DataJson["phases"]!.AsArray().Count);
    }

    [Fact]
    public async Task Sending_queues_one_email_per_recipient_with_a_link_and_is_audited()
    {
        var r = await ReportCity.CreateAsync(Api);
        var (officialD1, _) = await r.OfficialAsync(r.C.City.D1, "Dora");
        var (officialAll, _) = await r.OfficialAsync(null, "Paul");
        var (officialD2, _) = await r.OfficialAsync(r.C.City.D2, "Zoé");

        var list = await r.C.Mod1.GetAsync($"{r.Url()}/recipients");
        Assert.True(list.StatusCode == HttpStatusCode.OK, await list.Content.ReadAsStringAsync());
        var raw = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain("@", raw, StringComparison.Ordinal);
        var ids = (await list.ReadJsonAsync())["items"]!.AsArray().Select(i => i!["userId"]!.GetValue<Guid>()).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Contains(r.C.City.Head1.Id, ids);
        Assert.Contains(officialD1.Id, ids);
        Assert.Contains(officialAll.Id, ids);
        Assert.DoesNotContain(officialD2.Id, ids);
        Assert.DoesNotContain(r.C.City.Head2.Id, ids);

        var before = await Api.CountAsync("email_outbox");
        var sent = await r.SendAsync(r.C.Mod1, r.C.City.Head1.Id, officialD1.Id);
        Assert.True(sent.StatusCode == HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        Assert.DoesNotContain("@", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 2, await Api.CountAsync("email_outbox"));
        foreach (var to in new[] { r.C.City.Head1.Email, officialD1.Email })
        {
            var mail = Assert.Single(await Api.OutboxAsync(to), m => m.Category == "report");
            Assert.Contains("Parc du centre", mail.Subject, StringComparison.Ordinal);
            Assert.Contains($"/admin/projects/{r.C.P1}/report", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Modé Rateur", mail.TextBody, StringComparison.Ordinal);
        }
        var e = Assert.Single(await Api.EventsAsync("report.sent"));
        Assert.True(e.Audited);
        Assert.Equal(r.C.Moderator1.Id, e.ActorId);
        Assert.Equal(
            new[] { r.C.City.Head1.Id, officialD1.Id }.Order(),
            e.DataJson["recipients"]!.AsArray().Select(x => x!["userId"]!.GetValue<Guid>()).Order()
        );
        Assert.DoesNotContain("@", e.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_to_a_resident_or_another_department_s_official_is_refused_and_nothing_is_sent()
    {
        var r = await ReportCity.CreateAsync(Api);
        var (officialD2, _) = await r.OfficialAsync(r.C.City.D2);
        var before = await Api.CountAsync("email_outbox");
        foreach (var wrong in new[] { r.C.ResidentA.Id, officialD2.Id, r.C.City.Head2.Id, Guid.NewGuid() })
            await (await r.SendAsync(r.C.Mod1, r.C.City.Head1.Id, wrong)).AssertFieldErrorsAsync("recipientIds");
        await (await r.SendAsync(r.C.Mod1)).AssertFieldErrorsAsync("recipientIds");
        await (await r.SendAsync(r.C.Mod1, r.C.City.Head1.Id, r.C.City.Head1.Id)).AssertFieldErrorsAsync("recipientIds");
        await (await r.C.Mod1.PostJsonAsync($"{r.Url()}/send", new { recipientIds = (Guid[]?)null })).AssertFieldErrorsAsync(
            "recipientIds"
        );
        Assert.Equal(before, await Api.CountAsync("email_outbox"));
        Assert.Empty(await Api.EventsAsync("report.sent"));
    }

    [Fact]
    public async Task Bad_input_is_a_400_on_its_field_and_writes_nothing()
    {
        var r = await ReportCity.CreateAsync(Api);
        var otherPhase = await Api.ScalarAsync<Guid>("SELECT id FROM phases WHERE project_id = @P", new { P = r.C.P2 });
        async Task Refused(object body, string field) => await (await r.SaveAsync(r.C.Mod1, body)).AssertFieldErrorsAsync(field);

        await Refused(new { version = -1 }, "version");
        await Refused(new { version = 0, sections = new[] { "goals", "goals" } }, "sections");
        await Refused(new { version = 0, phaseIds = new[] { otherPhase } }, "phaseIds");
        await Refused(new { version = 0, phaseIds = new[] { r.C.Phase1, r.C.Phase1 } }, "phaseIds");
        await Refused(
            new
            {
                version = 0,
                from = "2026-05-01",
                to = "2026-04-01",
            },
            "from"
        );
        await Refused(
            new
            {
                version = 0,
                from = "2020-01-01",
                to = "2026-04-01",
            },
            "from"
        );
        await Refused(new { version = 0, goals = new string('a', 20_001) }, "goals");
        await Refused(new { version = 0, conclusions = new string('a', 50_001) }, "conclusions");
        var unknown = await r.C.Mod1.PutAsync(r.Url(), Http.Json("""{"version":0,"sections":["appendix"]}"""));
        await unknown.AssertProblemAsync(HttpStatusCode.BadRequest);
        var nul = await r.C.Mod1.PutAsync(r.Url(), Http.Json("""{"version":0,"goals":"a\u0000b"}"""));
        await nul.AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await r.C.Mod1.PutAsync(r.Url(), Http.Json("null"))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(0, await Api.CountAsync("project_reports"));
        Assert.Empty(await Api.EventsAsync("report.edited"));
        await (await r.C.Admin.GetAsync($"/api/v1/projects/{Guid.NewGuid()}/report")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
