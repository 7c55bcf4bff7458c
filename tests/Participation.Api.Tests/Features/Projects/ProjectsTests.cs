using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Projects;

[Collection(ApiCollection.B)]
public sealed class ProjectsTests(ApiFactory api) : ApiTest(api)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task A_department_head_creates_a_draft_that_only_staff_and_the_preview_link_reveal()
    {
        var city = await City.CreateAsync(Api);
        var head = await City.As(Api, city.Head1);
        var id = await city.ProjectAsync(head, city.D1);
        var resident = Api.ClientFor((await Api.CreateUserAsync()).Id);
        var otherHead = await City.As(Api, city.Head2);

        Assert.Equal("draft", (await (await head.GetAsync($"/api/v1/projects/{id}")).ReadJsonAsync())["status"]!.GetValue<string>());
        foreach (var outsider in new[] { Api.CreateClient(), resident, otherHead })
        {
            await (await outsider.GetAsync($"/api/v1/projects/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Empty((await (await outsider.GetAsync("/api/v1/projects")).ReadJsonAsync())["items"]!.AsArray());
            Assert.Empty((await (await outsider.GetAsync("/api/v1/projects?search=parc")).ReadJsonAsync())["items"]!.AsArray());
        }

        var link = await (await head.PostAsync($"/api/v1/projects/{id}/preview-link", null)).ReadJsonAsync();
        var token = link["token"]!.GetValue<string>();
        var previewer = Api.CreateClient();
        previewer.DefaultRequestHeaders.Add("X-Preview-Token", token);
        var preview = await (await previewer.GetAsync($"/api/v1/projects/{id}")).ReadJsonAsync();
        Assert.Equal("Parc du centre", preview["title"]!["fr"]!.GetValue<string>());
        Assert.Null(preview["staff"]);

        Assert.Equal(HttpStatusCode.NoContent, (await head.DeleteAsync($"/api/v1/projects/{id}/preview-link")).StatusCode);
        await (await previewer.GetAsync($"/api/v1/projects/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_makes_it_public_and_archiving_keeps_it_visible()
    {
        var city = await City.CreateAsync(Api);
        var id = await city.ProjectAsync(city.Admin, city.D1, status: "published");
        var anonymous = Api.CreateClient();

        var list = await (await anonymous.GetAsync("/api/v1/projects")).ReadJsonAsync();
        Assert.Equal(id, list["items"]![0]!["id"]!.GetValue<Guid>());
        Assert.Equal(
            HttpStatusCode.OK,
            (await city.Admin.PostJsonAsync($"/api/v1/projects/{id}/status", new { status = "archived" })).StatusCode
        );
        var archived = await (await anonymous.GetAsync($"/api/v1/projects/{id}")).ReadJsonAsync();
        Assert.Equal("archived", archived["status"]!.GetValue<string>());
        Assert.Single((await (await anonymous.GetAsync("/api/v1/projects?status=archived")).ReadJsonAsync())["items"]!.AsArray());
        Assert.Equal(2, await Api.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'project.status_changed'"));
    }

    [Fact]
    public async Task Rich_text_is_sanitised_and_allowed_formatting_kept()
    {
        var city = await City.CreateAsync(Api);
        var id = await city.ProjectAsync(city.Admin, city.D1);

        var updated = await (
            await city.Admin.PatchAsJsonAsync(
                $"/api/v1/projects/{id}",
                new
                {
                    description = new
                    {
                        fr = "<h2>Titre</h2><p onclick=\"steal()\">Texte <em>fort</em><script>alert(1)</script></p>"
                            + "<a href=\"javascript:alert(1)\">x</a><a href=\"https://ville.example\">site</a><img src=x onerror=alert(1)>",
                    },
                }
            )
        ).ReadJsonAsync();

        var html = updated["description"]!["fr"]!.GetValue<string>();
        Assert.Contains("<h2>Titre</h2>", html);
        Assert.Contains("<em>fort</em>", html);
        Assert.Contains("href=\"https://ville.example\"", html);
        Assert.DoesNotContain("script", html);
        Assert.DoesNotContain("onclick", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("<img", html);
    }

    [Fact]
    public async Task Only_the_projects_staff_edit_it()
    {
        var city = await City.CreateAsync(Api);
        var id = await city.ProjectAsync(city.Admin, city.D1, status: "published");
        var moderator = await Api.CreateUserAsync();
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await (await City.As(Api, city.Head1)).PutAsync($"/api/v1/projects/{id}/moderators/{moderator.Id}", null)).StatusCode
        );
        var body = new { title = new { fr = "Nouveau titre" } };

        Assert.Equal(
            HttpStatusCode.OK,
            (await (await City.As(Api, moderator)).PatchAsJsonAsync($"/api/v1/projects/{id}", body)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await (await City.As(Api, city.Head1)).PatchAsJsonAsync($"/api/v1/projects/{id}", body)).StatusCode
        );
        await (await (await City.As(Api, city.Head2)).PatchAsJsonAsync($"/api/v1/projects/{id}", body)).AssertProblemAsync(
            HttpStatusCode.Forbidden
        );
        foreach (var role in new[] { "communication_manager", "it_manager", "elected_official" })
            await (
                await Api.ClientFor((await Api.CreateUserAsync(role: role)).Id).PatchAsJsonAsync($"/api/v1/projects/{id}", body)
            ).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Api.CreateClient().PatchAsJsonAsync($"/api/v1/projects/{id}", body)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        // a moderator cannot appoint moderators, nor raise anyone
        await (
            await (await City.As(Api, moderator)).PutAsync($"/api/v1/projects/{id}/moderators/{(await Api.CreateUserAsync()).Id}", null)
        ).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Assigning_or_removing_a_moderator_of_an_unknown_project_is_a_404()
    {
        var city = await City.CreateAsync(Api);
        var moderator = await Api.CreateUserAsync();
        var unknown = Guid.NewGuid();

        await (await city.Admin.PutAsync($"/api/v1/projects/{unknown}/moderators/{moderator.Id}", null)).AssertProblemAsync(
            HttpStatusCode.NotFound
        );
        await (await city.Admin.DeleteAsync($"/api/v1/projects/{unknown}/moderators/{moderator.Id}")).AssertProblemAsync(
            HttpStatusCode.NotFound
        );
        Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM user_roles WHERE role = 'project_moderator'"));
    }

    [Fact]
    public async Task A_department_head_creates_projects_only_in_their_department()
    {
        var city = await City.CreateAsync(Api);
        var head = await City.As(Api, city.Head1);

        await (
            await head.PostJsonAsync("/api/v1/projects", new { departmentId = city.D2, title = new { fr = "Ailleurs" } })
        ).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (
            await Api.ClientFor((await Api.CreateUserAsync()).Id)
                .PostJsonAsync("/api/v1/projects", new { departmentId = city.D1, title = new { fr = "X" } })
        ).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (
            await head.PostJsonAsync("/api/v1/projects", new { departmentId = city.D1, title = new { nl = "Geen Frans" } })
        ).AssertFieldErrorsAsync("title");
        Assert.Equal(0, await Api.CountAsync("projects"));
    }

    [Fact]
    public async Task The_public_list_filters_and_pages()
    {
        var city = await City.CreateAsync(Api);
        for (var i = 0; i < 12; i++)
            await city.ProjectAsync(city.Admin, i % 2 == 0 ? city.D1 : city.D2, $"Projet {i}", "published");
        var voting = await city.ProjectAsync(city.Admin, city.D2, "Vote sur le budget", "published");
        await city.Admin.PostJsonAsync(
            $"/api/v1/projects/{voting}/phases",
            City.Phase("voting", Now.AddDays(-1), Now.AddDays(3), new { votesPerUser = 3 })
        );
        var anonymous = Api.CreateClient();

        var first = await (await anonymous.GetAsync("/api/v1/projects?limit=5")).ReadJsonAsync();
        var ids = first["items"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()).ToList();
        var cursor = first["nextCursor"]!.GetValue<string>();
        while (cursor is not null)
        {
            var page = await (await anonymous.GetAsync($"/api/v1/projects?limit=5&cursor={cursor}")).ReadJsonAsync();
            ids.AddRange(page["items"]!.AsArray().Select(p => p!["id"]!.GetValue<Guid>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        Assert.Equal(13, ids.Distinct().Count());
        Assert.Equal(
            6,
            (await (await anonymous.GetAsync($"/api/v1/projects?departmentId={city.D1}")).ReadJsonAsync())["items"]!.AsArray().Count
        );
        var byMethod = await (await anonymous.GetAsync("/api/v1/projects?method=voting")).ReadJsonAsync();
        Assert.Equal("voting", byMethod["items"]!.AsArray().Single()!["currentPhase"]!["method"]!.GetValue<string>());
        Assert.Equal(
            voting,
            (await (await anonymous.GetAsync("/api/v1/projects?sort=ending_soon")).ReadJsonAsync())["items"]![0]!["id"]!.GetValue<Guid>()
        );
        Assert.Equal(
            13,
            (await (await anonymous.GetAsync("/api/v1/projects?topic=nature&limit=100")).ReadJsonAsync())["items"]!.AsArray().Count
        );
        Assert.Single((await (await anonymous.GetAsync("/api/v1/projects?search=budget")).ReadJsonAsync())["items"]!.AsArray());
        foreach (
            var bad in new[]
            {
                "sort=votes",
                "status=draft",
                "method=lottery",
                "limit=0",
                "cursor=zz",
                "sort=newest;DROP%20TABLE%20projects",
            }
        )
            await (await anonymous.GetAsync($"/api/v1/projects?{bad}")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_workspace_lists_what_each_staff_member_runs()
    {
        var city = await City.CreateAsync(Api);
        var p1 = await city.ProjectAsync(city.Admin, city.D1, "Projet 1");
        var p2 = await city.ProjectAsync(city.Admin, city.D2, "Projet 2");
        var moderator = await Api.CreateUserAsync();
        await city.Admin.PutAsync($"/api/v1/projects/{p2}/moderators/{moderator.Id}", null);

        async Task<Guid[]> Workspace(HttpClient c) =>
            (await (await c.GetAsync("/api/v1/projects/workspace")).ReadJsonAsync())["items"]!
                .AsArray()
                .Select(p => p!["id"]!.GetValue<Guid>())
                .ToArray();

        Assert.Equal(2, (await Workspace(city.Admin)).Length);
        Assert.Equal([p1], await Workspace(await City.As(Api, city.Head1)));
        Assert.Equal([p2], await Workspace(await City.As(Api, moderator)));
        Assert.Empty(await Workspace(Api.ClientFor((await Api.CreateUserAsync()).Id)));
    }
}
