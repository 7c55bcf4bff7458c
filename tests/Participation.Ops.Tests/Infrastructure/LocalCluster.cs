using System.Diagnostics;
using Dapper;
using Npgsql;

namespace Participation.Ops.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of a test's own, through <c>.ci/pg.sh</c> (always a local cluster, even when the tests' server is
/// configured elsewhere): for faults that must not touch the server the other tests share (a restart, a crash).
/// </summary>
public sealed class LocalCluster(string name)
{
    public string Name { get; } = name;

    /// <summary>Starts (creating when needed) the cluster; returns its server connection string.</summary>
    public async Task<string> StartAsync(bool fresh = false) =>
        (await ScriptAsync(fresh ? ["start", Name, "--fresh"] : ["start", Name])).Trim();

    /// <summary>Stops the cluster (fast shutdown: sessions are ended, as in a restart for maintenance).</summary>
    public Task StopAsync() => ScriptAsync(["stop", Name]);

    /// <summary>Creates database <paramref name="database"/> afresh on <paramref name="server"/>; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string server, string database)
    {
        // Unpooled: another test's cluster, now stopped, may have had this very address (its port reused), and a pooled
        // connection would be one that server's shutdown ended (57P01).
        await using (
            var connection = new NpgsqlConnection(
                new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString
            )
        )
        {
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            await connection.ExecuteAsync($"CREATE DATABASE \"{database}\"");
        }
        return OpsDatabase.InDefaultCity(new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
    }

    private static async Task<string> ScriptAsync(string[] args)
    {
        var info = new ProcessStartInfo(Repo.Ci("pg.sh"))
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        // A local cluster, whatever server the other tests were given.
        info.Environment.Remove("DATABASE_URL");
        info.Environment.Remove("ConnectionStrings__Participation");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"pg.sh {string.Join(' ', args)} exited with {process.ExitCode}: {await error}");
        return await output;
    }
}
