using System.Diagnostics;
using Dapper;
using Npgsql;

namespace Participation.Ops.Tests.Infrastructure;

/// <summary>
/// A streaming-replication standby of a local cluster, made and started by <c>.ci/pg.sh standby</c>.
/// <see cref="DisposeAsync"/> stops it.
/// </summary>
public sealed class Standby : IAsyncDisposable
{
    private Standby(string cluster, string server, string primary)
    {
        Cluster = cluster;
        Server = server;
        Primary = primary;
    }

    /// <summary>The primary's connection string (Npgsql form), without a database.</summary>
    public string Primary { get; }

    /// <summary>The primary's cluster name (the standby is cluster <c>{Cluster}-standby</c>).</summary>
    public string Cluster { get; }

    /// <summary>The standby's connection string (Npgsql form), without a database.</summary>
    public string Server { get; }

    /// <summary><c>host:port</c>, as <c>Database__ReplicaHosts</c> takes it.</summary>
    public string Endpoint
    {
        get
        {
            var csb = new NpgsqlConnectionStringBuilder(Server);
            return $"{csb.Host}:{csb.Port}";
        }
    }

    /// <summary>
    /// Starts (making it when needed) the standby of local cluster <paramref name="cluster"/> (a <see cref="LocalCluster"/>
    /// of the test's own, so that it replays that test's writes only, not the whole test run's), and checks it is a
    /// standby of <paramref name="primary"/>, that cluster's server.
    /// </summary>
    public static async Task<Standby> StartAsync(string cluster, string primary)
    {
        var server = (await RunAsync("pg.sh", "standby", cluster)).Trim().Split('\n')[^1];
        var standby = new Standby(cluster, server, primary);
        if (await SystemIdAsync(primary) != await SystemIdAsync(server))
        {
            await standby.DisposeAsync();
            throw new InvalidOperationException($"{cluster}-standby is not a standby of {primary}");
        }
        return standby;
    }

    /// <summary>The standby's connection string for <paramref name="database"/>.</summary>
    public string For(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database, Pooling = false }.ConnectionString;

    public async Task PauseReplayAsync() => await ExecuteAsync("SELECT pg_wal_replay_pause()");

    public async Task ResumeReplayAsync() => await ExecuteAsync("SELECT pg_wal_replay_resume()");

    /// <summary>Stops the standby at once (<c>pg_ctl stop -m immediate</c>: connections cut, as a crash would).</summary>
    public Task StopImmediatelyAsync() => RunAsync("pg.sh", "stop", $"{Cluster}-standby", "--immediate");

    /// <summary>Waits until the standby has replayed everything the primary has written now (bounded).</summary>
    public async Task WaitCaughtUpAsync(int tries = 600)
    {
        long head;
        await using (
            var primary = new NpgsqlConnection(
                new NpgsqlConnectionStringBuilder(Primary) { Database = "postgres", Pooling = false }.ConnectionString
            )
        )
            head = await primary.ExecuteScalarAsync<long>("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint");
        for (var i = 0; i < tries; i++)
        {
            await using var connection = new NpgsqlConnection(For("postgres"));
            if (await connection.ExecuteScalarAsync<long>("SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::bigint") >= head)
                return;
            await Task.Delay(100);
        }
        throw new TimeoutException("the standby did not catch up with the primary");
    }

    public async ValueTask DisposeAsync() => await RunAsync("pg.sh", "stop", $"{Cluster}-standby");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(For("postgres"));
        await connection.ExecuteAsync(sql);
    }

    private static async Task<long> SystemIdAsync(string server)
    {
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString
        );
        return await connection.ExecuteScalarAsync<long>("SELECT system_identifier FROM pg_control_system()");
    }

    /// <summary>Runs a .ci script without the external-server settings (the standby is of a local cluster); its output.</summary>
    private static async Task<string> RunAsync(string script, params string[] args)
    {
        var info = new ProcessStartInfo(Repo.Ci(script))
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        info.Environment.Remove("ConnectionStrings__Participation");
        info.Environment.Remove("DATABASE_URL");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }
}
