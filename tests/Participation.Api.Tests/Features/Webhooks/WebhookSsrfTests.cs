using System.Net;
using Microsoft.Extensions.Options;
using Participation.Api.Features.Webhooks;
using Participation.Api.Infrastructure.Security;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Webhooks;

/// <summary>
/// SSRF: webhook targets must be public addresses, checked when a URL is saved and again at connect time. Refusals are
/// proven with the fake resolver and the connect hook's spy: no connection is ever attempted to a refused address (the
/// spy would fail the test), and nothing leaves loopback.
/// </summary>
[Collection(ApiCollection.B)]
public sealed class WebhookSsrfTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private TestReceiver _receiver = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Api.Connections.Clear();
        _receiver = await TestReceiver.StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await DisposeAsync();
    }

    private static OutboundAddressPolicy Policy(params string[] allowed) =>
        new(Options.Create(new OutboundOptions { AllowedNetworks = allowed }));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.0.0.5")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("198.18.0.1")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.5")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::a00:5")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:a00:5::1")]
    public void Internal_addresses_are_refused(string address) => Assert.False(Policy().IsAllowed(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_allowed(string address) => Assert.True(Policy().IsAllowed(IPAddress.Parse(address)));

    [Fact]
    public void An_allowed_network_opens_that_network_only()
    {
        var policy = Policy("127.0.0.0/8");
        Assert.True(policy.IsAllowed(IPAddress.Loopback));
        Assert.True(policy.IsAllowed(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("10.0.0.5")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("169.254.169.254")));
    }

    [Theory]
    [InlineData("http://loopback.example/hook")] // a name resolving to 127.0.0.1 when loopback is not allowed
    [InlineData("http://evil.example/hook")] // a name resolving to 10.0.0.5
    [InlineData("http://metadata.example/latest/meta-data/")] // a name resolving to 169.254.169.254
    [InlineData("http://10.0.0.5/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[::ffff:10.0.0.5]/hook")]
    public async Task The_connect_hook_refuses_internal_targets_without_connecting(string url)
    {
        var spy = new ConnectionSpy();
        var outbound = new OutboundHttp(Api.Resolver, spy, Policy(), Options.Create(new OutboundOptions()));
        using var http = new HttpClient(outbound.CreateHandler());

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(url, new StringContent("{}")));

        Assert.Contains("not public", error.InnerException?.Message ?? error.Message);
        Assert.Empty(spy.Attempts);
    }

    [Theory]
    [InlineData("http://hooks.example.org/x", "https")]
    [InlineData("https://evil.example/x", "private")]
    [InlineData("https://metadata.example/x", "private")]
    [InlineData("https://mixed.example/x", "private")] // one public address and one private: refused
    [InlineData("https://10.0.0.5/x", "private")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "private")]
    [InlineData("https://loopback.example/x", "private")]
    [InlineData("https://nowhere.invalid/x", "unresolved")]
    public async Task Saving_a_URL_refuses_http_and_internal_or_unknown_hosts(string url, string reason)
    {
        var outbound = new OutboundHttp(Api.Resolver, new ConnectionSpy(), Policy(), Options.Create(new OutboundOptions()));

        var error = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            WebhookRules.CheckUrlAsync(url, outbound, new OutboundOptions(), CancellationToken.None)
        );

        var failure = Assert.Single(error.Errors);
        Assert.Equal("url", failure.PropertyName);
        Assert.Equal(
            Participation.Api.Infrastructure.Validation.Messages.Get(reason == "https" ? "webhook_url_https" : $"webhook_url_{reason}"),
            failure.ErrorMessage
        );
        Assert.Equal(
            "https://hooks.example.org/x",
            await WebhookRules.CheckUrlAsync("https://hooks.example.org/x", outbound, new OutboundOptions(), CancellationToken.None)
        );
    }

    [Theory]
    [InlineData("https://evil.example/hook")]
    [InlineData("https://metadata.example/latest/meta-data/")]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://0.0.0.0:8080/")]
    public async Task The_API_refuses_to_subscribe_an_internal_address_and_writes_nothing(string url)
    {
        var (_, http) = await Api.SubscriberAsync();

        await (await http.PostJsonAsync("/api/v1/webhooks", WebhookTestKit.Subscription(url))).AssertFieldErrorsAsync("url");

        Assert.Equal(0, await Api.CountAsync("webhook_subscriptions"));
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("169.254.169.254")]
    public async Task A_host_re_pointed_at_an_internal_address_after_it_was_saved_is_refused_at_connect_time(string internalAddress)
    {
        // Saved while it resolved to the (allowed) loopback receiver, then its DNS answer changed (rebinding).
        var host = $"rebind-{Guid.NewGuid():N}.example";
        Api.Resolver.Set(host, IPAddress.Loopback);
        var (_, http) = await Api.SubscriberAsync();
        var port = new Uri(_receiver.BaseUrl).Port;
        var (webhook, _) = await http.SubscribeAsync(WebhookTestKit.Subscription($"http://{host}:{port}/hook", "idea.submitted"));
        Api.Resolver.Set(host, IPAddress.Parse(internalAddress));

        await http.PostAsync($"/api/v1/webhooks/{webhook}/test", null);
        Assert.Equal(1, await Api.DispatchAsync());

        var attempt = (await (await http.GetAsync($"/api/v1/webhooks/{webhook}/deliveries")).ReadJsonAsync())["items"]![0]!["attempts"]![
            0
        ]!;
        Assert.Null(attempt["statusCode"]);
        Assert.Contains("not public", attempt["error"]!.GetValue<string>());
        Assert.Empty(_receiver.Requests);
        Assert.Empty(Api.Connections.Attempts);
    }

    [Fact]
    public async Task A_redirect_to_an_internal_address_is_not_followed()
    {
        var (_, http) = await Api.SubscriberAsync();
        var (webhook, _) = await http.SubscribeAsync(WebhookTestKit.Subscription(_receiver.BaseUrl + "/redirect", "idea.submitted"));

        await http.PostAsync($"/api/v1/webhooks/{webhook}/test", null);
        Assert.Equal(1, await Api.DispatchAsync());

        var delivery = (await (await http.GetAsync($"/api/v1/webhooks/{webhook}/deliveries")).ReadJsonAsync())["items"]![0]!;
        Assert.Equal("pending", delivery["status"]!.GetValue<string>()); // a failed attempt, retried later
        var attempt = delivery["attempts"]![0]!;
        Assert.Equal(302, attempt["statusCode"]!.GetValue<int>());
        Assert.Contains("http://10.0.0.5/", attempt["error"]!.GetValue<string>());
        Assert.Single(_receiver.Requests);
        // One connection, to the loopback receiver; none to 10.0.0.5.
        var connection = Assert.Single(Api.Connections.Attempts);
        Assert.True(IPAddress.IsLoopback(connection.Address));
    }
}
