using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Participation.Api.Infrastructure.Security;

/// <summary>Where the platform may send requests to addresses its users gave (webhooks).</summary>
public sealed class OutboundOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Networks (CIDR) allowed even though they are not public, e.g. "127.0.0.0/8" for a test receiver or a partner's
    /// private network reached on purpose. Empty by default: only public addresses.
    /// </summary>
    public string[] AllowedNetworks { get; set; } = [];

    /// <summary>Lets a webhook URL use http:// (tests, a local receiver); https:// only otherwise.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>How long resolving a host and opening a connection may take.</summary>
    public int ConnectTimeoutSeconds { get; set; } = 5;
}

/// <summary>Resolves host names; replaced in tests by a fake that never asks a DNS server.</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

public sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>Opens a TCP connection to an address already checked; the seam where tests watch every connection attempt.</summary>
public interface IOutboundConnector
{
    Task<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken ct);
}

public sealed class SocketConnector : IOutboundConnector
{
    public async Task<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken ct)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A request refused before any connection: its host is, or resolves only to, an address that is not public.</summary>
public sealed class OutboundRefusedException(string message) : Exception(message);

/// <summary>
/// Which addresses the platform connects to on a user's behalf: public unicast addresses only, unless a network is
/// explicitly allowed (<see cref="OutboundOptions.AllowedNetworks"/>). Refused: "this network" 0.0.0.0/8, private
/// 10/8, 172.16/12, 192.168/16, CGNAT 100.64/10, loopback 127/8 and ::1, link-local 169.254/16 (with the cloud
/// metadata address 169.254.169.254) and fe80::/10, unique-local fc00::/7, site-local fec0::/10, multicast, reserved
/// 240/4, broadcast, IETF, documentation and benchmarking ranges, unspecified addresses, and IPv6 forms that embed
/// an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) judged by that address.
/// </summary>
public sealed class OutboundAddressPolicy
{
    private static readonly IPNetwork[] Refused =
    [
        .. new[]
        {
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.0.2.0/24",
            "192.88.99.0/24",
            "192.168.0.0/16",
            "198.18.0.0/15",
            "198.51.100.0/24",
            "203.0.113.0/24",
            "224.0.0.0/4",
            "240.0.0.0/4",
            "::/128",
            "::1/128",
            "100::/64",
            "2001::/23",
            "2001:db8::/32",
            "fc00::/7",
            "fe80::/10",
            "fec0::/10",
            "ff00::/8",
        }.Select(IPNetwork.Parse),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork Ipv4Compatible = IPNetwork.Parse("::/96");

    private readonly IPNetwork[] _allowed;

    public OutboundAddressPolicy(IOptions<OutboundOptions> options) =>
        _allowed = options.Value.AllowedNetworks.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => IPNetwork.Parse(n.Trim())).ToArray();

    public bool IsAllowed(IPAddress address)
    {
        if (_allowed.Any(n => n.Contains(address)))
            return true;
        if (Embedded(address) is { } v4)
            return _allowed.Any(n => n.Contains(v4)) || !Refused.Any(n => n.Contains(v4));
        return !Refused.Any(n => n.Contains(address));
    }

    /// <summary>The IPv4 address an IPv6 one carries (mapped, compatible, NAT64, 6to4), to judge it by that address.</summary>
    private static IPAddress? Embedded(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return null;
        if (address.IsIPv4MappedToIPv6)
            return address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address) || (Ipv4Compatible.Contains(address) && !address.Equals(IPAddress.IPv6None)))
            return address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback) ? null : new IPAddress(bytes[12..16]);
        if (SixToFour.Contains(address))
            return new IPAddress(bytes[2..6]);
        return null;
    }
}

/// <summary>
/// Requests to addresses users gave (webhook URLs), guarded against server-side request forgery at connect time: the
/// handler resolves the host itself, refuses when no resolved address is allowed by <see cref="OutboundAddressPolicy"/>,
/// and connects only to an allowed one (so a name re-pointed at an internal address after it was checked still cannot
/// reach it). Redirects are never followed, proxies never used (an environment proxy would connect for us, unchecked).
/// </summary>
public sealed class OutboundHttp(
    IHostResolver resolver,
    IOutboundConnector connector,
    OutboundAddressPolicy policy,
    IOptions<OutboundOptions> options
)
{
    /// <summary>The allowed addresses of <paramref name="host"/>; refuses when any is not (checked when a URL is saved).</summary>
    public async Task<IPAddress[]> ResolveStrictAsync(string host, CancellationToken ct)
    {
        var addresses = await ResolveAsync(host, ct);
        var refused = addresses.Where(a => !policy.IsAllowed(a)).ToList();
        if (refused.Count > 0)
            throw new OutboundRefusedException($"{host} resolves to an address that is not public ({string.Join(", ", refused)}).");
        return addresses;
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        var bare = host.Trim('[', ']');
        if (IPAddress.TryParse(bare, out var literal))
            return [literal];
        var addresses = await resolver.ResolveAsync(bare, ct);
        if (addresses.Length == 0)
            throw new OutboundRefusedException($"{host} has no address.");
        return addresses;
    }

    /// <summary>A handler for one client: resolve, check, connect; no redirects, no proxy, no cookies.</summary>
    public SocketsHttpHandler CreateHandler() =>
        new()
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(options.Value.ConnectTimeoutSeconds),
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            MaxResponseHeadersLength = 16,
            ConnectCallback = ConnectAsync,
        };

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, ct);
        var allowed = addresses.Where(policy.IsAllowed).ToList();
        if (allowed.Count == 0)
            throw new OutboundRefusedException(
                $"Refused: {host} resolves only to addresses that are not public ({string.Join(", ", addresses.Distinct())})."
            );
        Exception? last = null;
        foreach (var address in allowed)
        {
            try
            {
                return await connector.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
            }
            catch (Exception ex) when (ex is SocketException or IOException)
            {
                last = ex;
            }
        }
        throw last!;
    }
}

public static class OutboundHttpSetup
{
    public static IServiceCollection AddOutboundHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutboundOptions>(configuration.GetSection(OutboundOptions.Section));
        services.AddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton<IOutboundConnector, SocketConnector>();
        services.AddSingleton<OutboundAddressPolicy>();
        services.AddSingleton<OutboundHttp>();
        return services;
    }
}
