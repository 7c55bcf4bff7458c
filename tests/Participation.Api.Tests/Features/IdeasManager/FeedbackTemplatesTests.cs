using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.IdeasManager;

/// <summary>The project's official feedback templates: kept by its staff, titles unique per project, every change audited.</summary>
[Collection(ApiCollection.C)]
public sealed class FeedbackTemplatesTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task The_staff_write_rewrite_and_delete_templates_and_each_change_is_audited()
    {
        var m = await ManagerCity.CreateAsync(Api);
        var c = m.C;
        var head = await Projects.City.As(Api, c.City.Head1);

        var created = await c.Mod1.PostJsonAsync(
            $"/api/v1/projects/{c.P1}/feedback-templates",
            new
            {
                title = "  Acceptée  ",
                body = "Votre idée est retenue.\nMerci !",
                status = "accepted",
            }
        );
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var template = await created.ReadJsonAsync();
        var id = template["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/v1/feedback-templates/{id}", created.Headers.Location!.ToString());
        Assert.Equal(
            ("Acceptée", "Votre idée est retenue.\nMerci !", "accepted"),
            (template["title"]!.GetValue<string>(), template["body"]!.GetValue<string>(), template["status"]!.GetValue<string>())
        );
        var any = await m.TemplateAsync(head, "Merci", "Merci pour votre idée.");
        await m.TemplateAsync(c.Mod2, "Acceptée", "Dans un autre projet, le même titre.", project: c.P2);

        var list = await (await head.GetAsync($"/api/v1/projects/{c.P1}/feedback-templates")).ReadJsonAsync();
        Assert.Equal([id, any], list["items"]!.AsArray().Select(t => t!["id"]!.GetValue<Guid>()));
        Assert.Null(list["items"]![1]!["status"]);

        // Titles are unique in a project, case aside.
        await (
            await c.Mod1.PostJsonAsync($"/api/v1/projects/{c.P1}/feedback-templates", new { title = "ACCEPTÉE", body = "Doublon." })
        ).AssertProblemAsync(HttpStatusCode.Conflict);
        await (
            await c.Mod1.PutAsJsonAsync($"/api/v1/feedback-templates/{any}", new { title = "acceptée", body = "Doublon." })
        ).AssertProblemAsync(HttpStatusCode.Conflict);

        var edited = await c.Mod1.PutAsJsonAsync(
            $"/api/v1/feedback-templates/{id}",
            new
            {
                title = "Acceptée",
                body = "Votre idée est retenue.",
                status = "accepted",
            }
        );
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("Votre idée est retenue.", (await edited.ReadJsonAsync())["body"]!.GetValue<string>());
        // The same text again: nothing recorded.
        await c.Mod1.PutAsJsonAsync(
            $"/api/v1/feedback-templates/{id}",
            new
            {
                title = "Acceptée",
                body = "Votre idée est retenue.",
                status = "accepted",
            }
        );
        Assert.Equal(HttpStatusCode.NoContent, (await head.DeleteAsync($"/api/v1/feedback-templates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.DeleteAsync($"/api/v1/feedback-templates/{id}")).StatusCode);

        var createdEvents = await Api.EventsAsync("feedback_template.created");
        Assert.Equal(3, createdEvents.Count);
        var first = createdEvents[0];
        Assert.Equal(
            ("user", c.Moderator1.Id, "feedback_template", id.ToString(), c.P1, c.City.D1, true),
            (first.ActorType, first.ActorId, first.SubjectType, first.SubjectId, first.ProjectId, first.DepartmentId, first.Audited)
        );
        Assert.Equal("Acceptée", first.AfterJson!["title"]!.GetValue<string>());
        var edit = Assert.Single(await Api.EventsAsync("feedback_template.edited"));
        Assert.Equal(["body"], edit.AfterJson!.Select(p => p.Key));
        Assert.Equal("Votre idée est retenue.\nMerci !", edit.BeforeJson!["body"]!.GetValue<string>());
        var deleted = Assert.Single(await Api.EventsAsync("feedback_template.deleted"));
        Assert.Equal((c.City.Head1.Id, id.ToString()), (deleted.ActorId, deleted.SubjectId));
        Assert.Equal("Votre idée est retenue.", deleted.BeforeJson!["body"]!.GetValue<string>());
        Assert.Equal(2, await Api.CountAsync("feedback_templates"));
    }

    [Fact]
    public async Task A_project_keeps_at_most_a_hundred_templates_even_when_they_are_written_at_once()
    {
        var m = await ManagerCity.CreateAsync(Api);
        var c = m.C;
        await Api.ScalarAsync<int>(
            """
            INSERT INTO feedback_templates (id, project_id, title, body)
            SELECT gen_random_uuid(), @P1, 'Modèle ' || n, 'Texte ' || n FROM generate_series(1, 95) n
            RETURNING 1
            """,
            new { c.P1 }
        );

        var answers = await Task.WhenAll(
            Enumerable
                .Range(0, 10)
                .Select(i =>
                    Task.Run(() =>
                        c.Mod1.PostJsonAsync($"/api/v1/projects/{c.P1}/feedback-templates", new { title = $"Nouveau {i}", body = "Texte." })
                    )
                )
        );

        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(100, await Api.ScalarAsync<long>("SELECT count(*) FROM feedback_templates WHERE project_id = @P1", new { c.P1 }));
        Assert.Equal(5, (await Api.EventsAsync("feedback_template.created")).Count);
        var list = await (await c.Mod1.GetAsync($"/api/v1/projects/{c.P1}/feedback-templates")).ReadJsonAsync();
        Assert.Equal(100, list["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Invalid_templates_are_refused_field_by_field_and_nothing_is_written()
    {
        var m = await ManagerCity.CreateAsync(Api);
        var c = m.C;
        var url = $"/api/v1/projects/{c.P1}/feedback-templates";
        var id = await m.TemplateAsync(c.Mod1, "Merci", "Merci pour votre idée.");
        var bodies = new (object Body, string Field)[]
        {
            (new { body = "Texte." }, "title"),
            (new { title = "   ", body = "Texte." }, "title"),
            (new { title = new string('t', 121), body = "Texte." }, "title"),
            (new { title = "Deux\nlignes", body = "Texte." }, "title"),
            (new { title = "\u202Eévil", body = "Texte." }, "title"),
            (new { title = "Titre" }, "body"),
            (new { title = "Titre", body = new string('b', 5001) }, "body"),
            (new { title = "Titre", body = "Nul \u0007 caractère" }, "body"),
            (
                new
                {
                    title = "Titre",
                    body = "Texte.",
                    status = "prescreening",
                },
                "status"
            ),
            (
                new
                {
                    title = "Titre",
                    body = "Texte.",
                    status = "adopted",
                },
                "status"
            ),
        };
        foreach (var (body, field) in bodies)
        {
            await (await c.Mod1.PostJsonAsync(url, body)).AssertFieldErrorsAsync(field);
            await (await c.Mod1.PutAsJsonAsync($"/api/v1/feedback-templates/{id}", body)).AssertFieldErrorsAsync(field);
        }
        await (await c.Mod1.PostAsync(url, Http.Json("""{"title":"A","body":"\u0000"}"""))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(1, await Api.CountAsync("feedback_templates"));
        Assert.Equal("Merci pour votre idée.", await Api.ScalarAsync<string>("SELECT body FROM feedback_templates"));
        Assert.Single(await Api.EventsAsync("feedback_template.created"));
        Assert.Empty(await Api.EventsAsync("feedback_template.edited"));
    }
}
