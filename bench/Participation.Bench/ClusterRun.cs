using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Participation.Bench;

/// <summary>
/// Issue 18: the real endpoints measured on one API instance, then on two instances behind nginx with a streaming
/// standby serving the stale-tolerant reads, in the same run; the scaling factor is the cluster's throughput over the
/// single instance's. Results in cluster.md and cluster.json.
/// </summary>
public static class ClusterRun
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(Options o)
    {
        var single = new Uri(o.Require("url"));
        var proxy = new Uri(o.Require("proxy"));
        var connectionString = o.Require("db");
        var standby = o.Require("standby");
        var seconds = o.Number("seconds", o.Quick ? 3 : 10);
        var warmup = o.Number("warmup", o.Quick ? 1 : 3);
        var workers = (int)o.Number("connections", 16);
        var started = DateTimeOffset.UtcNow;

        var s = new Scenarios(single, connectionString, o.Require("key"));
        await s.LoadAsync();
        var scenarios = new List<Scenario>
        {
            s.List("list trending, first page", s.VoteProject, "trending", null, ""),
            s.Detail(),
            s.Vote(),
            s.Basket(),
        };
        var noCpu = new Cpu(null, null);
        var one = new Load(single, noCpu);
        var two = new Load(proxy, noCpu);
        var rows = new List<(string Name, RunResult Single, RunResult Cluster, long StandbyTx)>();
        foreach (var sc in scenarios)
        {
            Console.WriteLine($"[cluster] {sc.Name}");
            await one.ClosedAsync(sc.Real, 64, 0, warmup);
            await two.ClosedAsync(sc.Real, 64, 0, warmup);
            var a = await one.ClosedAsync(sc.Real, workers, warmup, seconds);
            Console.WriteLine(
                $"[cluster]   one instance      {a.Rps, 8:0} req/s  p50 {a.P50 / 1000.0:0.0} ms  p99 {a.P99 / 1000.0:0.0} ms"
            );
            var before = await CommitsAsync(standby);
            var b = await two.ClosedAsync(sc.Real, workers * 2, warmup, seconds);
            var onStandby = await CommitsAsync(standby) - before;
            Console.WriteLine(
                $"[cluster]   two + standby     {b.Rps, 8:0} req/s  p50 {b.P50 / 1000.0:0.0} ms  p99 {b.P99 / 1000.0:0.0} ms  "
                    + $"standby transactions {onStandby}"
            );
            rows.Add((sc.Name, a, b, onStandby));
        }

        var md = new StringBuilder();
        md.AppendLine("# Benchmark: one instance against two instances, a proxy and a standby").AppendLine();
        md.AppendLine(
            $"`make bench` on {started:yyyy-MM-dd HH:mm} UTC, commit `{Environment.GetEnvironmentVariable("BENCH_COMMIT") ?? "unknown"}`. "
                + "Real endpoints only, closed loop at the maximum: one API instance reached directly with "
                + $"{workers} connections, then two instances behind nginx (round robin) with {workers * 2}, "
                + "their stale-tolerant reads (the public lists) sent to a streaming standby. "
                + $"{Environment.ProcessorCount} cores shared by everything: the API instances, nginx, the primary, the standby and "
                + "the load client. The scaling factor is the cluster's throughput over the single instance's."
        );
        md.AppendLine();
        md.AppendLine(
            "| scenario | one instance RPS | p50 / p99 | two instances + standby RPS | p50 / p99 | scaling | standby transactions |"
        );
        md.AppendLine("|---|--:|--:|--:|--:|--:|--:|");
        foreach (var (name, a, b, tx) in rows)
            md.AppendLine(
                $"| {name} | {a.Rps:0} | {a.P50 / 1000.0:0.0} / {a.P99 / 1000.0:0.0} | {b.Rps:0} | "
                    + $"{b.P50 / 1000.0:0.0} / {b.P99 / 1000.0:0.0} | {(a.Rps > 0 ? b.Rps / a.Rps : 0):0.00}× | {tx:N0} |"
            );
        var errors = rows.Sum(r => r.Single.Errors + r.Cluster.Errors);
        md.AppendLine().AppendLine(errors == 0 ? "Every request answered 2xx." : $"**{errors} requests failed** (see cluster.json).");
        var outDir = o.Require("out");
        Directory.CreateDirectory(outDir);
        await File.WriteAllTextAsync(Path.Combine(outDir, "cluster.md"), md.ToString());
        await File.WriteAllTextAsync(
            Path.Combine(outDir, "cluster.json"),
            JsonSerializer.Serialize(
                new
                {
                    started,
                    rows = rows.Select(r => new
                    {
                        r.Name,
                        r.Single,
                        r.Cluster,
                        Scaling = r.Single.Rps > 0 ? r.Cluster.Rps / r.Single.Rps : 0,
                        r.StandbyTx,
                    }),
                },
                new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }
            )
        );
        Console.WriteLine(md.ToString());
        return errors == 0 ? 0 : 1;
    }

    /// <summary>Transactions the standby has served so far (its database's commits).</summary>
    private static async Task<long> CommitsAsync(string standby)
    {
        await using var db = new NpgsqlConnection(standby);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", db);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), Inv);
    }
}
