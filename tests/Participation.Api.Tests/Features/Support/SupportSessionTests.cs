using System.Net;
using System.Net.Http.Headers;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Support;

/// <summary>Two cities on one database (its own): the default city on a.test, a second one on b.test; one support person.</summary>
public sealed class SupportCitiesApiFactory : ApiFactory
{
    public static readonly Guid CityB = Guid.Parse("00000000-0000-4000-8000-0000000000b1");
    public static readonly Guid SupportPerson = Guid.Parse("00000000-0000-4000-8000-00000000a5a5");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.ExecuteAsync(
            """
            INSERT INTO cities (id, slug, name) VALUES (@CityB, 'b', 'Ville B');
            INSERT INTO city_domains (host, city_id) VALUES ('a.test', @CityA), ('b.test', @CityB);
            INSERT INTO platform_settings (city_id, name) VALUES (@CityB, 'Ville B');
            INSERT INTO terms_versions (city_id, version, published_at) VALUES (@CityB, '1', now());
            INSERT INTO operators (id, email, display_name, password_hash, role)
            VALUES (@SupportPerson, 'sam@vendor.example', 'Sam', 'x', 'support');
            """,
            new
            {
                CityA = CityScope.DefaultCity,
                CityB,
                SupportPerson,
            }
        );
    }
}

/// <summary>
/// Acting under support access (issue 19): a support person lists the cities that grant access and opens a session in one;
/// the session's token works in that city only, while the grant lasts; what support does is marked in the city's audit log.
/// </summary>
public sealed class SupportSessionTests(SupportCitiesApiFactory api) : IClassFixture<SupportCitiesApiFactory>, IAsyncLifetime
{
    private HttpClient On(string host, string? token = null)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Host = host;
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private HttpClient Console() =>
        On(
            "console.test",
            api.Services.GetRequiredService<OperatorTokens>().Issue(SupportCitiesApiFactory.SupportPerson, "support", 1, false).Token
        );

    private async Task<HttpClient> AdminOfAAsync()
    {
        var admin = await api.CreateUserAsync(firstName: "Ada", lastName: "Admin", role: "admin");
        var client = api.ClientFor(admin.Id);
        client.DefaultRequestHeaders.Host = "a.test";
        return client;
    }

