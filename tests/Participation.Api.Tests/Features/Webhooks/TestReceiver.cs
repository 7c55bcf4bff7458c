using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Participation.Api.Tests.Features.Webhooks;

/// <summary>
/// A webhook receiver for tests: Kestrel on 127.0.0.1 (a free port), bodies up to 1 MB. It records every request and
/// answers 200, unless told to fail the next N requests (500). /redirect answers 302 to http://10.0.0.5/, /gone 410.
/// </summary>
public sealed class TestReceiver : IAsyncDisposable
{
    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    private readonly WebApplication _app;
    private int _failuresLeft;

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The base URL, e.g. http://127.0.0.1:45678</summary>
    public string BaseUrl { get; private set; } = "";

    private TestReceiver(WebApplication app) => _app = app;

    /// <summary>The next <paramref name="count"/> requests to /hook answer 500.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public static async Task<TestReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new TestReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseUrl = app
            .Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!
            .Addresses.Single()
            .TrimEnd('/');
        return receiver;
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue(
            new Received(http.Request.Path, http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body)
        );
        switch (http.Request.Path.Value)
        {
            case "/redirect":
                http.Response.StatusCode = 302;
                http.Response.Headers.Location = "http://10.0.0.5/";
                return;
            case "/gone":
                http.Response.StatusCode = 410;
                return;
        }
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            http.Response.StatusCode = 500;
            await http.Response.WriteAsync("receiver down\0 for maintenance");
            return;
        }
        Interlocked.Exchange(ref _failuresLeft, 0);
        await http.Response.WriteAsync("ok");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
