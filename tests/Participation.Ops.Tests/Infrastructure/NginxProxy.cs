using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Participation.Ops.Tests.Infrastructure;

/// <summary>
/// nginx in front of API instances, configured and started by <c>.ci/cluster.sh</c> (as <c>make run-cluster</c> does) on
/// a free loopback port, serving a stand-in web app. It connects to the instances from <see cref="Source"/>: give them
/// <c>Http__KnownProxies__0</c> = <see cref="Source"/>. Disposing stops it.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    /// <summary>The address nginx connects to the instances from (the script's default PROXY_SOURCE).</summary>
    public const string Source = "127.0.0.2";

    /// <summary>What the stand-in web app's index.html holds (the SPA fallback answers it).</summary>
    public const string IndexMarker = "participation-ops-tests-web-app";

    private readonly string _dir;

    private NginxProxy(string dir, Uri baseAddress)
    {
        _dir = dir;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>nginx's access log: one line per request, naming the instance that answered (upstream=...).</summary>
    public string AccessLog => Path.Combine(_dir, "access.log");

    public static async Task<NginxProxy> StartAsync(string name, IEnumerable<Uri> instances)
    {
        var dir = Path.Combine(Repo.Root, ".local", "ops-tests", $"{name}-proxy");
        var web = Path.Combine(dir, "www");
        Directory.CreateDirectory(web);
        await File.WriteAllTextAsync(Path.Combine(web, "index.html"), $"<!doctype html><title>{IndexMarker}</title>");
        var port = ApiProcess.FreePort();
        await RunAsync([
            "nginx-config",
            dir,
            port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            web,
            .. instances.Select(i => i.Authority),
        ]);
        await RunAsync(["start-proxy", dir]);
        return new NginxProxy(dir, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>A client connecting from <paramref name="source"/> (a loopback address of 127.0.0.0/8).</summary>
    public static HttpClient ClientFrom(string source, Uri baseAddress) =>
        new(
            new SocketsHttpHandler
            {
                ConnectCallback = async (context, ct) =>
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    try
                    {
                        socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                        await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port), ct);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            }
        )
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    public async ValueTask DisposeAsync() => await RunAsync(["stop-proxy", _dir]);

    /// <summary>Runs <c>.ci/cluster.sh</c> (installing nginx may take minutes on a fresh machine: bounded at ten).</summary>
    private static async Task RunAsync(string[] args)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Repo.Ci("cluster.sh"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"cluster.sh {string.Join(' ', args)} failed ({process.ExitCode}):\n{await output}\n{await errors}"
            );
    }
}
