using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Auth;

public sealed class SessionTests(ApiFactory api) : ApiTest(api)
{
    private async Task<JsonNode> LoginAsync(string email, string password = ApiFactory.Password)
    {
        var response = await Api.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private async Task<HttpResponseMessage> MeAsync(string accessToken)
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await client.GetAsync("/api/v1/me");
    }

    [Fact]
    public async Task Logging_in_returns_a_short_lived_access_token_that_opens_me()
    {
        var user = await Api.CreateUserAsync(email: "alice@example.org");

        var tokens = await LoginAsync(" Alice@Example.org ");

        Assert.Equal("Bearer", tokens["tokenType"]!.GetValue<string>());
        var expires = tokens["accessTokenExpiresAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
        var me = await MeAsync(tokens["accessToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(user.Id, (await me.ReadJsonAsync())["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_401()
    {
        await Api.CreateUserAsync(email: "alice@example.org");
        var client = Api.CreateClient();

        var wrong = await client.PostJsonAsync("/api/v1/auth/login", new { email = "alice@example.org", password = "not the password!" });
        var unknown = await client.PostJsonAsync(
            "/api/v1/auth/login",
            new { email = "nobody@example.org", password = "not the password!" }
        );

        var a = await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var b = await unknown.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(a["title"]!.GetValue<string>(), b["title"]!.GetValue<string>());
        Assert.Equal(0, await Api.CountAsync("refresh_tokens"));
    }

    [Fact]
    public async Task Login_without_fields_is_a_validation_error()
    {
        var response = await Api.CreateClient().PostAsync("/api/v1/auth/login", Http.Json("{}"));
        await response.AssertFieldErrorsAsync("email", "password");
    }

    [Fact]
    public async Task A_refresh_token_rotates_and_works_once()
    {
        await Api.CreateUserAsync(email: "alice@example.org");
        var first = await LoginAsync("alice@example.org");
        var client = Api.CreateClient();

        var rotated = await client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = first["refreshToken"]!.GetValue<string>() });

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var second = await rotated.ReadJsonAsync();
        Assert.NotEqual(first["refreshToken"]!.GetValue<string>(), second["refreshToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(second["accessToken"]!.GetValue<string>())).StatusCode);
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(DISTINCT family_id) FROM refresh_tokens"));
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_whole_family()
    {
        await Api.CreateUserAsync(email: "alice@example.org");
        var first = await LoginAsync("alice@example.org");
        var other = await LoginAsync("alice@example.org"); // another device: another family
        var client = Api.CreateClient();
        var stolen = first["refreshToken"]!.GetValue<string>();
        var legit = await (await client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = stolen })).ReadJsonAsync();

        var replay = await client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = stolen });
        var afterReplay = await client.PostJsonAsync(
            "/api/v1/auth/refresh",
            new { refreshToken = legit["refreshToken"]!.GetValue<string>() }
        );
        var otherDevice = await client.PostJsonAsync(
            "/api/v1/auth/refresh",
            new { refreshToken = other["refreshToken"]!.GetValue<string>() }
        );

        await replay.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await afterReplay.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, otherDevice.StatusCode);
    }

    [Fact]
    public async Task Parallel_refreshes_with_one_token_issue_at_most_one_pair()
    {
        await Api.CreateUserAsync(email: "alice@example.org");
        var refreshToken = (await LoginAsync("alice@example.org"))["refreshToken"]!.GetValue<string>();

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 20).Select(_ => Api.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refreshToken }))
        );

        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.OK) <= 1);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Unauthorized }));
        Assert.True(await Api.ScalarAsync<long>("SELECT count(*) FROM refresh_tokens") <= 2);
    }

    [Fact]
    public async Task An_expired_or_unknown_refresh_token_is_refused()
    {
        await Api.CreateUserAsync(email: "alice@example.org");
        var tokens = await LoginAsync("alice@example.org");
        await Api.ScalarAsync<int>("UPDATE refresh_tokens SET expires_at = now() - interval '1 second' RETURNING 1");

        await (
            await Api.CreateClient()
                .PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens["refreshToken"]!.GetValue<string>() })
        ).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await Api.CreateClient().PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = "made-up" })).AssertProblemAsync(
            HttpStatusCode.Unauthorized
        );
    }

    [Fact]
    public async Task Logging_out_ends_the_session_and_is_idempotent()
    {
        await Api.CreateUserAsync(email: "alice@example.org");
        var refreshToken = (await LoginAsync("alice@example.org"))["refreshToken"]!.GetValue<string>();
        var client = Api.CreateClient();

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync("/api/v1/auth/logout", new { refreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostJsonAsync("/api/v1/auth/logout", new { refreshToken })).StatusCode);
        await (await client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
