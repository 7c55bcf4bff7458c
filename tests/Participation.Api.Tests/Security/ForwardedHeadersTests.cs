using System.Net;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Security;

/// <summary>The API behind a trusted reverse proxy (10.9.0.1 and 10.8.0.0/16), with 2 login attempts per IP.</summary>
public sealed class ProxiedApiFactory : ClientIpApiFactory
{
    public ProxiedApiFactory()
    {
        Set("RateLimits:AuthPermits", "2");
        Set("Http:KnownProxies:0", "10.9.0.1");
        Set("Http:KnownNetworks:0", "10.8.0.0/16");
    }
}

/// <summary>The API with no trusted proxy, with 2 login attempts per IP.</summary>
public sealed class UnproxiedApiFactory : ClientIpApiFactory
{
    public UnproxiedApiFactory() => Set("RateLimits:AuthPermits", "2");
}

internal static class ForwardedLogin
{
    public static HttpRequestMessage Login(string email, string remoteIp, string? forwardedFor) =>
        new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = Http.Json($$"""{"email":"{{email}}","password":"wrong password!"}"""),
            Headers = { { ClientIpApiFactory.Header, remoteIp } },
        }.With(forwardedFor);

    private static HttpRequestMessage With(this HttpRequestMessage request, string? forwardedFor)
    {
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    public static async Task ExhaustAsync(HttpClient client, string remoteIp, string? forwardedFor)
    {
        // Until the limit answers (whatever the configured permits), then it must keep answering.
        for (var i = 0; i < 30; i++)
        {
            var response = await client.SendAsync(Login($"u{i}-{Guid.NewGuid():N}@example.org", remoteIp, forwardedFor));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                return;
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        Assert.Fail("the login limit never answered 429");
    }
}

public sealed class ForwardedHeadersTests(ProxiedApiFactory api) : IClassFixture<ProxiedApiFactory>
{
    [Theory]
    [InlineData("10.9.0.1")]
    [InlineData("10.8.3.4")]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit(string proxy)
    {
        var client = api.CreateClient();
        var first = proxy == "10.9.0.1" ? "198.51.100.1" : "198.51.100.11";
        var second = proxy == "10.9.0.1" ? "198.51.100.2" : "198.51.100.12";

        await ForwardedLogin.ExhaustAsync(client, proxy, first);

        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await client.SendAsync(ForwardedLogin.Login("other@example.org", proxy, second))).StatusCode
        );
    }

    [Fact]
    public async Task From_an_untrusted_address_a_spoofed_forwarded_for_cannot_escape_the_limit()
    {
        var client = api.CreateClient();

        await ForwardedLogin.ExhaustAsync(client, "203.0.113.7", "198.51.100.3");

        await (await client.SendAsync(ForwardedLogin.Login("other@example.org", "203.0.113.7", "198.51.100.4"))).AssertProblemAsync(
            HttpStatusCode.TooManyRequests
        );
    }
}

public sealed class NoTrustedProxyTests(UnproxiedApiFactory api) : IClassFixture<UnproxiedApiFactory>
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.9.0.1")]
    public async Task With_no_proxy_configured_forwarded_for_is_ignored_even_from_loopback(string remoteIp)
    {
        var client = api.CreateClient();

        await ForwardedLogin.ExhaustAsync(client, remoteIp, "198.51.100.5");

        await (await client.SendAsync(ForwardedLogin.Login("other@example.org", remoteIp, "198.51.100.6"))).AssertProblemAsync(
            HttpStatusCode.TooManyRequests
        );
    }
}
