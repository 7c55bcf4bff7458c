using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.ApiClients;

/// <summary>OAuth 2.0 client credentials at the token endpoint, and what a client's token opens.</summary>
public sealed class ApiClientTokenTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task A_client_gets_a_short_lived_token_with_its_scopes_and_reads_public_data_with_it()
    {
        var client = await Api.CreateApiClientAsync("projects:read", "ideas:read");

        var response = await Api.RequestTokenAsync(client.Id.ToString(), client.Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.InRange(body["expires_in"]!.GetValue<int>(), 60, 3600);
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["access_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/projects")).StatusCode);
        Assert.NotNull(await Api.ScalarAsync<DateTime?>("SELECT last_used_at FROM api_clients WHERE id = @Id", new { client.Id }));
    }

    [Fact]
    public async Task A_token_is_accepted_whatever_host_the_instance_is_reached_by()
    {
        // Two instances reached directly (or a proxy forwarding another Host): the token's issuer is the API's configured
        // public address, not the Host of the request that obtained it, so every instance accepts it.
        var client = await Api.CreateApiClientAsync("webhooks:manage", "ideas:read");
        var http = await Api.ClientForApiClientAsync(client);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/webhooks");
        request.Headers.Host = "127.0.0.2:5002";
        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_secret_and_an_unknown_client_get_the_same_invalid_client_answer()
    {
        var client = await Api.CreateApiClientAsync("projects:read");

        var wrong = await Api.RequestTokenAsync(client.Id.ToString(), client.Secret + "x");
        var unknown = await Api.RequestTokenAsync(Guid.NewGuid().ToString(), client.Secret + "x");

        foreach (var response in new[] { wrong, unknown })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("invalid_client", error["error"]!.GetValue<string>());
        }
        Assert.Equal(await wrong.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_client_without_the_scope_is_refused_with_403()
    {
        var client = await Api.CreateApiClientAsync("ideas:read");
        var http = await Api.ClientForApiClientAsync(client);

        var response = await http.GetAsync("/api/v1/projects");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("insufficient_scope", problem["reason"]!.GetValue<string>());
        Assert.Contains("insufficient_scope", response.Headers.WwwAuthenticate.ToString());
    }
}
