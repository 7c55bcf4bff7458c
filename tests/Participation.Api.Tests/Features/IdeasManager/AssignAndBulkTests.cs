using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.IdeasManager;

/// <summary>Assignees and bulk status changes: the same rules, history, events and notifications as single changes.</summary>
[Collection(ApiCollection.C)]
public sealed class AssignAndBulkTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task The_staff_assign_an_idea_to_one_of_them_who_is_told_in_app_and_the_assignment_is_audited()
    {
        var m = await ManagerCity.CreateAsync(Api);
        var c = m.C;
        var idea = await m.PublicIdeaAsync(c.A, "Des bancs au parc");
        var head = await Projects.City.As(Api, c.City.Head1);

        var assigned = await head.PutAsJsonAsync($"/api/v1/ideas/{idea}/assignee", new { assigneeId = c.Moderator1.Id });

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var body = await assigned.ReadJsonAsync();
        Assert.Equal(idea, body["ideaId"]!.GetValue<Guid>());
        Assert.Equal(c.Moderator1.Id, body["assignee"]!["id"]!.GetValue<Guid>());
        Assert.Equal("Modé Rateur", body["assignee"]!["name"]!.GetValue<string>());
        var e = Assert.Single(await Api.EventsAsync("idea.assigned"));
        Assert.Equal(
            ("user", c.City.Head1.Id, "idea", idea.ToString(), c.P1, c.City.D1, true),
            (e.ActorType, e.ActorId, e.SubjectType, e.SubjectId, e.ProjectId, e.DepartmentId, e.Audited)
        );
        Assert.Null(e.BeforeJson!["assigneeId"]);
        Assert.Equal(c.Moderator1.Id, e.AfterJson!["assigneeId"]!.GetValue<Guid>());
        Assert.Equal("Des bancs au parc", e.DataJson["ideaTitle"]!.GetValue<string>());
        var notifications = await (await c.Mod1.GetAsync("/api/v1/notifications")).ReadJsonAsync();
        var told = Assert.Single(notifications["items"]!.AsArray(), n => n!["category"]!.GetValue<string>() == "idea_assigned")!;
        Assert.Equal(idea, told["ideaId"]!.GetValue<Guid>());
        // In-app by default: no e-mail.
        Assert.Equal(
            "none",
            await Api.ScalarAsync<string>(
                "SELECT email_state FROM notifications WHERE category = 'idea_assigned' AND user_id = @Id",
                new { c.Moderator1.Id }
            )
        );

        // The same assignee again changes nothing; assigning oneself notifies nobody; unassigning is recorded too.
        Assert.Equal(
            HttpStatusCode.OK,
            (await head.PutAsJsonAsync($"/api/v1/ideas/{idea}/assignee", new { assigneeId = c.Moderator1.Id })).StatusCode
        );
        Assert.Single(await Api.EventsAsync("idea.assigned"));
        Assert.Equal(
            HttpStatusCode.OK,
            (await head.PutAsJsonAsync($"/api/v1/ideas/{idea}/assignee", new { assigneeId = c.City.Head1.Id })).StatusCode
        );
        var unassigned = await (
            await head.PutAsJsonAsync($"/api/v1/ideas/{idea}/assignee", new { assigneeId = (Guid?)null })
        ).ReadJsonAsync();
        Assert.Null(unassigned["assignee"]);
        Assert.Equal(3, (await Api.EventsAsync("idea.assigned")).Count);
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE category = 'idea_assigned'"));
        Assert.Null(await Api.ScalarAsync<Guid?>("SELECT assignee_id FROM ideas WHERE id = @idea", new { idea }));
    }

    [Fact]
    public async Task Only_the_project_s_staff_can_be_assigned()
    {
        var m = await ManagerCity.CreateAsync(Api);
        var c = m.C;
        var idea = await m.PublicIdeaAsync(c.A, "Des bancs au parc");
        var official = await Api.CreateUserAsync(role: "elected_official");

        foreach (var outsider in new[] { c.ResidentB.Id, c.Moderator2.Id, c.City.Head2.Id, official.Id, Guid.NewGuid() })
            await (await c.Mod1.PutAsJsonAsync($"/api/v1/ideas/{idea}/assignee", new { assigneeId = outsider })).AssertFieldErrorsAsync(
                "assigneeId"
            );
        // Absent is nobody (as null): nothing to change here.
        var absent = await c.Mod1.PutAsync($"/api/v1/ideas/{idea}/assignee", Http.Json("{}"));
        Assert.True(absent.StatusCode == HttpStatusCode.OK, await absent.Content.ReadAsStringAsync());

        Assert.Empty(await Api.EventsAsync("idea.assigned"));
        Assert.Null(await Api.ScalarAsync<Guid?>("SELECT assignee_id FROM ideas WHERE id = @idea", new { idea }));
        // Admins are everybody's staff.
        var admin = await Api.ScalarAsync<Guid>("SELECT user_id FROM user_roles WHERE role = 'admin'");
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Mod1.PutAsJsonAsync($"/api/v1/ideas/{idea}/assignee", new { assigneeId = admin })).StatusCode
        );
    }

    [Fact]
    public async Task A_bulk_change_applies_the_single_change_rules_to_each_idea_and_reports_every_outcome()
    {
        var m = await ManagerCity.CreateAsync(Api);
        var c = m.C;
        var one = await m.PublicIdeaAsync(c.A, "Des bancs au parc");
        var two = await m.PublicIdeaAsync(c.B, "Un parking vélo");
        var already = await m.PublicIdeaAsync(c.B, "Déjà à l'étude");
        await c.Mod1.PostJsonAsync($"/api/v1/ideas/{already}/status", new { status = "under_consideration" });
        var prescreening = await m.PrescreenedIdeaAsync(c.A, "Un kiosque");
        var withdrawn = await m.PublicIdeaAsync(c.A, "Une idée retirée");
        await c.A.PostAsync($"/api/v1/ideas/{withdrawn}/withdraw", null);
        var elsewhere = await c.IdeaAsync(c.A, c.P2, "Dans un autre projet");
        var unknown = Guid.NewGuid();
        await c.B.PutAsync($"/api/v1/ideas/{one}/follow", null);
        var template = await m.TemplateAsync(c.Mod1, "À l'étude", "Le service étudie votre idée.", "under_consideration");
        var statusEventsBefore = (await Api.EventsAsync("idea.status_changed")).Count;

        var asked = new[] { unknown, one, prescreening, already, elsewhere, two, withdrawn };
        var response = await m.BulkAsync(
            c.Mod1,
            new
            {
                ideaIds = asked,
                status = "under_consideration",
                templateId = template,
                signedAs = "Service des parcs",
            }
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var results = body["results"]!.AsArray();
        Assert.Equal(asked, results.Select(r => r!["ideaId"]!.GetValue<Guid>()));
        Assert.Equal(
            new[] { "not_in_project", null, "awaiting_prescreening", null, "not_in_project", null, "withdrawn" },
            results.Select(r => r!["reason"]?.GetValue<string>())
        );
        Assert.Equal(
            ["refused", "changed", "refused", "changed", "refused", "changed", "refused"],
            results.Select(r => r!["outcome"]!.GetValue<string>())
        );
        Assert.Equal((3, 4), (body["changed"]!.GetValue<int>(), body["refused"]!.GetValue<int>()));
        // Already under consideration, it got the feedback; the same status again without feedback changes nothing.
        var again = await (await m.BulkAsync(c.Mod1, new { ideaIds = new[] { already }, status = "under_consideration" })).ReadJsonAsync();
        Assert.Equal("nothing_to_change", again["results"]![0]!["reason"]!.GetValue<string>());

        // Each changed idea: its status, a history row with the template's feedback signed as asked, its own event.
        foreach (var id in new[] { one, two })
        {
            var idea = await c.GetIdeaAsync(Api.CreateClient(), id);
            Assert.Equal("under_consideration", idea["status"]!.GetValue<string>());
            var last = idea["history"]!.AsArray()[^1]!;
            Assert.Equal(
                ("proposed", "under_consideration"),
                (last["fromStatus"]!.GetValue<string>(), last["toStatus"]!.GetValue<string>())
            );
            Assert.Equal("Le service étudie votre idée.", last["feedback"]!.GetValue<string>());
            Assert.Equal("Service des parcs", last["signedAs"]!.GetValue<string>());
        }
        var events = (await Api.EventsAsync("idea.status_changed")).Skip(statusEventsBefore).ToList();
        Assert.Equal(new[] { one, two, already }.Select(i => i.ToString()).Order(), events.Select(e => e.SubjectId).Order());
        Assert.All(events, e => Assert.Equal(("user", c.Moderator1.Id, true), (e.ActorType, e.ActorId, e.Audited)));
        // The refused ideas were left as they were.
        Assert.Equal(
            "prescreening",
            await Api.ScalarAsync<string>("SELECT status FROM ideas WHERE id = @prescreening", new { prescreening })
        );
        Assert.Equal("proposed", await Api.ScalarAsync<string>("SELECT status FROM ideas WHERE id = @elsewhere", new { elsewhere }));
        Assert.Equal("proposed", await Api.ScalarAsync<string>("SELECT status FROM ideas WHERE id = @withdrawn", new { withdrawn }));
        // Notified as for single changes: the authors, and the follower of idea one.
        Assert.Equal(
            2,
            await Api.ScalarAsync<long>(
                "SELECT count(*) FROM notifications WHERE category = 'idea_status_mine' AND idea_id = ANY(@ids) "
                    + "AND data ->> 'status' = 'under_consideration'",
                new { ids = new[] { one, two } }
            )
        );
        Assert.Equal(
            1,
            await Api.ScalarAsync<long>(
                "SELECT count(*) FROM notifications WHERE category = 'idea_status_followed' AND idea_id = @one AND user_id = @B "
                    + "AND data ->> 'status' = 'under_consideration'",
                new { one, B = c.ResidentB.Id }
            )
        );
        await m.AssertHistoriesChainAsync();
    }

    [Fact]
    public async Task Typed_feedback_wins_over_the_template_and_feedback_alone_answers_without_changing_the_status()
    {
        var m = await ManagerCity.CreateAsync(Api);
        var c = m.C;
        var one = await m.PublicIdeaAsync(c.A, "Des bancs au parc");
        var template = await m.TemplateAsync(c.Mod1, "Merci", "Merci pour votre idée.");
        var otherProject = await m.TemplateAsync(c.Mod2, "Autre", "D'un autre projet.", project: c.P2);

        var typed = await (
            await m.BulkAsync(
                c.Mod1,
                new
                {
                    ideaIds = new[] { one },
                    templateId = template,
                    feedback = "Réponse tapée.",
                }
            )
        ).ReadJsonAsync();
        Assert.Equal("changed", typed["results"]![0]!["outcome"]!.GetValue<string>());
        var last = (await c.GetIdeaAsync(c.A, one))["history"]!.AsArray()[^1]!;
        Assert.Equal(
            ("proposed", "proposed", "Réponse tapée.", "Espaces verts"),
            (
                last["fromStatus"]!.GetValue<string>(),
                last["toStatus"]!.GetValue<string>(),
                last["feedback"]!.GetValue<string>(),
                last["signedAs"]!.GetValue<string>()
            )
        );

        var before = await Api.CountAsync("idea_status_changes");
        await (await m.BulkAsync(c.Mod1, new { ideaIds = new[] { one }, templateId = otherProject })).AssertFieldErrorsAsync("templateId");
        await (await m.BulkAsync(c.Mod1, new { ideaIds = new[] { one }, templateId = Guid.NewGuid() })).AssertFieldErrorsAsync(
            "templateId"
        );
        Assert.Equal(before, await Api.CountAsync("idea_status_changes"));
    }

    [Fact]
    public async Task A_retried_bulk_change_with_the_same_idempotency_key_applies_once()
    {
        var m = await ManagerCity.CreateAsync(Api);
        var c = m.C;
        var ideas = new[] { await m.PublicIdeaAsync(c.A, "Une"), await m.PublicIdeaAsync(c.B, "Deux") };
        HttpRequestMessage Post() =>
            new(HttpMethod.Post, m.BulkUrl())
            {
                Content = JsonContent.Create(
                    new
                    {
                        ideaIds = ideas,
                        status = "accepted",
                        feedback = "Accepté.",
                    }
                ),
                Headers = { { "Idempotency-Key", "bulk-accept-1" } },
            };

        var first = await c.Mod1.SendAsync(Post());
        var again = await c.Mod1.SendAsync(Post());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await first.ReadJsonAsync()).ToJsonString(), (await again.ReadJsonAsync()).ToJsonString());
        Assert.Equal(2, (await Api.EventsAsync("idea.status_changed")).Count);
        Assert.Equal(2, await Api.ScalarAsync<long>("SELECT count(*) FROM idea_status_changes WHERE to_status = 'accepted'"));
    }

    /// <summary>
    /// Parallel bulk and single changes on overlapping ideas: the ideas are locked in id order, so none deadlocks and none
    /// is lost. Every history chains (each step starts where the previous ended), each change has exactly one event, and
    /// the number of steps is the number of changes the API acknowledged.
    /// </summary>
    [Fact]
    public async Task Bulk_status_changes_under_parallel_edits_lose_nothing_and_every_history_chains()
    {
        var m = await ManagerCity.CreateAsync(Api);
        var c = m.C;
        var ideas = new List<Guid>();
        for (var i = 0; i < 8; i++)
            ideas.Add(await m.PublicIdeaAsync(i % 2 == 0 ? c.A : c.B, $"Idée {i}"));
        var head = await Projects.City.As(Api, c.City.Head1);
        var statuses = new[] { "under_consideration", "accepted", "rejected", "implemented", "proposed" };
        var stepsBefore = await m.AssertHistoriesChainAsync();
        var eventsBefore = (await Api.EventsAsync("idea.status_changed")).Count;

        var requests = new List<Func<Task<int>>>();
        for (var r = 0; r < 6; r++)
        {
            var round = r;
            // Overlapping sets, listed in different orders (the handler locks them in id order whatever the order asked).
            var set = ideas.Where((_, i) => (i + round) % 3 != 0).ToList();
            if (round % 2 == 1)
                set.Reverse();
            var client = round % 2 == 0 ? c.Mod1 : head;
            requests.Add(async () =>
            {
                var response = await m.BulkAsync(
                    client,
                    new
                    {
                        ideaIds = set,
                        status = statuses[round % statuses.Length],
                        feedback = $"Lot {round}",
                    }
                );
                Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
                return (await response.ReadJsonAsync())["changed"]!.GetValue<int>();
            });
        }
        for (var s = 0; s < 16; s++)
        {
            var single = s;
            requests.Add(async () =>
            {
                var response = await c.Mod1.PostJsonAsync(
                    $"/api/v1/ideas/{ideas[single % ideas.Count]}/status",
                    new { status = statuses[(single + 1) % statuses.Length] }
                );
                Assert.True(
                    response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict,
                    await response.Content.ReadAsStringAsync()
                );
                return response.StatusCode == HttpStatusCode.OK ? 1 : 0;
            });
        }

        var acknowledged = (await Task.WhenAll(requests.Select(run => Task.Run(run)))).Sum();

        var steps = await m.AssertHistoriesChainAsync();
        var made = ideas.Sum(i => steps[i] - stepsBefore[i]);
        Assert.Equal(acknowledged, made);
        var events = (await Api.EventsAsync("idea.status_changed")).Skip(eventsBefore).ToList();
        Assert.Equal(made, events.Count);
        // One event per history row, naming that row, and the event's before/after is the row's.
        var rows = await Api.ScalarAsync<long>(
            """
            SELECT count(*) FROM idea_status_changes sc
             WHERE sc.from_status IS NOT NULL AND sc.from_status <> 'prescreening'
               AND EXISTS (SELECT 1 FROM events e WHERE e.type = 'idea.status_changed' AND (e.after ->> 'changeId')::bigint = sc.id
                              AND e.before ->> 'status' = sc.from_status AND e.after ->> 'status' = sc.to_status)
            """
        );
        Assert.Equal(made + eventsBefore, rows);
        await Invariants.AssertHoldAsync(Api);
    }
}
