using System.Net;
using Dapper;
using Npgsql;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Database;

/// <summary>Two cities on one database (its own): the default city on a.test, a second one on b.test.</summary>
public class CitiesApiFactory : ApiFactory
{
    public static readonly Guid CityB = Guid.Parse("00000000-0000-4000-8000-0000000000b0");

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
            """,
            new { CityA = CityScope.DefaultCity, CityB }
        );
    }
}

/// <summary>
/// Cities as tenants (issue 19): the host name chooses the city, an unknown host gets no city's answer, the same e-mail
/// address is two accounts in two cities, and a person's token is worth nothing on another city's address.
/// </summary>
public sealed class CitiesTests(CitiesApiFactory api) : CitiesTestsBase(api), IClassFixture<CitiesApiFactory>
{
    [Fact]
    public async Task One_pooled_connection_serves_two_cities_in_turn_each_time_with_its_rows_only()
    {
        var sources = (CityDataSources)Api.Services.GetService(typeof(CityDataSources))!;
        Assert.False(sources.PoolPerCity);
        var processes = new Dictionary<int, HashSet<Guid>>();
        for (var i = 0; i < 10; i++)
            foreach (var (city, name) in new[] { (CityScope.DefaultCity, "Participation"), (CitiesApiFactory.CityB, "Ville B") })
            {
                await using var connection = await sources.OpenAsync(city, CancellationToken.None);
                Assert.Equal([name], (await connection.QueryAsync<string>("SELECT name FROM platform_settings")).AsList());
                Assert.Equal(city, await connection.ExecuteScalarAsync<Guid>("SELECT current_city()"));
                if (!processes.TryGetValue(connection.ProcessID, out var served))
                    processes[connection.ProcessID] = served = [];
                served.Add(city);
            }

        Assert.Contains(processes.Values, served => served.Count == 2); // a connection switched city, and saw the new one's rows
    }
}

/// <summary>The same, with a pool per city (<c>Database:PoolPerCity</c>, for a pooler in transaction mode).</summary>
public sealed class CitiesPoolPerCityFactory : CitiesApiFactory
{
    public CitiesPoolPerCityFactory() => Set("Database:PoolPerCity", "true");
}

public sealed class CitiesPoolPerCityTests(CitiesPoolPerCityFactory api) : CitiesTestsBase(api), IClassFixture<CitiesPoolPerCityFactory>
{
    [Fact]
    public void Each_city_has_its_own_pool()
    {
        var sources = (CityDataSources)Api.Services.GetService(typeof(CityDataSources))!;
        Assert.True(sources.PoolPerCity);
    }
}

public abstract class CitiesTestsBase(CitiesApiFactory api)
{
    protected CitiesApiFactory Api => api;

    private HttpClient On(string host)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Host = host;
        return client;
    }

    [Fact]
    public async Task An_unknown_host_is_a_404_problem_and_the_health_check_answers_on_any()
    {
        var unknown = await On("unknown.test").GetAsync("/api/v1/platform");
        var health = await On("unknown.test").GetAsync("/health/live");

        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Each_host_answers_with_its_own_city()
    {
        var a = await (await On("a.test").GetAsync("/api/v1/platform")).Content.ReadAsStringAsync();
        var b = await (await On("b.test").GetAsync("/api/v1/platform")).Content.ReadAsStringAsync();

        Assert.Contains("Ville B", b, StringComparison.Ordinal);
        Assert.DoesNotContain("Ville B", a, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_address_is_two_accounts_in_two_cities_and_a_token_stays_in_its_city()
    {
        var email = $"same-{Guid.NewGuid():N}@example.org";
        var body = new
        {
            email,
            password = ApiFactory.Password,
            firstName = "Anne",
            lastName = "Dupont",
            acceptedTermsVersion = "1",
        };

        var inA = await On("a.test").PostJsonAsync("/api/v1/auth/register", body);
        var inB = await On("b.test").PostJsonAsync("/api/v1/auth/register", body);

        Assert.True(inA.IsSuccessStatusCode, await inA.Content.ReadAsStringAsync());
        Assert.True(inB.IsSuccessStatusCode, await inB.Content.ReadAsStringAsync());
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        var cities = (
            await connection.QueryAsync<Guid>("SELECT city_id FROM users WHERE email = @email ORDER BY city_id", new { email })
        ).AsList();
        Assert.Equal([CityScope.DefaultCity, CitiesApiFactory.CityB], cities);

        var login = await On("a.test").PostJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.Password });
        var token = (await login.ReadJsonAsync())["accessToken"]!.GetValue<string>();
        var meInA = On("a.test");
        meInA.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var meInB = On("b.test");
        meInB.DefaultRequestHeaders.Authorization = new("Bearer", token);

        Assert.Equal(HttpStatusCode.OK, (await meInA.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await meInB.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Login_attempts_on_an_address_are_counted_per_city()
    {
        var store = (Participation.Api.Infrastructure.Security.RateLimitStore)
            api.Services.GetService(typeof(Participation.Api.Infrastructure.Security.RateLimitStore))!;
        var throttle = new Participation.Api.Infrastructure.Security.LoginThrottle(
            store,
            Microsoft.Extensions.Options.Options.Create(
                new Participation.Api.Infrastructure.Security.RateLimitOptions { AuthPermits = 2, AuthWindowSeconds = 600 }
            )
        );
        var email = $"throttled-{Guid.NewGuid():N}@example.org";

        using (CityScope.Enter(CityScope.DefaultCity))
        {
            await throttle.CheckAsync(email, CancellationToken.None);
            await throttle.CheckAsync(email, CancellationToken.None);
            await Assert.ThrowsAsync<Participation.Api.Infrastructure.Errors.TooManyRequestsException>(() =>
                throttle.CheckAsync(email, CancellationToken.None)
            );
        }
        using (CityScope.Enter(CitiesApiFactory.CityB))
            await throttle.CheckAsync(email, CancellationToken.None); // the same address in city B is another account
    }
}
