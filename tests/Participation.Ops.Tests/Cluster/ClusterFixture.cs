using Participation.Ops.Tests.Infrastructure;

namespace Participation.Ops.Tests.Cluster;

/// <summary>
/// Two API instances (api-a, api-b) on one database, behind nginx (<c>.ci/cluster.sh</c>), as <c>make run-cluster</c>
/// runs them: forwarded headers trusted from the proxy's address only, 6 sign-in attempts per IP in a 10-minute window,
/// e-mails written to each instance's own pickup folder, background jobs polling every second.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int AuthPermits = 6;

    private readonly List<IAsyncDisposable> _started = [];

    public string Database { get; private set; } = "";
    public ApiProcess A { get; private set; } = null!;
    public ApiProcess B { get; private set; } = null!;
    public NginxProxy Proxy { get; private set; } = null!;

    public static string MailDirectory(string instance) => Path.Combine(Repo.Root, ".local", "ops-tests", $"cluster-{instance}-mail");

    public async Task InitializeAsync()
    {
        Database = await OpsDatabase.CreateAsync("participation_ops_cluster");
        try
        {
            A = await StartAsync("a"); // the first one migrates the empty database
            B = await StartAsync("b");
            Proxy = await NginxProxy.StartAsync("cluster", [A.BaseAddress, B.BaseAddress]);
            _started.Add(Proxy);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task<ApiProcess> StartAsync(string instance)
    {
        var mail = MailDirectory(instance);
        if (Directory.Exists(mail))
            Directory.Delete(mail, recursive: true);
        var api = await ApiProcess.StartAsync(
            Database,
            $"cluster-{instance}",
            new Dictionary<string, string?>
            {
                ["Cluster__InstanceName"] = $"api-{instance}",
                ["Http__KnownProxies__0"] = NginxProxy.Source,
                ["RateLimits__AuthPermits"] = AuthPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RateLimits__AuthWindowSeconds"] = "600",
                ["Email__PickupDirectory"] = mail,
                ["Email__PollSeconds"] = "1",
                ["Jobs__NotificationPollSeconds"] = "1",
            }
        );
        _started.Add(api);
        return api;
    }

    public async Task DisposeAsync()
    {
        // The proxy first, then the instances; each is stopped even when another fails to.
        List<Exception> errors = [];
        foreach (var started in Enumerable.Reverse(_started))
        {
            try
            {
                await started.DisposeAsync();
            }
            catch (Exception ex)
            {
                errors.Add(ex);
            }
        }
        _started.Clear();
        if (errors.Count > 0)
            throw new AggregateException(errors);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}
