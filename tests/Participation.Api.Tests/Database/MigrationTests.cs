using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Participation.Api.Cli;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Tests.Infrastructure;
using Participation.Demo;

namespace Participation.Api.Tests.Database;

public sealed class MigrationTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Two_instances_migrating_one_empty_database_at_once_both_succeed()
    {
        var connectionString = await ApiFactory.CreateDatabaseAsync("participation_tests_migrations");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Participation"] = connectionString })
            .Build();
        await using var a = NpgsqlDataSource.Create(connectionString);
        await using var b = NpgsqlDataSource.Create(connectionString);

        await Task.WhenAll(
            new Migrator(a, configuration, NullLogger<Migrator>.Instance).MigrateAsync(),
            new Migrator(b, configuration, NullLogger<Migrator>.Instance).MigrateAsync()
        );

        await using var connection = await a.OpenConnectionAsync();
        var applied = (await connection.QueryAsync<string>("SELECT scriptname FROM schemaversions")).ToList();
        Assert.Equal(applied.Count, applied.Distinct().Count());
        Assert.Contains(applied, s => s.EndsWith("0001_foundation.sql", StringComparison.Ordinal));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM platform_settings"));
    }

    /// <summary>The production setup: the tables' owner is a login with CREATEROLE, not a superuser. The migrations run
    /// as it, and the API's connections (which take <c>participation_app</c>) open with it.</summary>
    [Fact]
    public async Task A_non_superuser_owner_migrates_and_its_connections_take_the_api_role()
    {
        const string owner = "participation_owner_test";
        var connectionString = await ApiFactory.CreateDatabaseAsync("participation_tests_owner");
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Options = null };
        await using (var super = new NpgsqlConnection(server.ConnectionString))
        {
            await super.OpenAsync();
            await super.ExecuteAsync(
                $"""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{owner}') THEN
                    CREATE ROLE {owner} LOGIN CREATEROLE NOSUPERUSER;
                  END IF;
                END $$;
                ALTER DATABASE participation_tests_owner OWNER TO {owner};
                """
            );
            // A membership left by an earlier run on this cluster would make the test pass without the migration.
            if (await super.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = 'participation_app')"))
                await super.ExecuteAsync($"REVOKE participation_app FROM {owner};");
        }
        var asOwner = new NpgsqlConnectionStringBuilder(connectionString) { Username = owner, Pooling = false }.ConnectionString;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Participation"] = asOwner })
            .Build();
        await using (var source = NpgsqlDataSource.Create(asOwner))
            await new Migrator(source, configuration, NullLogger<Migrator>.Instance).MigrateAsync();

        await using var app = new NpgsqlConnection(CityDataSources.AppRoleConnectionString(asOwner));
        await app.OpenAsync();
        Assert.Equal("participation_app", await app.ExecuteScalarAsync<string>("SELECT current_user"));
        Assert.Equal(1, await app.ExecuteScalarAsync<int>("SELECT count(*) FROM platform_settings"));
        Assert.False(await app.ExecuteScalarAsync<bool>("SELECT rolsuper FROM pg_roles WHERE rolname = session_user"));
    }

    [Theory]
    [InlineData("postgres://app:s%40cret@db.example:6543/city?sslmode=require", "db.example", 6543, "city", "app", "s@cret")]
    [InlineData("postgresql://app@localhost/participation", "localhost", 5432, "participation", "app", null)]
    public void DATABASE_URL_in_url_form_becomes_an_npgsql_connection_string(
        string url,
        string host,
        int port,
        string database,
        string user,
        string? password
    )
    {
        var csb = new NpgsqlConnectionStringBuilder(ConnectionStrings.FromUrl(url));
        Assert.Equal((host, port, database, user, password), (csb.Host, csb.Port, csb.Database, csb.Username, csb.Password));
    }

    private RoleGrants Grants => (RoleGrants)Api.Services.GetService(typeof(RoleGrants))!;

    [Fact]
    public async Task Create_admin_creates_a_confirmed_admin_and_is_idempotent()
    {
        var db = Api.Services.GetService(typeof(CityDb)) as CityDb;

        var first = await Commands.GrantAdminAsync(db!, Grants, "mayor@example.org", "Marie", "Curie", "a long enough password");
        var second = await Commands.GrantAdminAsync(db!, Grants, "mayor@example.org", "Marie", "Curie", "a long enough password");

        Assert.Equal(first, second);
        Assert.Equal(
            1,
            await Api.ScalarAsync<long>("SELECT count(*) FROM user_roles WHERE role = 'admin' AND user_id = @first", new { first })
        );
        Assert.True(await Api.ScalarAsync<bool>("SELECT email_confirmed_at IS NOT NULL FROM users WHERE id = @first", new { first }));
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'role.granted'"));
    }

    [Fact]
    public async Task Create_admin_records_the_grant_as_done_by_the_platform()
    {
        var db = (CityDb)Api.Services.GetService(typeof(CityDb))!;

        var id = await Commands.GrantAdminAsync(db, Grants, "mayor@example.org", "Marie", "Curie", "a long enough password");

        var granted = Assert.Single(await Api.EventsAsync("role.granted"));
        Assert.Equal(
            ("system", (Guid?)null, id.ToString(), (Guid?)null),
            (granted.ActorType, granted.ActorId, granted.SubjectId, granted.DepartmentId)
        );
        Assert.Equal(
            (
                (string?)null,
                await Api.JsonbAsync(
                    new
                    {
                        role = "admin",
                        scopeType = "platform",
                        scopeId = (Guid?)null,
                    }
                )
            ),
            (granted.Before, granted.After)
        );
        Assert.Equal(
            await Api.JsonbAsync(
                new
                {
                    role = "admin",
                    scopeType = "platform",
                    scopeId = (Guid?)null,
                    via = "cli",
                }
            ),
            granted.Data
        );
    }

    [Fact]
    public async Task Create_admin_grants_the_role_to_an_existing_account()
    {
        var user = await Api.CreateUserAsync(email: "clerk@example.org");
        var db = (CityDb)Api.Services.GetService(typeof(CityDb))!;

        var id = await Commands.GrantAdminAsync(db, Grants, "clerk@example.org", "Ignored", "Ignored", "a long enough password");

        Assert.Equal(user.Id, id);
        Assert.Equal(user.FirstName, await Api.ScalarAsync<string>("SELECT first_name FROM users WHERE id = @id", new { id }));
        var roleVersion = await Api.ScalarAsync<int>("SELECT role_version FROM users WHERE id = @id", new { id });
        Assert.Equal(2, roleVersion); // the grant bumped it, like every role change
        var me = await (await Api.ClientFor(id, roleVersion).GetAsync("/api/v1/me")).ReadJsonAsync();
        Assert.Contains(me["roles"]!.AsArray(), r => r!["role"]!.GetValue<string>() == "admin");
    }

    [Fact]
    public async Task The_demo_city_seeds_every_staff_role_and_can_run_again()
    {
        await using var db = NpgsqlDataSource.Create(CityDataSources.OwnerConnectionStringFor(Api.ConnectionString, CityScope.DefaultCity));

        var storage = (Participation.Api.Infrastructure.Storage.IFileStorage)
            Api.Services.GetService(typeof(Participation.Api.Infrastructure.Storage.IFileStorage))!;

        await DemoSeed.RunAsync(db, storage);
        await DemoSeed.RunAsync(db, storage);

        Assert.Equal(DemoSeed.Users.Length + 20 + DemoSeedActivity.Neighbours, await Api.CountAsync("users"));
        Assert.Equal(
            ["admin", "communication_manager", "department_head", "elected_official", "it_manager", "project_moderator"],
            (await (await Api.OpenAsync()).QueryAsync<string>("SELECT DISTINCT role FROM user_roles ORDER BY 1")).ToArray()
        );
        Assert.Equal(
            4,
            await Api.ScalarAsync<long>(
                """
                SELECT count(DISTINCT CASE WHEN accepted_at IS NOT NULL THEN 'accepted' WHEN revoked_at IS NOT NULL THEN 'revoked'
                                           WHEN expires_at <= now() THEN 'expired' ELSE 'pending' END) FROM invitations
                """
            )
        );
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM organisations WHERE status = 'verified'"));
        // The home page is published in the three languages, with its banner image stored as an upload is.
        Assert.Equal(3, await Api.ScalarAsync<long>("SELECT count(*) FROM home_pages WHERE published IS NOT NULL"));
        var home = await (await Api.CreateClient().GetAsync("/api/v1/home-page?language=fr")).ReadJsonAsync();
        Assert.Equal("published", home["source"]!.GetValue<string>());
        Assert.Equal(2, home["pinnedProjects"]!.AsArray().Count);
        var banner = await Api.CreateClient().GetAsync(home["imageUrl"]!.GetValue<string>());
        Assert.Equal("image/jpeg", banner.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, await Api.ScalarAsync<long>("SELECT count(DISTINCT status) FROM projects"));
        Assert.Equal(6, await Api.ScalarAsync<long>("SELECT count(DISTINCT method) FROM phases"));
        Assert.Equal(3, await Api.ScalarAsync<long>("SELECT count(DISTINCT department_id) FROM projects"));
        Assert.Equal(6, await Api.ScalarAsync<long>("SELECT count(DISTINCT status) FROM ideas"));
        Assert.True(await Api.ScalarAsync<long>("SELECT count(*) FROM idea_status_changes WHERE feedback IS NOT NULL") >= 5);
        Assert.True(await Api.ScalarAsync<long>("SELECT count(*) FROM comments WHERE parent_id IS NOT NULL") >= 1);
        Assert.True(await Api.ScalarAsync<long>("SELECT count(*) FROM content_flags WHERE resolved_at IS NULL") >= 3);
        Assert.True(await Api.ScalarAsync<long>("SELECT count(*) FROM ideas WHERE latitude IS NOT NULL") >= 5);
        Assert.True(await Api.ScalarAsync<long>("SELECT count(*) FROM idea_votes") >= 10);
        Assert.True(await Api.ScalarAsync<long>("SELECT count(*) FROM baskets WHERE submitted_at IS NOT NULL") >= 10);
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM baskets WHERE submitted_at IS NULL AND items > 0"));
        Assert.True(
            await Api.ScalarAsync<long>(
                "SELECT count(*) FROM survey_responses WHERE phase_id = @Survey AND status = 'submitted'",
                new { DemoSeedSurveys.Phases.Survey }
            ) >= 300
        );
        Assert.True(
            await Api.ScalarAsync<long>(
                "SELECT count(*) FROM survey_responses WHERE phase_id = @Poll AND status = 'submitted'",
                new { DemoSeedSurveys.Phases.Poll }
            ) >= 50
        );
        Assert.Equal(8, await Api.ScalarAsync<long>("SELECT count(DISTINCT type) FROM survey_questions"));
        Assert.Equal(
            0,
            await Api.ScalarAsync<long>(
                """
                SELECT count(*) FROM surveys s
                 WHERE s.responses <> (SELECT count(*) FROM survey_responses r WHERE r.phase_id = s.phase_id AND r.status = 'submitted')
                """
            )
        );
        await Features.Ideas.Invariants.AssertHoldAsync(Api);
        Assert.Equal(1, await Api.CountAsync("widgets"));
        Assert.Equal(4, await Api.CountAsync("calendar_events"));
        Assert.Equal(2, await Api.ScalarAsync<int>("SELECT registered_count FROM calendar_events WHERE capacity = 25 AND registration"));
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM calendar_events WHERE online_url IS NOT NULL"));
        // The ideas manager: three assigned ideas, three feedback templates in each published project.
        Assert.Equal(3, await Api.ScalarAsync<long>("SELECT count(*) FROM ideas WHERE assignee_id IS NOT NULL"));
        Assert.Equal(12, await Api.CountAsync("feedback_templates"));
        // The open data portal's client, created once with one secret (run twice above).
        Assert.Equal(1, await Api.CountAsync("api_clients"));
        Assert.Equal(1, await Api.CountAsync("api_client_secrets"));
        var widget = await Api.CreateClient().GetAsync("/embed/widgets/0190a000-0000-7000-8000-000000000501");
        Assert.Equal(System.Net.HttpStatusCode.OK, widget.StatusCode);
        Assert.Contains("http://localhost:8080", widget.Headers.GetValues("Content-Security-Policy").Single());
        var login = await Api.CreateClient()
            .PostJsonAsync("/api/v1/auth/login", new { email = "admin@demo.participation.test", password = DemoSeed.Password });
        Assert.Equal(System.Net.HttpStatusCode.OK, login.StatusCode);
        await AssertOfficialsDashboardIsLivelyAsync();
    }

    /// <summary>The Culture official lands on Culture's dashboard, whose last twelve weeks show ideas week after week.</summary>
    private async Task AssertOfficialsDashboardIsLivelyAsync()
    {
        var official = await Api.ScalarAsync<Guid>("SELECT id FROM users WHERE email = 'elue.culture@demo.participation.test'");
        var version = await Api.ScalarAsync<int>("SELECT role_version FROM users WHERE id = @official", new { official });
        var client = Api.ClientFor(official, version);
        var scopes = await (await client.GetAsync("/api/v1/dashboard/scopes")).ReadJsonAsync();
        Assert.Equal("department", scopes["home"]!["type"]!.GetValue<string>());
        Assert.Equal("Culture", scopes["home"]!["name"]!.GetValue<string>());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var culture = scopes["home"]!["id"]!.GetValue<string>();
        var url = $"/api/v1/dashboard?scopeType=department&scopeId={culture}&from={today.AddDays(-83):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var dashboard = await (await client.GetAsync(url)).ReadJsonAsync();
        var weeks = dashboard["weeks"]!.AsArray();
        Assert.True(weeks.Count(w => w!["ideas"]!.GetValue<int>() > 0) >= 10, $"ideas in too few weeks: {weeks.ToJsonString()}");
        Assert.True(weeks.Count(w => w!["reactions"]!.GetValue<int>() > 0) >= 10, $"likes in too few weeks: {weeks.ToJsonString()}");
        Assert.True(dashboard["decisions"]!.AsArray().Count >= 5);
        Assert.True(dashboard["waitingTotal"]!.GetValue<int>() >= 5);
    }
}
