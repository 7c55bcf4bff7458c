using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Departments;

public sealed class DepartmentsTests(ApiFactory api) : ApiTest(api)
{
    private static object Name(string fr, string? nl = null) =>
        new
        {
            name = nl is null
                ? new Dictionary<string, string> { ["fr"] = fr }
                : new Dictionary<string, string> { ["fr"] = fr, ["nl"] = nl },
        };

    private async Task<(HttpClient Client, TestUser Admin)> AdminAsync()
    {
        var admin = await Api.CreateUserAsync(role: "admin");
        return (Api.ClientFor(admin.Id), admin);
    }

    [Fact]
    public async Task An_admin_creates_a_department_that_everyone_can_list()
    {
        var (client, admin) = await AdminAsync();

        var response = await client.PostJsonAsync("/api/v1/departments", Name("Espaces verts", "Groendienst"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/v1/departments/{id}", response.Headers.Location!.OriginalString);
        var list = await (await Api.CreateClient().GetAsync("/api/v1/departments")).ReadJsonAsync();
        var item = Assert.Single(list["items"]!.AsArray());
        Assert.Equal("Groendienst", item!["name"]!["nl"]!.GetValue<string>());
        Assert.Equal(
            1,
            await Api.ScalarAsync<long>(
                "SELECT count(*) FROM audit_log WHERE action = 'department.created' AND actor_id = @Id",
                new { admin.Id }
            )
        );
    }

    [Fact]
    public async Task A_name_without_french_or_with_unknown_languages_is_refused()
    {
        var (client, _) = await AdminAsync();

        await (await client.PostJsonAsync("/api/v1/departments", new { name = new { nl = "Cultuur" } })).AssertFieldErrorsAsync("name");
        await (
            await client.PostJsonAsync("/api/v1/departments", new { name = new { fr = "Culture", de = "Kultur" } })
        ).AssertFieldErrorsAsync("name");
        await (await client.PostJsonAsync("/api/v1/departments", new { name = (object?)null })).AssertFieldErrorsAsync("name");
        await (await client.PostJsonAsync("/api/v1/departments", new { name = new { fr = new string('x', 121) } })).AssertFieldErrorsAsync(
            "name"
        );
        Assert.Equal(0, await Api.CountAsync("departments"));
    }

    [Fact]
    public async Task Two_departments_cannot_share_a_french_name()
    {
        var (client, _) = await AdminAsync();
        await client.PostJsonAsync("/api/v1/departments", Name("Culture"));

        var duplicate = await client.PostJsonAsync("/api/v1/departments", Name("CULTURE"));

        var problem = await duplicate.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.NotNull(problem["errors"]!["name"]);
    }

    [Fact]
    public async Task An_admin_renames_a_department()
    {
        var (client, _) = await AdminAsync();
        var id = (await (await client.PostJsonAsync("/api/v1/departments", Name("Mobilite"))).ReadJsonAsync())["id"]!.GetValue<Guid>();

        var renamed = await client.PutAsJsonAsync($"/api/v1/departments/{id}", Name("Mobilité", "Mobiliteit"));

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Mobilité", await Api.ScalarAsync<string>("SELECT name->>'fr' FROM departments"));
        await (await client.PutAsJsonAsync($"/api/v1/departments/{Guid.NewGuid()}", Name("X"))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_an_empty_department_can_be_deleted()
    {
        var (client, _) = await AdminAsync();
        var id = (await (await client.PostJsonAsync("/api/v1/departments", Name("Culture"))).ReadJsonAsync())["id"]!.GetValue<Guid>();
        var head = await Api.CreateUserAsync();
        var grant = await (
            await client.PutAsJsonAsync(
                $"/api/v1/users/{head.Id}/roles",
                new
                {
                    role = "department_head",
                    scopeType = "department",
                    scopeId = id,
                }
            )
        ).ReadJsonAsync();

        await (await client.DeleteAsync($"/api/v1/departments/{id}")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/users/{head.Id}/roles/{grant["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/departments/{id}")).StatusCode);
        await (await client.DeleteAsync($"/api/v1/departments/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await Api.CountAsync("departments"));
    }

    [Fact]
    public async Task A_department_with_pending_invitations_is_not_deleted_and_the_count_is_named()
    {
        var (client, _) = await AdminAsync();
        var id = (await (await client.PostJsonAsync("/api/v1/departments", Name("Culture"))).ReadJsonAsync())["id"]!.GetValue<Guid>();
        var invite = await client.PostJsonAsync(
            "/api/v1/invitations",
            new
            {
                invitees = new[] { new { email = "a@example.org" }, new { email = "b@example.org" } },
                role = "department_head",
                scopeType = "department",
                scopeId = id,
            }
        );
        Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var problem = await (await client.DeleteAsync($"/api/v1/departments/{id}")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("2 pending invitations", problem["title"]!.GetValue<string>());
        Assert.Equal(1, await Api.CountAsync("departments"));
        Assert.Equal(
            2,
            await Api.ScalarAsync<long>("SELECT count(*) FROM invitations WHERE department_id = @id AND revoked_at IS NULL", new { id })
        );
        Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'department.deleted'"));

        // Once they are revoked (visibly, through the existing revoke path) or expired, the department can go.
        await Api.ScalarAsync<long>(
            "UPDATE invitations SET expires_at = now() - interval '1 day' WHERE department_id = @id RETURNING 1",
            new { id }
        );
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/departments/{id}")).StatusCode);
    }

    [Fact]
    public async Task Creating_renaming_and_deleting_a_department_record_its_name_before_and_after()
    {
        var (client, admin) = await AdminAsync();
        var id = (await (await client.PostJsonAsync("/api/v1/departments", Name("Mobilite"))).ReadJsonAsync())["id"]!.GetValue<Guid>();
        Assert.Equal(
            HttpStatusCode.OK,
            (await client.PutAsJsonAsync($"/api/v1/departments/{id}", Name(" Mobilité ", "Mobiliteit"))).StatusCode
        );
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/departments/{id}")).StatusCode);

        var before = await Api.JsonbAsync(new { name = new { fr = "Mobilite" } });
        var after = await Api.JsonbAsync(new { name = new { fr = "Mobilité", nl = "Mobiliteit" } });
        var created = Assert.Single(await Api.EventsAsync("department.created"));
        Assert.Equal(((string?)null, before, before), (created.Before, created.After, created.Data));
        var renamed = Assert.Single(await Api.EventsAsync("department.renamed"));
        Assert.Equal((before, after, after), (renamed.Before, renamed.After, renamed.Data));
        var deleted = Assert.Single(await Api.EventsAsync("department.deleted"));
        Assert.Equal((after, (string?)null, after), (deleted.Before, deleted.After, deleted.Data));
        foreach (var e in new[] { created, renamed, deleted })
        {
            // As the audit rows were: by the admin, about the department, seen by admins only (no department scope).
            Assert.Equal(
                ("user", admin.Id, "department", id.ToString(), (Guid?)null, true),
                (e.ActorType, e.ActorId, e.SubjectType, e.SubjectId, e.DepartmentId, e.Audited)
            );
        }
        Assert.Equal(
            3,
            await Api.ScalarAsync<long>(
                "SELECT count(*) FROM audit_log WHERE target_id = @id AND data -> 'name' IS NOT NULL",
                new { id = id.ToString() }
            )
        );
    }

    [Fact]
    public async Task A_refused_rename_or_create_records_nothing()
    {
        var (client, _) = await AdminAsync();
        await client.PostJsonAsync("/api/v1/departments", Name("Culture"));
        var sport = (await (await client.PostJsonAsync("/api/v1/departments", Name("Sport"))).ReadJsonAsync())["id"]!.GetValue<Guid>();

        await (await client.PostJsonAsync("/api/v1/departments", Name("Culture"))).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PutAsJsonAsync($"/api/v1/departments/{sport}", Name("Culture"))).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PutAsJsonAsync($"/api/v1/departments/{Guid.NewGuid()}", Name("Jeunesse"))).AssertProblemAsync(
            HttpStatusCode.NotFound
        );

        Assert.Equal(2, (await Api.EventsAsync("department.created")).Count);
        Assert.Empty(await Api.EventsAsync("department.renamed"));
    }

    public static TheoryData<string?> NonAdmins => new() { null, "communication_manager", "it_manager", "elected_official" };

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task Nobody_but_an_admin_manages_departments(string? role)
    {
        var (adminClient, _) = await AdminAsync();
        var id = (await (await adminClient.PostJsonAsync("/api/v1/departments", Name("Culture"))).ReadJsonAsync())["id"]!.GetValue<Guid>();
        var user = await Api.CreateUserAsync(role: role);
        var client = Api.ClientFor(user.Id);

        await (await client.PostJsonAsync("/api/v1/departments", Name("Sport"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PutAsJsonAsync($"/api/v1/departments/{id}", Name("Sport"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.DeleteAsync($"/api/v1/departments/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Culture", await Api.ScalarAsync<string>("SELECT name->>'fr' FROM departments"));
    }
}
