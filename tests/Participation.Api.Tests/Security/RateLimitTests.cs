using System.Net;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Security;

/// <summary>The API with the production limits (10 per 20 s); a test header stands for the client IP.</summary>
public sealed class RateLimitedApiFactory : ClientIpApiFactory
{
    public RateLimitedApiFactory()
    {
        Set("RateLimits:AuthPermits", "10");
        Set("RateLimits:EmbedPermits", "5");
    }
}

public sealed class RateLimitTests(RateLimitedApiFactory api) : IClassFixture<RateLimitedApiFactory>
{
    private static HttpRequestMessage Login(string email, string ip) =>
        new(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = Http.Json($$"""{"email":"{{email}}","password":"wrong password!"}"""),
            Headers = { { ClientIpApiFactory.Header, ip } },
        };

    [Fact]
    public async Task The_eleventh_login_from_one_IP_within_20_seconds_gets_429_with_retry_after()
    {
        var client = api.CreateClient();
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Login($"user{i}@example.org", "10.1.0.1"))).StatusCode);

        var limited = await client.SendAsync(Login("user-x@example.org", "10.1.0.1"));
        var otherIp = await client.SendAsync(Login("user-y@example.org", "10.1.0.2"));

        var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 20);
        Assert.Equal(retryAfter, problem["retryAfter"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Unauthorized, otherIp.StatusCode);
    }

    [Fact]
    public async Task Widget_embeds_are_limited_per_IP()
    {
        var client = api.CreateClient();
        HttpRequestMessage Embed(string ip) => new(HttpMethod.Get, "/embed/embed.js") { Headers = { { ClientIpApiFactory.Header, ip } } };
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Embed("10.6.0.1"))).StatusCode);

        await (await client.SendAsync(Embed("10.6.0.1"))).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Embed("10.6.0.2"))).StatusCode);
    }

    [Fact]
    public async Task The_eleventh_login_for_one_email_from_many_IPs_gets_429()
    {
        var client = api.CreateClient();
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Login("target@example.org", $"10.2.0.{i + 1}"))).StatusCode);

        var limited = await client.SendAsync(Login("TARGET@example.org", "10.2.0.99"));

        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task One_click_unsubscribes_from_a_mail_providers_IP_are_not_held_to_the_sign_up_limit()
    {
        var client = api.CreateClient();
        for (var i = 0; i < 25; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/notifications/unsubscribe?token=forged-{i}")
            {
                Headers = { { ClientIpApiFactory.Header, "10.5.0.1" } },
            };
            await (await client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.Gone, $"unsubscribe {i + 1}");
        }
    }

    [Fact]
    public async Task Sign_up_is_limited_per_IP()
    {
        var client = api.CreateClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 11; i++)
        {
            last = await client.SendAsync(
                new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register")
                {
                    Content = Http.Json("""{"email":"bad"}"""),
                    Headers = { { ClientIpApiFactory.Header, "10.3.0.1" } },
                }
            );
        }
        await last!.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }
}