    public async Task InitializeAsync()
    {
        await using var connection = await api.OpenAsync();
        await connection.ExecuteAsync("DELETE FROM support_grants;"); // the owner's connection: every city's
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(Guid Grant, string Token)> OpenAsync(HttpClient admin)
    {
        var grant = (await (await admin.PostJsonAsync("/api/v1/support/grants", new { hours = 2 })).ReadJsonAsync())[
            "id"
        ]!.GetValue<Guid>();
        var session = await Console().PostJsonAsync("/api/v1/operator/support/sessions", new { cityId = CityScope.DefaultCity });
        Assert.True(session.StatusCode == HttpStatusCode.OK, await session.Content.ReadAsStringAsync());
        var body = await session.ReadJsonAsync();
        Assert.Equal(grant, body["grantId"]!.GetValue<Guid>());
        return (grant, body["accessToken"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_an_active_grant_no_city_is_listed_and_no_session_opens()
    {
        var cities = await (await Console().GetAsync("/api/v1/operator/support/cities")).ReadJsonAsync();
        var session = await Console().PostJsonAsync("/api/v1/operator/support/sessions", new { cityId = CityScope.DefaultCity });
        var unknown = await Console().PostJsonAsync("/api/v1/operator/support/sessions", new { cityId = Guid.NewGuid() });

        Assert.Empty(cities["items"]!.AsArray());
        await session.AssertProblemAsync(HttpStatusCode.Forbidden);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_city_person_token_cannot_reach_the_console_and_anonymous_callers_get_401()
    {
        var admin = await AdminOfAAsync();

        var asCity = await admin.GetAsync("/api/v1/operator/support/cities");
        var anonymous = await On("console.test").GetAsync("/api/v1/operator/support/cities");

        Assert.Equal(HttpStatusCode.Unauthorized, asCity.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Support_lists_the_granting_city_only_and_its_session_works_there_only()
    {
        var admin = await AdminOfAAsync();
        var (grant, token) = await OpenAsync(admin);

        var cities = await (await Console().GetAsync("/api/v1/operator/support/cities")).ReadJsonAsync();
        var inA = await On("a.test", token).GetAsync("/api/v1/audit-log");
        var inB = await On("b.test", token).GetAsync("/api/v1/audit-log");
        var cityB = await Console().PostJsonAsync("/api/v1/operator/support/sessions", new { cityId = SupportCitiesApiFactory.CityB });

        var listed = Assert.Single(cities["items"]!.AsArray())!;
        Assert.Equal(CityScope.DefaultCity, listed["id"]!.GetValue<Guid>());
        Assert.Equal(grant, listed["grantId"]!.GetValue<Guid>());
        Assert.Equal("a.test", listed["host"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, inA.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, inB.StatusCode);
        await cityB.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task What_support_does_is_marked_in_the_audit_log_and_support_cannot_extend_its_own_access()
    {
        var admin = await AdminOfAAsync();
        var (grant, token) = await OpenAsync(admin);
        var support = On("a.test", token);

        var created = await support.PostJsonAsync("/api/v1/departments", new { name = new { fr = "Service réparé par le support" } });
        var extend = await support.PostJsonAsync("/api/v1/support/grants", new { hours = 168 });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await extend.AssertProblemAsync(HttpStatusCode.Forbidden);
        var log = await (await admin.GetAsync("/api/v1/audit-log?action=department.created")).ReadJsonAsync();
        var entry = Assert.Single(log["items"]!.AsArray())!;
        Assert.True(entry["viaSupport"]!.GetValue<bool>());
        Assert.Equal(grant, entry["supportGrantId"]!.GetValue<Guid>());
        Assert.Equal("(support Participation)", entry["actor"]!["lastName"]!.GetValue<string>());
        Assert.Equal("Sam", entry["actor"]!["firstName"]!.GetValue<string>());
        var granted = await (await admin.GetAsync("/api/v1/audit-log?action=support.granted")).ReadJsonAsync();
        Assert.False(Assert.Single(granted["items"]!.AsArray())!["viaSupport"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Revocation_ends_support_access_at_once()
    {
        var admin = await AdminOfAAsync();
        var (grant, token) = await OpenAsync(admin);
        var support = On("a.test", token);
        Assert.Equal(HttpStatusCode.OK, (await support.GetAsync("/api/v1/support/requests")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/support/grants/{grant}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await support.GetAsync("/api/v1/support/requests")).StatusCode);
        var cities = await (await Console().GetAsync("/api/v1/operator/support/cities")).ReadJsonAsync();
        Assert.Empty(cities["items"]!.AsArray());
        var roles = await api.ScalarAsync<long>(
            "SELECT count(*) FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.support_operator_id IS NOT NULL"
        );
        Assert.Equal(0L, roles);
    }

    [Fact]
    public async Task When_the_grant_expires_the_session_is_refused_within_the_checks_freshness()
    {
        var admin = await AdminOfAAsync();
        var (grant, token) = await OpenAsync(admin);
        var support = On("a.test", token);
        Assert.Equal(HttpStatusCode.OK, (await support.GetAsync("/api/v1/support/requests")).StatusCode);

        await api.ScalarAsync<int>(
            """
            UPDATE support_grants SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 second'
             WHERE id = @grant RETURNING 1
            """,
            new { grant }
        );

        // The check keeps what it read for at most 5 s (SupportGrantCheck.Freshness): poll, bounded, for the refusal.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpStatusCode status;
        do
        {
            status = (await support.GetAsync("/api/v1/support/requests")).StatusCode;
            if (status == HttpStatusCode.Unauthorized)
                break;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        var session = await Console().PostJsonAsync("/api/v1/operator/support/sessions", new { cityId = CityScope.DefaultCity });
        await session.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_second_session_reuses_the_same_city_user()
    {
        var admin = await AdminOfAAsync();
        await OpenAsync(admin);

        var again = await (
            await Console().PostJsonAsync("/api/v1/operator/support/sessions", new { cityId = CityScope.DefaultCity })
        ).ReadJsonAsync();

        var users = await api.ScalarAsync<long>(
            "SELECT count(*) FROM users WHERE support_operator_id = @id",
            new { id = SupportCitiesApiFactory.SupportPerson }
        );
        Assert.Equal(1L, users);
        Assert.NotNull(again["userId"]);
    }
}
