using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Invitations;

/// <summary>
/// The authorization matrix (QUALITY.md §2) of the invitation endpoints, generated from a table of
/// actors × actions. Projects (and so project moderators) arrive with the projects issue; until then a
/// department head may invite nobody.
/// </summary>
[Collection(ApiCollection.C)]
public sealed class InvitationAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    public static TheoryData<string, string, int> Matrix()
    {
        var data = new TheoryData<string, string, int>();
        var actors = new[]
        {
            "anonymous",
            "resident",
            "head_d1",
            "head_d2",
            "communication_manager",
            "it_manager",
            "elected_official",
            "admin",
        };
        var actions = new[] { "invite_admin", "invite_head_d1", "invite_official_d1", "list", "resend", "revoke" };
        foreach (var actor in actors)
        foreach (var action in actions)
            data.Add(actor, action, Expected(actor, action));
        return data;
    }

    private static int Expected(string actor, string action) =>
        (actor, action) switch
        {
            ("anonymous", _) => 401,
            ("admin", "resend") => 200,
            ("admin", "revoke") => 204,
            ("admin", _) => 200,
            ("head_d1" or "head_d2", "list") => 200, // each sees their own department's invitations
            _ => 403,
        };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_do_what_with_invitations(string actor, string action, int expected)
    {
        var admin = await Api.CreateUserAsync(role: "admin");
        var adminClient = Api.ClientFor(admin.Id);
        var d1 = await Api.DepartmentAsync(adminClient, "Culture");
        var d2 = await Api.DepartmentAsync(adminClient, "Sport");
        var existing = (await adminClient.InviteAsync("elected_official", "department", d1, "existing@example.org"))["invited"]![0]![
            "id"
        ]!.GetValue<Guid>();
        var client = actor switch
        {
            "anonymous" => Api.CreateClient(),
            "admin" => adminClient,
            "head_d1" or "head_d2" => await HeadAsync(adminClient, actor == "head_d1" ? d1 : d2),
            "resident" => Api.ClientFor((await Api.CreateUserAsync()).Id),
            _ => Api.ClientFor((await Api.CreateUserAsync(role: actor)).Id),
        };
        var before = await Api.CountAsync("invitations");

        var response = action switch
        {
            "invite_admin" => await client.PostJsonAsync(
                "/api/v1/invitations",
                new
                {
                    invitees = new[] { new { email = "x@example.org" } },
                    role = "admin",
                    scopeType = "platform",
                }
            ),
            "invite_head_d1" => await client.PostJsonAsync(
                "/api/v1/invitations",
                new
                {
                    invitees = new[] { new { email = "x@example.org" } },
                    role = "department_head",
                    scopeType = "department",
                    scopeId = d1,
                }
            ),
            "invite_official_d1" => await client.PostJsonAsync(
                "/api/v1/invitations",
                new
                {
                    invitees = new[] { new { email = "x@example.org" } },
                    role = "elected_official",
                    scopeType = "department",
                    scopeId = d1,
                }
            ),
            "list" => await client.GetAsync("/api/v1/invitations"),
            "resend" => await client.PostAsync($"/api/v1/invitations/{existing}/resend", null),
            "revoke" => await client.DeleteAsync($"/api/v1/invitations/{existing}"),
            _ => throw new InvalidOperationException(action),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected >= 400)
        {
            Assert.Equal(before, await Api.CountAsync("invitations"));
            Assert.Equal(
                "pending",
                await Api.ScalarAsync<string>(
                    "SELECT CASE WHEN revoked_at IS NULL THEN 'pending' ELSE 'revoked' END FROM invitations WHERE id = @existing",
                    new { existing }
                )
            );
        }
        if (actor == "head_d2" && action == "list")
            Assert.Empty((await response.ReadJsonAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task A_department_head_lists_only_their_departments_invitations()
    {
        var admin = await Api.CreateUserAsync(role: "admin");
        var adminClient = Api.ClientFor(admin.Id);
        var d1 = await Api.DepartmentAsync(adminClient, "Culture");
        var d2 = await Api.DepartmentAsync(adminClient, "Sport");
        await adminClient.InviteAsync("elected_official", "department", d1, "culture@example.org");
        await adminClient.InviteAsync("elected_official", "department", d2, "sport@example.org");
        await adminClient.InviteAsync("it_manager", "platform", null, "it@example.org");
        var head = await HeadAsync(adminClient, d1);

        var items = (await (await head.GetAsync("/api/v1/invitations")).ReadJsonAsync())["items"]!.AsArray();

        Assert.Equal(["culture@example.org"], items.Select(i => i!["email"]!.GetValue<string>()));
    }

    private async Task<HttpClient> HeadAsync(HttpClient adminClient, Guid department)
    {
        var head = await Api.CreateUserAsync();
        var grant = await adminClient.PutAsJsonAsync(
            $"/api/v1/users/{head.Id}/roles",
            new
            {
                role = "department_head",
                scopeType = "department",
                scopeId = department,
            }
        );
        Assert.Equal(HttpStatusCode.OK, grant.StatusCode);
        return Api.ClientFor(
            head.Id,
            roleVersion: await Api.ScalarAsync<int>("SELECT role_version FROM users WHERE id = @Id", new { head.Id })
        );
    }
}
