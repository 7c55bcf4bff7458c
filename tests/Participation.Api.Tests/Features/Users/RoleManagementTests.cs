using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Users;

public sealed class RoleManagementTests(ApiFactory api) : ApiTest(api)
{
    private async Task<Guid> DepartmentAsync(HttpClient admin, string name = "Culture") =>
        (await (await admin.PostJsonAsync("/api/v1/departments", new { name = new { fr = name } })).ReadJsonAsync())[
            "id"
        ]!.GetValue<Guid>();

    [Fact]
    public async Task An_admin_grants_a_scoped_role_once_and_the_person_is_told()
    {
        var admin = await Api.CreateUserAsync(role: "admin");
        var client = Api.ClientFor(admin.Id);
        var department = await DepartmentAsync(client, "Espaces verts");
        var user = await Api.CreateUserAsync(email: "nathalie@example.org");

        var first = await client.PutAsJsonAsync(
            $"/api/v1/users/{user.Id}/roles",
            new
            {
                role = "department_head",
                scopeType = "department",
                scopeId = department,
            }
        );
        var again = await client.PutAsJsonAsync(
            $"/api/v1/users/{user.Id}/roles",
            new
            {
                role = "department_head",
                scopeType = "department",
                scopeId = department,
            }
        );

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await first.ReadJsonAsync())["id"]!.GetValue<Guid>(), (await again.ReadJsonAsync())["id"]!.GetValue<Guid>());
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM user_roles WHERE user_id = @Id", new { user.Id }));
        var mail = Assert.Single(await Api.OutboxAsync("nathalie@example.org"));
        Assert.Equal("role_granted", mail.Category);
        Assert.Contains("responsable du service Espaces verts", mail.TextBody);
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'role.granted'"));
    }

    [Theory]
    [InlineData("mayor", "platform", false)]
    [InlineData("admin", "department", true)]
    [InlineData("department_head", "platform", false)]
    [InlineData("project_moderator", "project", true)]
    public async Task Impossible_or_unknown_role_scopes_are_refused(string role, string scopeType, bool withScope)
    {
        var admin = await Api.CreateUserAsync(role: "admin");
        var user = await Api.CreateUserAsync();

        var response = await Api.ClientFor(admin.Id)
            .PutAsJsonAsync(
                $"/api/v1/users/{user.Id}/roles",
                new
                {
                    role,
                    scopeType,
                    scopeId = withScope ? Guid.NewGuid() : (Guid?)null,
                }
            );

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM user_roles WHERE user_id = @Id", new { user.Id }));
    }

    [Fact]
    public async Task Granting_to_an_unknown_user_is_404()
    {
        var admin = await Api.CreateUserAsync(role: "admin");
        var response = await Api.ClientFor(admin.Id)
            .PutAsJsonAsync($"/api/v1/users/{Guid.NewGuid()}/roles", new { role = "it_manager", scopeType = "platform" });
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Losing_a_role_takes_effect_at_once_for_access_and_refresh_tokens()
    {
        var admin = await Api.CreateUserAsync(role: "admin");
        var adminClient = Api.ClientFor(admin.Id);
        var user = await Api.CreateUserAsync(email: "karim@example.org");
        var grant = await (
            await adminClient.PutAsJsonAsync(
                $"/api/v1/users/{user.Id}/roles",
                new { role = "communication_manager", scopeType = "platform" }
            )
        ).ReadJsonAsync();
        var tokens = await (
            await Api.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = ApiFactory.Password })
        ).ReadJsonAsync();
        var session = Api.CreateClient();
        session.DefaultRequestHeaders.Authorization = new("Bearer", tokens["accessToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);

        var revoked = await adminClient.DeleteAsync($"/api/v1/users/{user.Id}/roles/{grant["id"]}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await (await session.GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (
            await Api.CreateClient()
                .PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens["refreshToken"]!.GetValue<string>() })
        ).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var fresh = await (
            await Api.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = user.Email, password = ApiFactory.Password })
        ).ReadJsonAsync();
        var me = Api.CreateClient();
        me.DefaultRequestHeaders.Authorization = new("Bearer", fresh["accessToken"]!.GetValue<string>());
        Assert.Empty((await (await me.GetAsync("/api/v1/me")).ReadJsonAsync())["roles"]!.AsArray());
        Assert.Equal(["role_granted", "role_revoked"], (await Api.OutboxAsync(user.Email)).Select(m => m.Category));
    }

    [Fact]
    public async Task A_role_version_kept_by_an_instance_is_forgotten_when_the_database_notifies_a_change()
    {
        var check = Api.Services.GetRequiredService<RoleVersionCheck>();
        for (var i = 0; i < 600 && !check.Listening; i++)
            await Task.Delay(50);
        Assert.True(check.Listening);
        var user = await Api.CreateUserAsync(email: "ines@example.org");
        var session = Api.ClientFor(user.Id);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/me")).StatusCode);

        // A change the instance is not told of (triggers off for that session): the version it kept still answers.
        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync(
                "SET session_replication_role = replica; UPDATE users SET role_version = role_version + 1 WHERE id = @Id; "
                    + "RESET session_replication_role;",
                new { user.Id }
            );
        Assert.True(await check.IsCurrentAsync(user.Id, 1, CancellationToken.None));

        // A change made by another instance: the trigger notifies at its commit, and this instance forgets the version.
        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync("UPDATE users SET role_version = role_version + 1 WHERE id = @Id", new { user.Id });
        var status = HttpStatusCode.OK;
        for (var i = 0; i < 600 && status == HttpStatusCode.OK; i++)
        {
            status = (await session.GetAsync("/api/v1/me")).StatusCode;
            if (status == HttpStatusCode.OK)
                await Task.Delay(50);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(HttpStatusCode.OK, (await Api.ClientFor(user.Id, 3).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Role_versions_asked_alone_or_together_are_read_right_and_a_lone_one_keeps_a_generic_plan()
    {
        var check = Api.Services.GetRequiredService<RoleVersionCheck>();
        var users = new List<Guid>();
        for (var i = 0; i < 12; i++)
            users.Add((await Api.CreateUserAsync(email: $"version{i}@example.org")).Id);
        await using (var owner = await Api.OpenAsync())
            await owner.ExecuteAsync("UPDATE users SET role_version = 2 WHERE id = ANY(@Ids)", new { Ids = users.Take(6).ToArray() });

        // Alone (one statement for one user), then the other ten at once (the requests that arrive together share one).
        Assert.True(await check.IsCurrentAsync(users[0], 2, CancellationToken.None));
        Assert.False(await check.IsCurrentAsync(users[6], 2, CancellationToken.None));
        var together = await Task.WhenAll(users.Skip(1).Select(u => check.IsCurrentAsync(u, 2, CancellationToken.None)));
        Assert.Equal(users.Skip(1).Select((_, i) => i + 1 < 6).ToArray(), together); // users 1-5 at version 2, 7-11 at 1
        Assert.False(await check.IsCurrentAsync(Guid.NewGuid(), 1, CancellationToken.None));

        await using var connection = new Npgsql.NpgsqlConnection(
            new Npgsql.NpgsqlConnectionStringBuilder(Api.ConnectionString) { Pooling = false }.ConnectionString
        );
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(RoleVersionCheck.OneSql, connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter("Id", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = users[0] });
        await command.PrepareAsync();
        for (var i = 0; i < 8; i++)
        {
            command.Parameters[0].Value = users[i];
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) { }
        }
        var generic = await connection.ExecuteScalarAsync<long>("SELECT generic_plans FROM pg_prepared_statements WHERE NOT from_sql;");
        Assert.True(generic >= 3, $"{generic} generic plans in 8 executions");
        Assert.Contains("= ANY(@Ids)", RoleVersionCheck.ManySql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_admin_cannot_be_removed()
    {
        var admin = await Api.CreateUserAsync(role: "admin");
        var grantId = await Api.ScalarAsync<Guid>("SELECT id FROM user_roles WHERE user_id = @Id", new { admin.Id });

        var response = await Api.ClientFor(admin.Id).DeleteAsync($"/api/v1/users/{admin.Id}/roles/{grantId}");

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await Api.CountAsync("user_roles"));
    }

    [Fact]
    public async Task Two_admins_removing_each_other_at_once_leave_one_admin()
    {
        var a = await Api.CreateUserAsync(role: "admin");
        var b = await Api.CreateUserAsync(role: "admin");
        var grantA = await Api.ScalarAsync<Guid>("SELECT id FROM user_roles WHERE user_id = @Id", new { a.Id });
        var grantB = await Api.ScalarAsync<Guid>("SELECT id FROM user_roles WHERE user_id = @Id", new { b.Id });

        var answers = await Task.WhenAll(
            Api.ClientFor(a.Id).DeleteAsync($"/api/v1/users/{b.Id}/roles/{grantB}"),
            Api.ClientFor(b.Id).DeleteAsync($"/api/v1/users/{a.Id}/roles/{grantA}")
        );

        // One wins; the other is refused (the admins are locked in one order: no deadlock, no 500): 403 when it got past
        // sign-in before the winner's commit and finds itself no longer an admin once it gets the lock, 401 when it
        // arrives after that commit, its token predating the loss of its role.
        var codes = answers.Select(r => r.StatusCode).Order().ToList();
        Assert.Equal(HttpStatusCode.NoContent, codes[0]);
        Assert.Contains(codes[1], new[] { HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized });
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM user_roles WHERE role = 'admin'"));
    }

    [Fact]
    public async Task Granting_and_revoking_record_the_grant_after_and_before_in_its_department()
    {
        var admin = await Api.CreateUserAsync(role: "admin");
        var client = Api.ClientFor(admin.Id);
        var department = await DepartmentAsync(client, "Espaces verts");
        var user = await Api.CreateUserAsync(email: "nathalie@example.org");

        var grant = await (
            await client.PutAsJsonAsync(
                $"/api/v1/users/{user.Id}/roles",
                new
                {
                    role = "department_head",
                    scopeType = "department",
                    scopeId = department,
                }
            )
        ).ReadJsonAsync();
        await client.PutAsJsonAsync(
            $"/api/v1/users/{user.Id}/roles",
            new
            {
                role = "department_head",
                scopeType = "department",
                scopeId = department,
            }
        ); // already had it: nothing
        var platform = await (
            await client.PutAsJsonAsync($"/api/v1/users/{user.Id}/roles", new { role = "it_manager", scopeType = "platform" })
        ).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/users/{user.Id}/roles/{grant["id"]}")).StatusCode);
        await (await client.DeleteAsync($"/api/v1/users/{user.Id}/roles/{grant["id"]}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/users/{user.Id}/roles/{platform["id"]}")).StatusCode);

        var head = await Api.JsonbAsync(
            new
            {
                role = "department_head",
                scopeType = "department",
                scopeId = department,
            }
        );
        var it = await Api.JsonbAsync(
            new
            {
                role = "it_manager",
                scopeType = "platform",
                scopeId = (Guid?)null,
            }
        );
        var granted = await Api.EventsAsync("role.granted");
        Assert.Equal(
            new (string?, string?, Guid?)[] { (null, head, department), (null, it, null) },
            granted.Select(e => (e.Before, e.After, e.DepartmentId))
        );
        Assert.Equal(
            await Api.JsonbAsync(
                new
                {
                    role = "department_head",
                    scopeType = "department",
                    scopeId = department,
                    via = "admin",
                }
            ),
            granted[0].Data
        );
        var revoked = await Api.EventsAsync("role.revoked");
        Assert.Equal(
            new (string?, string?, string?, Guid?)[] { (head, null, head, department), (it, null, it, null) },
            revoked.Select(e => (e.Before, e.After, (string?)e.Data, e.DepartmentId))
        );
        Assert.All(granted.Concat(revoked), e =>
            Assert.Equal(("user", admin.Id, "user", user.Id.ToString()), (e.ActorType, e.ActorId, e.SubjectType, e.SubjectId))
        );
        Assert.DoesNotContain("nathalie@example.org", string.Concat(granted.Concat(revoked).Select(e => e.Before + e.After + e.Data)));
    }

    public static TheoryData<string?> NonAdmins => new() { null, "communication_manager", "it_manager", "elected_official" };

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task Nobody_but_an_admin_grants_or_revokes_roles_including_their_own(string? role)
    {
        var actor = await Api.CreateUserAsync(role: role);
        var other = await Api.CreateUserAsync(role: "it_manager");
        var grant = await Api.ScalarAsync<Guid>("SELECT id FROM user_roles WHERE user_id = @Id", new { other.Id });
        var client = Api.ClientFor(actor.Id);

        await (
            await client.PutAsJsonAsync($"/api/v1/users/{actor.Id}/roles", new { role = "admin", scopeType = "platform" })
        ).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (
            await client.PutAsJsonAsync($"/api/v1/users/{other.Id}/roles", new { role = "admin", scopeType = "platform" })
        ).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.DeleteAsync($"/api/v1/users/{other.Id}/roles/{grant}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.DeleteAsync($"/api/v1/users/{other.Id}/roles/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM user_roles WHERE role = 'admin'"));
        Assert.Equal(0, await Api.CountAsync("email_outbox"));
    }

    [Fact]
    public async Task A_department_head_cannot_manage_roles_of_other_departments_or_raise_their_own()
    {
        var admin = await Api.CreateUserAsync(role: "admin");
        var adminClient = Api.ClientFor(admin.Id);
        var d1 = await DepartmentAsync(adminClient, "Culture");
        var d2 = await DepartmentAsync(adminClient, "Sport");
        var head = await Api.CreateUserAsync();
        await adminClient.PutAsJsonAsync(
            $"/api/v1/users/{head.Id}/roles",
            new
            {
                role = "department_head",
                scopeType = "department",
                scopeId = d1,
            }
        );
        var client = Api.ClientFor(head.Id, roleVersion: 2);
        var someone = await Api.CreateUserAsync();

        await (
            await client.PutAsJsonAsync(
                $"/api/v1/users/{someone.Id}/roles",
                new
                {
                    role = "department_head",
                    scopeType = "department",
                    scopeId = d1,
                }
            )
        ).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (
            await client.PutAsJsonAsync(
                $"/api/v1/users/{someone.Id}/roles",
                new
                {
                    role = "department_head",
                    scopeType = "department",
                    scopeId = d2,
                }
            )
        ).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (
            await client.PutAsJsonAsync($"/api/v1/users/{head.Id}/roles", new { role = "admin", scopeType = "platform" })
        ).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/v1/users")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
