using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Projects;

/// <summary>What the project slices record: one event per change, with the changed fields before and after, the audit data as it
/// was.</summary>
[Collection(ApiCollection.B)]
public sealed class ProjectEventsTests(ApiFactory api) : ApiTest(api)
{
    private static readonly DateTimeOffset March = new(2031, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static string[] Keys(JsonObject? o) => o is null ? [] : o.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();

    private static DateTimeOffset Date(JsonNode? node) =>
        DateTimeOffset.Parse(node!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Creating_editing_and_publishing_a_project_record_the_fields_before_and_after()
    {
        var city = await City.CreateAsync(Api);
        var head = await City.As(Api, city.Head1);
        var id = await city.ProjectAsync(head, city.D1);

        var created = Assert.Single(await Api.EventsAsync("project.created"));
        Assert.Equal(
            (id.ToString(), city.Head1.Id, id, city.D1),
            (created.SubjectId, created.ActorId, created.ProjectId, created.DepartmentId)
        );
        Assert.Null(created.Before);
        Assert.Equal("Parc du centre", created.AfterJson!["title"]!["fr"]!.GetValue<string>());
        Assert.Equal("Réaménager le parc", created.AfterJson["summary"]!["fr"]!.GetValue<string>());
        Assert.Equal("draft", created.AfterJson["status"]!.GetValue<string>());
        Assert.Equal(city.D1, created.AfterJson["departmentId"]!.GetValue<Guid>());
        Assert.Equal(new[] { "nature", "parc" }, created.AfterJson["topics"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(["title"], Keys(created.DataJson)); // the audit data as it always was
        Assert.Equal("Parc du centre (nl)", created.DataJson["title"]!["nl"]!.GetValue<string>());

        Assert.Equal(
            HttpStatusCode.OK,
            (
                await head.PatchAsJsonAsync(
                    $"/api/v1/projects/{id}",
                    new { title = new { fr = "Parc rénové" }, topics = new[] { "Arbres" } }
                )
            ).StatusCode
        );

        var edited = Assert.Single(await Api.EventsAsync("project.edited"));
        Assert.Equal((id.ToString(), city.Head1.Id, city.D1), (edited.SubjectId, edited.ActorId, edited.DepartmentId));
        Assert.Equal(new[] { "title", "topics" }, edited.DataJson["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(["title", "topics"], Keys(edited.BeforeJson));
        Assert.Equal(["title", "topics"], Keys(edited.AfterJson));
        Assert.Equal("""{"fr":"Parc du centre","nl":"Parc du centre (nl)"}""", edited.BeforeJson!["title"]!.ToJsonString());
        Assert.Equal(["fr"], Keys(edited.AfterJson!["title"]!.AsObject()));
        Assert.Equal("Parc rénové", edited.AfterJson["title"]!["fr"]!.GetValue<string>());
        Assert.Equal("""["nature","parc"]""", edited.BeforeJson["topics"]!.ToJsonString());
        Assert.Equal("""["arbres"]""", edited.AfterJson["topics"]!.ToJsonString());

        Assert.Equal(
            HttpStatusCode.OK,
            (await head.PostJsonAsync($"/api/v1/projects/{id}/status", new { status = "published" })).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await head.PostJsonAsync($"/api/v1/projects/{id}/status", new { status = "published" })).StatusCode
        ); // no change, no event

        var published = Assert.Single(await Api.EventsAsync("project.status_changed"));
        Assert.Equal((id.ToString(), city.Head1.Id, city.D1), (published.SubjectId, published.ActorId, published.DepartmentId));
        Assert.Equal("""{"status":"draft"}""", published.BeforeJson!.ToJsonString());
        Assert.Equal("""{"status":"published"}""", published.AfterJson!.ToJsonString());
        Assert.Equal("""{"after":"published","before":"draft"}""", published.DataJson.ToJsonString());
    }

    [Fact]
    public async Task Phases_record_their_previous_and_new_title_method_and_dates()
    {
        var city = await City.CreateAsync(Api);
        var id = await city.ProjectAsync(city.Admin, city.D1);
        var adminId = await Api.ScalarAsync<Guid>("SELECT actor_id FROM events WHERE type = 'project.created'");

        var added = await city.Admin.PostJsonAsync($"/api/v1/projects/{id}/phases", City.Phase("ideation", March, March.AddDays(10)));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var phase = (await added.ReadJsonAsync())["id"]!.GetValue<Guid>();

        var add = Assert.Single(await Api.EventsAsync("phase.added"));
        Assert.Equal(
            (id.ToString(), adminId, id, (Guid?)phase, city.D1),
            (add.SubjectId, add.ActorId, add.ProjectId, add.PhaseId, add.DepartmentId)
        );
        Assert.Null(add.Before);
        Assert.Equal(["endsAt", "method", "startsAt", "title"], Keys(add.AfterJson));
        Assert.Equal("ideation", add.AfterJson!["method"]!.GetValue<string>());
        Assert.Equal("Phase ideation", add.AfterJson["title"]!["fr"]!.GetValue<string>());
        Assert.Equal(March, Date(add.AfterJson["startsAt"]));
        Assert.Equal(["endsAt", "method", "phaseId", "startsAt"], Keys(add.DataJson));
        Assert.Equal(phase, add.DataJson["phaseId"]!.GetValue<Guid>());
        Assert.Equal(March.AddDays(10), Date(add.DataJson["endsAt"]));

        // New method and title, new end, same start.
        Assert.Equal(
            HttpStatusCode.NoContent,
            (
                await city.Admin.PutAsJsonAsync(
                    $"/api/v1/projects/{id}/phases/{phase}",
                    City.Phase("information", March, March.AddDays(20))
                )
            ).StatusCode
        );
        // The same again: recorded (as the audit log always had it), nothing before or after.
        Assert.Equal(
            HttpStatusCode.NoContent,
            (
                await city.Admin.PutAsJsonAsync(
                    $"/api/v1/projects/{id}/phases/{phase}",
                    City.Phase("information", March, March.AddDays(20))
                )
            ).StatusCode
        );

        var changes = await Api.EventsAsync("phase.changed");
        Assert.Equal(2, changes.Count);
        var changed = changes[0];
        Assert.Equal(
            (id.ToString(), adminId, (Guid?)phase, city.D1),
            (changed.SubjectId, changed.ActorId, changed.PhaseId, changed.DepartmentId)
        );
        Assert.Equal(["endsAt", "method", "title"], Keys(changed.BeforeJson));
        Assert.Equal(["endsAt", "method", "title"], Keys(changed.AfterJson));
        Assert.Equal(
            ("ideation", "information"),
            (changed.BeforeJson!["method"]!.GetValue<string>(), changed.AfterJson!["method"]!.GetValue<string>())
        );
        Assert.Equal(
            ("Phase ideation", "Phase information"),
            (changed.BeforeJson["title"]!["fr"]!.GetValue<string>(), changed.AfterJson["title"]!["fr"]!.GetValue<string>())
        );
        Assert.Equal((March.AddDays(10), March.AddDays(20)), (Date(changed.BeforeJson["endsAt"]), Date(changed.AfterJson["endsAt"])));
        Assert.Equal(["endsAt", "method", "phaseId", "startsAt"], Keys(changed.DataJson));
        Assert.Equal("information", changed.DataJson["method"]!.GetValue<string>());
        Assert.Equal("{}", changes[1].BeforeJson!.ToJsonString());
        Assert.Equal("{}", changes[1].AfterJson!.ToJsonString());

        Assert.Equal(HttpStatusCode.NoContent, (await city.Admin.DeleteAsync($"/api/v1/projects/{id}/phases/{phase}")).StatusCode);
        await (await city.Admin.DeleteAsync($"/api/v1/projects/{id}/phases/{phase}")).AssertProblemAsync(HttpStatusCode.NotFound);

        var removed = Assert.Single(await Api.EventsAsync("phase.removed"));
        Assert.Equal(
            (id.ToString(), adminId, id, (Guid?)phase, city.D1),
            (removed.SubjectId, removed.ActorId, removed.ProjectId, removed.PhaseId, removed.DepartmentId)
        );
        Assert.Null(removed.After);
        Assert.Equal(["endsAt", "method", "startsAt", "title"], Keys(removed.BeforeJson));
        Assert.Equal("information", removed.BeforeJson!["method"]!.GetValue<string>());
        Assert.Equal(March.AddDays(20), Date(removed.BeforeJson["endsAt"]));
        Assert.Equal($$"""{"method":"information","phaseId":"{{phase}}"}""", removed.DataJson.ToJsonString());
    }

    [Fact]
    public async Task A_phase_change_refused_by_the_timeline_records_nothing()
    {
        var city = await City.CreateAsync(Api);
        var id = await city.ProjectAsync(city.Admin, city.D1);
        await city.Admin.PostJsonAsync($"/api/v1/projects/{id}/phases", City.Phase("information", March, March.AddDays(10)));
        var second = (
            await (
                await city.Admin.PostJsonAsync(
                    $"/api/v1/projects/{id}/phases",
                    City.Phase("ideation", March.AddDays(10), March.AddDays(20))
                )
            ).ReadJsonAsync()
        )["id"]!.GetValue<Guid>();

        await (
            await city.Admin.PutAsJsonAsync(
                $"/api/v1/projects/{id}/phases/{second}",
                City.Phase("ideation", March.AddDays(5), March.AddDays(20))
            )
        ).AssertFieldErrorsAsync("startsAt", "endsAt");
        await (
            await city.Admin.PutAsJsonAsync(
                $"/api/v1/projects/{id}/phases/{Guid.NewGuid()}",
                City.Phase("ideation", March.AddDays(30), null)
            )
        ).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Empty(await Api.EventsAsync("phase.changed"));
        Assert.Equal(
            March.AddDays(10).UtcDateTime,
            await Api.ScalarAsync<DateTime>("SELECT starts_at FROM phases WHERE id = @Second", new { Second = second })
        );
    }

    [Fact]
    public async Task Preview_link_and_image_events_say_whether_there_was_one_and_never_carry_the_token_or_the_image_key()
    {
        var city = await City.CreateAsync(Api);
        var id = await city.ProjectAsync(city.Admin, city.D1);

        var first = (await (await city.Admin.PostAsync($"/api/v1/projects/{id}/preview-link", null)).ReadJsonAsync())[
            "token"
        ]!.GetValue<string>();
        var second = (await (await city.Admin.PostAsync($"/api/v1/projects/{id}/preview-link", null)).ReadJsonAsync())[
            "token"
        ]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await city.Admin.DeleteAsync($"/api/v1/projects/{id}/preview-link")).StatusCode);
        // nothing to revoke: no event
        Assert.Equal(HttpStatusCode.NoContent, (await city.Admin.DeleteAsync($"/api/v1/projects/{id}/preview-link")).StatusCode);

        var created = await Api.EventsAsync("project.preview_link_created");
        Assert.Equal(2, created.Count);
        Assert.All(created, e => Assert.Equal((id.ToString(), id, city.D1, "{}"), (e.SubjectId, e.ProjectId, e.DepartmentId, e.Data)));
        Assert.Equal(
            ("""{"hasPreviewLink":false}""", """{"hasPreviewLink":true}"""),
            (created[0].BeforeJson!.ToJsonString(), created[0].AfterJson!.ToJsonString())
        );
        Assert.Equal(
            ("""{"hasPreviewLink":true}""", """{"hasPreviewLink":true}"""),
            (created[1].BeforeJson!.ToJsonString(), created[1].AfterJson!.ToJsonString())
        );
        var revoked = Assert.Single(await Api.EventsAsync("project.preview_link_revoked"));
        Assert.Equal(
            ("""{"hasPreviewLink":true}""", """{"hasPreviewLink":false}"""),
            (revoked.BeforeJson!.ToJsonString(), revoked.AfterJson!.ToJsonString())
        );

        var png = Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
        );
        async Task<string> PutImage()
        {
            var file = new ByteArrayContent(png);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            var response = await city.Admin.PutAsync(
                $"/api/v1/projects/{id}/image",
                new MultipartFormDataContent { { file, "file", "header.png" } }
            );
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.ReadJsonAsync())["imageUrl"]!.GetValue<string>().Split("?v=")[1];
        }
        var firstImage = await PutImage();
        var secondImage = await PutImage();

        var images = await Api.EventsAsync("project.image_changed");
        Assert.Equal(2, images.Count);
        Assert.Equal(
            ("""{"hasImage":false}""", """{"hasImage":true}"""),
            (images[0].BeforeJson!.ToJsonString(), images[0].AfterJson!.ToJsonString())
        );
        Assert.Equal(
            ("""{"hasImage":true}""", """{"hasImage":true}"""),
            (images[1].BeforeJson!.ToJsonString(), images[1].AfterJson!.ToJsonString())
        );
        Assert.Equal((id.ToString(), city.D1, "{}"), (images[0].SubjectId, images[0].DepartmentId, images[0].Data));

        foreach (var secret in new[] { first, second, firstImage, secondImage })
            Assert.Equal(
                0,
                await Api.ScalarAsync<long>(
                    "SELECT count(*) FROM events WHERE concat(before::text, after::text, data::text) LIKE '%' || @Secret || '%'",
                    new { Secret = secret }
                )
            );
    }
}
