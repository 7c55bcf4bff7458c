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
public sealed class CitiesTests(CitiesApiFactory api) : IClassFixture<CitiesApiFactory>
{
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
}
