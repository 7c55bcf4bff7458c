using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Tests.Infrastructure;

/// <summary>
/// Host names for tests, never asking a DNS server: a name not listed is "not found". The hostile ones resolve to
/// addresses a webhook must never reach.
/// </summary>
public sealed class FakeResolver : IHostResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> _names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["receiver.test"] = [IPAddress.Loopback],
        ["loopback.example"] = [IPAddress.Loopback],
        ["evil.example"] = [IPAddress.Parse("10.0.0.5")],
        ["metadata.example"] = [IPAddress.Parse("169.254.169.254")],
        ["mixed.example"] = [IPAddress.Parse("93.184.215.14"), IPAddress.Parse("192.168.1.10")],
        // A public address: subscriptions to it can be saved; tests never dispatch to it (the spy would refuse).
        ["hooks.example.org"] = [IPAddress.Parse("93.184.215.14")],
    };

    public ConcurrentQueue<string> Lookups { get; } = new();

    public void Set(string host, params IPAddress[] addresses) => _names[host] = addresses;

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        Lookups.Enqueue(host);
        return _names.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }
}

/// <summary>
/// The connect hook's spy: records every endpoint the outbound handler connects to, and connects only to loopback
/// (anything else fails the test loudly instead of leaving the machine).
/// </summary>
public sealed class ConnectionSpy : IOutboundConnector
{
    private readonly SocketConnector _real = new();

    public ConcurrentQueue<IPEndPoint> Attempts { get; } = new();

    public Task<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken ct)
    {
        Attempts.Enqueue(endpoint);
        if (!IPAddress.IsLoopback(endpoint.Address))
            throw new Xunit.Sdk.XunitException($"A test tried to connect to {endpoint}, which is not loopback.");
        return _real.ConnectAsync(endpoint, ct);
    }

    public void Clear() => Attempts.Clear();
}
