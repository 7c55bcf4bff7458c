using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Operator;

/// <summary>
/// A deployment of its own (its own database; tests do not reset it, so each test names its own cities): the default city
/// on a.test with its admin, one operator and one support person of the vendor.
/// </summary>
public sealed class OperatorApiFactory : ApiFactory
{
    public const string OperatorEmail = "operator@vendor.test";
    public const string SupportEmail = "support@vendor.test";
    public const string Host = "a.test";

    public TestUser CityAdmin { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.ExecuteAsync(
            """
            INSERT INTO city_domains (host, city_id) VALUES ('a.test', @City);
            INSERT INTO operators (id, email, display_name, password_hash, role) VALUES
                (gen_random_uuid(), @OperatorEmail, 'Olivia Operator', @Hash, 'operator'),
                (gen_random_uuid(), @SupportEmail, 'Sam Support', @Hash, 'support');
            """,
            new
            {
                City = CityScope.DefaultCity,
                OperatorEmail,
                SupportEmail,
                Hash = TestPasswords.Hash,
            }
        );
        CityAdmin = await CreateUserAsync(role: "admin");
    }

    /// <summary>A client on <paramref name="host"/>.</summary>
    public HttpClient On(string host = Host)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Host = host;
        return client;
    }

    /// <summary>A client signed in to the console (operator or support), through the sign-in endpoint.</summary>
    public async Task<HttpClient> ConsoleAsync(string email, string host = Host)
    {
        var login = await On(host).PostJsonAsync("/api/v1/operator/auth/login", new { email, password = Password });
        Assert.True(login.StatusCode == HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        var client = On(host);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer",
            (await login.ReadJsonAsync())["accessToken"]!.GetValue<string>()
        );
        return client;
    }

    /// <summary>The default city's admin, signed in on a.test.</summary>
    public async Task<HttpClient> CityAdminAsync()
    {
        var login = await On().PostJsonAsync("/api/v1/auth/login", new { email = CityAdmin.Email, password = Password });
        Assert.True(login.StatusCode == HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        var client = On();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer",
            (await login.ReadJsonAsync())["accessToken"]!.GetValue<string>()
        );
        return client;
    }

    public static object NewCity(string slug, string? adminEmail = null, params string[] domains) =>
        new
        {
            name = $"Ville {slug}",
            slug,
            domains = domains.Length > 0 ? domains : new[] { $"{slug}.test", $"www.{slug}.test" },
            languages = new[] { "fr", "nl" },
            defaultLanguage = "nl",
            adminEmail = adminEmail ?? $"admin@{slug}.test",
        };

    /// <summary>Creates a city through the console; its summary.</summary>
    public static async Task<JsonNode> CreateCityAsync(HttpClient console, string slug, string? adminEmail = null)
    {
        var response = await console.PostJsonAsync("/api/v1/operator/cities", NewCity(slug, adminEmail));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}
