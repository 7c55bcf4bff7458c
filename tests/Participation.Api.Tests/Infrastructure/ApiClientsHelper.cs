using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Participation.Api.Tests.Infrastructure;

/// <summary>An API client created through the API, with the secret shown once.</summary>
public sealed record TestApiClient(Guid Id, string Secret);

/// <summary>API clients as actors: created by an admin through the API, authenticated at the real token endpoint.</summary>
public static class ApiClientsHelper
{
    public static async Task<TestApiClient> CreateApiClientAsync(this ApiFactory api, params string[] scopes)
    {
        var admin = await api.CreateUserAsync(role: "admin");
        var response = await api.ClientFor(admin.Id)
            .PostAsJsonAsync("/api/v1/api-clients", new { name = $"Client {Guid.NewGuid():N}", scopes });
        response.EnsureSuccessStatusCode();
        var body = await response.ReadJsonAsync();
        return new TestApiClient(Guid.Parse(body["clientId"]!.GetValue<string>()), body["clientSecret"]!.GetValue<string>());
    }

    /// <summary>The token endpoint's answer for a client credentials request (form-encoded).</summary>
    public static Task<HttpResponseMessage> RequestTokenAsync(
        this ApiFactory api,
        string clientId,
        string secret,
        string? scope = null,
        string grantType = "client_credentials"
    )
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = grantType,
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        };
        if (scope is not null)
            form["scope"] = scope;
        return api.CreateClient().PostAsync("/api/v1/oauth/token", new FormUrlEncodedContent(form));
    }

    public static async Task<string> TokenAsync(this ApiFactory api, TestApiClient client, string? scope = null)
    {
        var response = await api.RequestTokenAsync(client.Id.ToString(), client.Secret, scope);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"token endpoint: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
    }

    /// <summary>An HttpClient calling as the API client (with a fresh access token).</summary>
    public static async Task<HttpClient> ClientForApiClientAsync(this ApiFactory api, TestApiClient client, string? scope = null)
    {
        var http = api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await api.TokenAsync(client, scope));
        return http;
    }
}
