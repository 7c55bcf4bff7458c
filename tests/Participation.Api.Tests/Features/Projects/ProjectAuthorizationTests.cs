using System.Net.Http.Json;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Projects;

/// <summary>
/// The authorization matrix (QUALITY.md §2) of the project endpoints, generated from a table: P1 is a
/// draft in D1, P2 a published project in D2.
/// </summary>
[Collection(ApiCollection.B)]
public sealed class ProjectAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Actors =
    [
        "anonymous",
        "resident",
        "moderator_p1",
        "moderator_p2",
        "head_d1",
        "head_d2",
        "communication_manager",
        "it_manager",
        "elected_official",
        "admin",
    ];

    private static readonly string[] Actions =
    [
        "read_draft_p1",
        "read_published_p2",
        "edit_p1",
        "publish_p1",
        "preview_p1",
        "add_phase_p1",
        "assign_moderator_p1",
        "create_in_d1",
        "audit_log",
        "block_user",
    ];

    private static int Expected(string actor, string action)
    {
        var staffOfP1 = actor is "moderator_p1" or "head_d1" or "admin";
        return action switch
        {
            "read_published_p2" => 200,
            _ when actor == "anonymous" => action == "read_draft_p1" ? 404 : 401,
            "read_draft_p1" => staffOfP1 ? 200 : 404,
            "edit_p1" or "publish_p1" or "add_phase_p1" => staffOfP1 ? (action == "add_phase_p1" ? 201 : 200) : 404,
            "preview_p1" => staffOfP1 ? 200 : 404,
            "assign_moderator_p1" => actor is "head_d1" or "admin" ? 204 : 403,
            "create_in_d1" => actor is "head_d1" or "admin" ? 201 : 403,
            "audit_log" => actor is "head_d1" or "head_d2" or "admin" ? 200 : 403,
            "block_user" => actor == "admin" ? 204 : 403,
            _ => throw new InvalidOperationException(action),
        };
    }

    public static TheoryData<string, string, int> Matrix() => AuthorizationMatrix.Build(Actors, Actions, Expected);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_do_what_with_projects(string actor, string action, int expected)
    {
        var city = await City.CreateAsync(Api);
        var p1 = await city.ProjectAsync(city.Admin, city.D1, "P1");
        var p2 = await city.ProjectAsync(city.Admin, city.D2, "P2", "published");
        var moderator1 = await Api.CreateUserAsync();
        var moderator2 = await Api.CreateUserAsync();
        await city.Admin.PutAsync($"/api/v1/projects/{p1}/moderators/{moderator1.Id}", null);
        await city.Admin.PutAsync($"/api/v1/projects/{p2}/moderators/{moderator2.Id}", null);
        var target = await Api.CreateUserAsync();
        var client = actor switch
        {
            "anonymous" => Api.CreateClient(),
            "admin" => city.Admin,
            "resident" => Api.ClientFor((await Api.CreateUserAsync()).Id),
            "moderator_p1" => await City.As(Api, moderator1),
            "moderator_p2" => await City.As(Api, moderator2),
            "head_d1" => await City.As(Api, city.Head1),
            "head_d2" => await City.As(Api, city.Head2),
            _ => Api.ClientFor((await Api.CreateUserAsync(role: actor)).Id),
        };
        var before = await Api.ScalarAsync<string>(
            "SELECT status || title::text || (SELECT count(*) FROM phases)::text FROM projects WHERE id = @p1",
            new { p1 }
        );

        var response = action switch
        {
            "read_draft_p1" => await client.GetAsync($"/api/v1/projects/{p1}"),
            "read_published_p2" => await client.GetAsync($"/api/v1/projects/{p2}"),
            "edit_p1" => await client.PatchAsJsonAsync($"/api/v1/projects/{p1}", new { title = new { fr = "Changé" } }),
            "publish_p1" => await client.PostJsonAsync($"/api/v1/projects/{p1}/status", new { status = "published" }),
            "preview_p1" => await client.PostAsync($"/api/v1/projects/{p1}/preview-link", null),
            "add_phase_p1" => await client.PostJsonAsync(
                $"/api/v1/projects/{p1}/phases",
                City.Phase("information", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(3))
            ),
            "assign_moderator_p1" => await client.PutAsync($"/api/v1/projects/{p1}/moderators/{target.Id}", null),
            "create_in_d1" => await client.PostJsonAsync(
                "/api/v1/projects",
                new { departmentId = city.D1, title = new { fr = "Nouveau" } }
            ),
            "audit_log" => await client.GetAsync("/api/v1/audit-log"),
            "block_user" => await client.PutAsJsonAsync(
                $"/api/v1/users/{target.Id}/block",
                new { until = DateTimeOffset.UtcNow.AddDays(2), reason = "test" }
            ),
            _ => throw new InvalidOperationException(action),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected >= 400)
        {
            Assert.Equal(
                before,
                await Api.ScalarAsync<string>(
                    "SELECT status || title::text || (SELECT count(*) FROM phases)::text FROM projects WHERE id = @p1",
                    new { p1 }
                )
            );
            Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM user_roles WHERE user_id = @Id", new { target.Id }));
            Assert.Equal(0, await Api.CountAsync("user_blocks"));
            Assert.Equal(2, await Api.CountAsync("projects"));
        }
    }
}
