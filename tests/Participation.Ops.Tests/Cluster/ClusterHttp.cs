using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace Participation.Ops.Tests.Cluster;

/// <summary>Requests and checks the cluster tests share.</summary>
internal static class ClusterHttp
{
    public const string Password = "Cluster-password-2026!";

    public static HttpRequestMessage Login(string email, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { email, password = "wrong password!" }),
        };
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    /// <summary>Signs a person up (the confirmation e-mail is queued) and returns their address.</summary>
    public static async Task<string> RegisterAsync(HttpClient client, string prefix)
    {
        var email = $"{prefix}-{Guid.NewGuid():N}@example.org";
        using var response = await client.PostAsJsonAsync(
            "/api/v1/auth/register",
            new
            {
                email,
                password = Password,
                firstName = "Camille",
                lastName = "Cluster",
                locale = "fr",
            }
        );
        Assert.True(response.IsSuccessStatusCode, $"register: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return email;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The rate-limit counters' keys of a policy (e.g. "login"), read from the shared table.</summary>
    public static async Task<Dictionary<string, int>> CountersAsync(string database, string policy)
    {
        await using var connection = new NpgsqlConnection(database);
        return (
            await connection.QueryAsync<(string Key, int Hits)>(
                "SELECT key, hits FROM rate_limit_counters WHERE key LIKE @prefix",
                new { prefix = policy + ":%" }
            )
        ).ToDictionary(r => r.Key, r => r.Hits);
    }
}
