using System.Collections.Concurrent;
using System.Net;
using Participation.Ops.Tests.Infrastructure;

namespace Participation.Ops.Tests.Cluster;

/// <summary>
/// A webhook receiver on loopback (HttpListener): records every request (its headers, its body, the status it answered)
/// and answers 200, except the first request carrying the webhook-id chosen by <see cref="FailFirst"/>, answered 500.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string? WebhookId, string? Timestamp, string? Signature, string Body, int Answered);

    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentDictionary<Task, bool> _handling = new();
    private int _failuresLeft;
    private string? _failed;

    public WebhookReceiver()
    {
        Port = ApiProcess.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The webhook-id of the request answered 500, once it came.</summary>
    public string? Failed => Volatile.Read(ref _failed);

    /// <summary>The next request that comes is answered 500 (one request only).</summary>
    public void FailFirst() => Interlocked.Exchange(ref _failuresLeft, 1);

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            // Each request on its own task: the dispatcher sends several at once.
            var handling = Task.Run(() => HandleAsync(context));
            _handling[handling] = true;
            _ = handling.ContinueWith(t => _handling.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        var id = context.Request.Headers["webhook-id"];
        var fail = Interlocked.CompareExchange(ref _failuresLeft, 0, 1) == 1;
        if (fail)
            Volatile.Write(ref _failed, id);
        var status = fail ? 500 : 200;
        Requests.Enqueue(
            new Received(id, context.Request.Headers["webhook-timestamp"], context.Request.Headers["webhook-signature"], body, status)
        );
        context.Response.StatusCode = status;
        context.Response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
        try
        {
            await Task.WhenAll(_handling.Keys);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException) { } // answering after the stop
    }
}
