using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Participation.Bench;

public sealed record Side(RunResult Max, RunResult? Half);

public sealed record Row(string Scenario, string Group, string Aim, Side Real, Side Baseline)
{
    /// <summary>
    /// Real over baseline throughput. Measured in turns, the median of the ratios of the segments that ran next to each other
    /// (a stall of the shared machine during one segment moves one pair, not the figure); otherwise the two runs' rates.
    /// </summary>
    public double Ratio
    {
        get
        {
            var (real, baseline) = (Real.Max.SegmentRps, Baseline.Max.SegmentRps);
            if (real.Count > 0 && real.Count == baseline.Count && baseline.All(b => b > 0))
            {
                var pairs = real.Zip(baseline, (r, b) => r / b).Order().ToList();
                return pairs.Count % 2 == 1 ? pairs[pairs.Count / 2] : (pairs[pairs.Count / 2 - 1] + pairs[pairs.Count / 2]) / 2;
            }
            return Baseline.Max.Rps > 0 ? Real.Max.Rps / Baseline.Max.Rps : 0;
        }
    }
}

/// <summary>Runs every scenario (real, then its baseline, in the same run), then writes latest.md and latest.json.</summary>
public static class Bench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const int WarmupConnections = 128;

    /// <summary>Measured segments per side of a scenario's closed loop, and the unrecorded second before each.</summary>
    private const int Segments = 4;

    private const double SettleSeconds = 1;

    public static async Task<int> RunAsync(Options o)
    {
        var api = new Uri(o.Require("url"));
        var connectionString = o.Require("db");
        var seconds = o.Number("seconds", o.Quick ? 3 : 10);
        var warmup = o.Number("warmup", o.Quick ? 1 : 3);
        var workers = (int)o.Number("connections", 16);
        var only = o.Get("only");
        var started = DateTimeOffset.UtcNow;

        var postmaster = await PostmasterPidAsync(connectionString);
        var cpu = new Cpu(o.Get("api-pid") is { } pid ? int.Parse(pid, Inv) : null, postmaster);
        var load = new Load(api, cpu);
        var stats = new StatementStatistics(connectionString);
        await stats.InitAsync();
        var s = new Scenarios(api, connectionString, o.Require("key"));
        await s.LoadAsync();
        var machine = await MachineAsync(connectionString, o, s, workers, seconds, warmup);
        Console.WriteLine(
            $"[bench] {s.Users:N0} users; ideas per project: {string.Join(", ", s.IdeasPerProject.Select(kv => $"{kv.Key} {kv.Value:N0}"))}"
        );

        var deepPages = Math.Min(50, s.IdeasPerProject["vote"] / 40);
        var scenarios = new List<(Scenario S, string Group, bool Half)>();
        foreach (var sort in new[] { "trending", "popular", "newest" })
        {
            const string aim = "≥ 85 % of baseline, p99 ≤ 25 ms at ½ max where the baseline's is";
            scenarios.Add((s.List($"list {sort}, first page", s.VoteProject, sort, null, aim), "hot", true));
            var cursor = await s.DeepCursorAsync(sort, deepPages);
            scenarios.Add((s.List($"list {sort}, page {deepPages + 1}", s.VoteProject, sort, cursor, aim), "hot", true));
        }
        scenarios.Add((s.Detail(), "hot", true));
        scenarios.Add((s.Vote(), "hot", true));
        scenarios.Add((s.Basket(), "hot", true));
        foreach (var key in new[] { "small", "vote", "large", "huge" })
            scenarios.Add(
                (
                    s.List(
                        $"{s.IdeasPerProject[key]:N0} ideas",
                        key == "vote" ? s.VoteProject : Seeder.ProjectId(key),
                        "trending",
                        null,
                        "flat"
                    ),
                    "growth",
                    false
                )
            );
        if (only is not null) // name fragments, separated by "|"
        {
            var parts = only.Split('|');
            scenarios = scenarios.Where(x => parts.Any(part => x.S.Name.Contains(part, StringComparison.OrdinalIgnoreCase))).ToList();
        }

        foreach (var (sc, _, _) in scenarios)
            await s.PreflightAsync(sc);

        // The API's pool grows to its maximum (100) under the open-loop runs, and every new connection prepares each
        // statement (Npgsql auto-prepare: 2nd use) and plans it afresh for its first executions (PostgreSQL: 5 custom
        // plans before a generic one). Warm every connection with every statement first, or whichever side runs
        // first in a scenario pays that warm-up and the ratio is off.
        Console.WriteLine($"[bench] warming up: every scenario, both sides, {WarmupConnections} connections, {warmup:0} s each");
        foreach (var (sc, _, _) in scenarios)
        {
            await load.ClosedAsync(sc.Real, WarmupConnections, 0, warmup);
            await load.ClosedAsync(sc.Baseline, WarmupConnections, 0, warmup);
        }

        var rows = new List<Row>();
        foreach (var (sc, group, half) in scenarios)
        {
            Console.WriteLine($"[bench] {group}: {sc.Name}");
            // Real and baseline in turns (A B B A A B B A), so that drift over the run weighs on both sides alike.
            var totals = new[] { new StatementTotals(), new StatementTotals() };
            var (realMax, baseMax) = await load.ClosedInTurnsAsync(
                sc.Real,
                sc.Baseline,
                workers,
                SettleSeconds,
                seconds,
                Segments,
                _ => stats.ResetAsync(),
                side => stats.AddToAsync(totals[side])
            );
            realMax = realMax with { Postgres = totals[0].PerRequest(realMax.Requests) };
            Print("real", realMax);
            baseMax = baseMax with { Postgres = totals[1].PerRequest(baseMax.Requests) };
            Print("baseline", baseMax);
            RunResult? realHalf = null,
                baseHalf = null;
            if (half)
            {
                realHalf = await load.OpenAsync(sc.Real, sc.RequestsPerUnit, realMax.Rps / 2, Math.Min(warmup, 2), seconds);
                Print("real ½", realHalf);
                baseHalf = await load.OpenAsync(sc.Baseline, sc.RequestsPerUnit, baseMax.Rps / 2, Math.Min(warmup, 2), seconds);
                Print("baseline ½", baseHalf);
            }
            rows.Add(new Row(sc.Name, group, sc.Aim, new Side(realMax, realHalf), new Side(baseMax, baseHalf)));
        }

        var outDir = o.Require("out");
        Directory.CreateDirectory(outDir);
        var markdown = Markdown(rows, machine, started);
        await File.WriteAllTextAsync(Path.Combine(outDir, "latest.md"), markdown);
        await File.WriteAllTextAsync(
            Path.Combine(outDir, "latest.json"),
            JsonSerializer.Serialize(
                new
                {
                    machine,
                    started,
                    rows = rows.Select(r => new
                    {
                        r.Scenario,
                        r.Group,
                        r.Aim,
                        r.Ratio,
                        r.Real,
                        r.Baseline,
                    }),
                },
                new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }
            )
        );
        Console.WriteLine();
        Console.WriteLine(markdown);
        return rows.Any(r => r.Real.Max.Errors + r.Baseline.Max.Errors + (r.Real.Half?.Errors ?? 0) + (r.Baseline.Half?.Errors ?? 0) > 0)
            ? 1
            : 0;
    }

    private static void Print(string side, RunResult r)
    {
        Console.WriteLine(
            $"[bench]   {side, -11} {r.Rps, 8:0} req/s  p50 {Ms(r.P50), 6} ms  p99 {Ms(r.P99), 6} ms  max {Ms(r.Max), 6} ms"
                + $"  cpu/req api {PerReq(r.Cpu.Api, r)} pg {PerReq(r.Cpu.Postgres, r)} client {PerReq(r.Cpu.Client, r)} ms"
                + (r.Errors > 0 ? $"  ERRORS {r.Errors}: {r.FirstError}" : "")
        );
        if (r.Postgres is { } pg)
        {
            Console.WriteLine(
                $"[bench]   {"", -11} postgres per request: {pg.StatementsPerRequest:0.0} statements, "
                    + $"planning {pg.PlanMsPerRequest:0.000} ms, execution {pg.ExecMsPerRequest:0.000} ms"
            );
            foreach (var t in pg.Top)
                Console.WriteLine(
                    $"[bench]   {"", -11}   {t.CallsPerRequest, 4:0.0}× plan {t.MeanPlanMs:0.000} exec {t.MeanExecMs:0.000} ms  {t.Query}"
                );
        }
    }

    private static string Ms(long micros) =>
        (micros / 1000.0).ToString(
            micros < 10_000 ? "0.00"
                : micros < 100_000 ? "0.0"
                : "0",
            Inv
        );

    private static string PerReq(double cpuSeconds, RunResult r) =>
        r.Requests == 0 ? "-" : (cpuSeconds * 1000 / r.Requests).ToString("0.00", Inv);

    private static async Task<int?> PostmasterPidAsync(string connectionString)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT pg_backend_pid()", db);
        var backend = (int)(await cmd.ExecuteScalarAsync())!;
        try
        {
            var stat = await File.ReadAllTextAsync($"/proc/{backend}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], Inv);
        }
        catch (IOException)
        {
            return null;
        } // PostgreSQL on another host: no CPU split
    }

    private static async Task<Dictionary<string, string>> MachineAsync(
        string connectionString,
        Options o,
        Scenarios s,
        int workers,
        double seconds,
        double warmup
    )
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        async Task<string> Scalar(string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, db);
            return (await cmd.ExecuteScalarAsync())?.ToString() ?? "";
        }
        var cpuModel = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                ?.Split(':', 2)[1]
                .Trim()
                ?? ""
            : "";
        return new Dictionary<string, string>
        {
            ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", Inv),
            ["commit"] = Environment.GetEnvironmentVariable("BENCH_COMMIT") ?? "",
            ["cores"] = Environment.ProcessorCount.ToString(Inv),
            ["cpu"] = cpuModel,
            ["memory"] = $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB",
            ["load average at start"] = File.Exists("/proc/loadavg")
                ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
                : "",
            ["dotnet"] = Environment.Version.ToString(),
            ["postgresql"] = (await Scalar("SHOW server_version")).Split(' ')[0],
            ["postgresql settings"] = Environment.GetEnvironmentVariable("BENCH_PG_SETTINGS") ?? "",
            ["data set"] =
                $"{(o.Quick ? "quick" : "full")}: {s.Users:N0} users, {await Scalar("SELECT count(*) FROM ideas"):N0} ideas, "
                + $"{long.Parse(await Scalar("SELECT count(*) FROM idea_reactions"), Inv):N0} reactions, "
                + $"{long.Parse(await Scalar("SELECT count(*) FROM comments"), Inv):N0} comments, "
                + $"database {await Scalar("SELECT pg_size_pretty(pg_database_size(current_database()))")}",
            ["load"] =
                $"{workers} connections closed-loop for max, real and baseline in turns (A B B A A B B A, {seconds / Segments:0.#} s "
                + $"each after {SettleSeconds:0} s unrecorded: {seconds:0} s per side); open loop at ½ of each side's max, "
                + $"{seconds:0} s; {warmup:0} s warm-up per scenario and side first",
        };
    }

    private static string Markdown(List<Row> rows, Dictionary<string, string> machine, DateTimeOffset started)
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmark: latest run").AppendLine();
        md.AppendLine(
            $"`make bench` on {machine["date"]}, commit `{machine["commit"]}`. "
                + "Real endpoints (JWT, validation, mediator, policy) next to bare"
        );
        md.AppendLine(
            "baselines running the same SQL in the same run. RPS: closed loop at the maximum, the two sides measured in turns "
                + "(ratio: the median of the four pairs of segments run next to each other); latencies in ms; ½: open loop at half of that"
        );
        md.AppendLine("side's maximum rate, latency counted from each request's scheduled time.").AppendLine();
        md.AppendLine(
            "| scenario | real RPS | baseline RPS | ratio | real p50 / p99 at max | real p99 at ½ | "
                + "baseline p50 / p99 at max | baseline p99 at ½ | aim |"
        );
        md.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|---|");
        foreach (var r in rows.Where(r => r.Group == "hot"))
            md.AppendLine(
                $"| {r.Scenario} | {r.Real.Max.Rps:0} | {r.Baseline.Max.Rps:0} | {r.Ratio * 100:0} % | "
                    + $"{Ms(r.Real.Max.P50)} / {Ms(r.Real.Max.P99)} | "
                    + $"{(r.Real.Half is { } h ? Ms(h.P99) : "-")} | {Ms(r.Baseline.Max.P50)} / {Ms(r.Baseline.Max.P99)} | "
                    + $"{(r.Baseline.Half is { } b ? Ms(b.P99) : "-")} | {Verdict(r)} |"
            );
        var growth = rows.Where(r => r.Group == "growth").ToList();
        if (growth.Count > 0)
        {
            md.AppendLine()
                .AppendLine("Growth: first page of ideas sorted trending, signed in, in projects of growing size (closed loop).")
                .AppendLine();
            md.AppendLine(
                "| ideas in the project | real RPS | real p50 / p99 | baseline RPS | baseline p50 / p99 | ratio | real RPS vs smallest |"
            );
            md.AppendLine("|--:|--:|--:|--:|--:|--:|--:|");
            foreach (var r in growth)
                md.AppendLine(
                    $"| {r.Scenario.Replace(" ideas", "")} | {r.Real.Max.Rps:0} | "
                        + $"{Ms(r.Real.Max.P50)} / {Ms(r.Real.Max.P99)} | {r.Baseline.Max.Rps:0} | "
                        + $"{Ms(r.Baseline.Max.P50)} / {Ms(r.Baseline.Max.P99)} | {r.Ratio * 100:0} % | "
                        + $"{r.Real.Max.Rps / growth[0].Real.Max.Rps * 100:0} % |"
                );
            // Issue 18: flat (every size within 10 % of the smallest's throughput) and ≥ 85 % of the baseline at every size.
            var slowest = growth.Min(r => r.Real.Max.Rps / growth[0].Real.Max.Rps);
            var lowest = growth.Min(r => r.Ratio);
            md.AppendLine()
                .AppendLine(
                    $"Aim (flat from the smallest to the largest project, ≥ 85 % of baseline): "
                        + (slowest >= 0.9 && lowest >= 0.85 ? "met" : "missed")
                        + $" (slowest size at {slowest * 100:0} % of the smallest's throughput, lowest ratio {lowest * 100:0} %)."
                );
        }
        md.AppendLine()
            .AppendLine("Where the CPU went during the closed-loop runs (ms of CPU per request; the machine has ")
            .Append(machine["cores"])
            .AppendLine(
                " cores, shared with other work: \"others\" is the machine's busy time not spent by the API, "
                    + "PostgreSQL or the load client)."
            )
            .AppendLine();
        md.AppendLine("| scenario | side | API | PostgreSQL | load client | machine busy | others |");
        md.AppendLine("|---|---|--:|--:|--:|--:|--:|");
        foreach (var r in rows)
        foreach (var (side, run) in new[] { ("real", r.Real.Max), ("baseline", r.Baseline.Max) })
        {
            var c = run.Cpu;
            var others = c.MachineBusy - c.Api - c.Postgres - c.Client;
            md.AppendLine(
                $"| {r.Scenario} | {side} | {PerReq(c.Api, run)} | {PerReq(c.Postgres, run)} | {PerReq(c.Client, run)} | "
                    + $"{(c.MachineTotal > 0 ? c.MachineBusy / c.MachineTotal * 100 : 0):0} % | "
                    + $"{(c.MachineTotal > 0 ? others / c.MachineTotal * 100 : 0):0} % |"
            );
        }
        if (rows.Any(r => r.Real.Max.Postgres is not null))
        {
            md.AppendLine()
                .AppendLine("What PostgreSQL did per request in the closed-loop runs (pg_stat_statements, planning tracked): statements,");
            md.AppendLine("planning and execution time in ms, and the costliest statement with its mean planning / execution time.")
                .AppendLine();
            md.AppendLine("| scenario | side | statements | planning | execution | costliest statement (plan / exec ms per call) |");
            md.AppendLine("|---|---|--:|--:|--:|---|");
            foreach (var r in rows)
            foreach (var (side, run) in new[] { ("real", r.Real.Max), ("baseline", r.Baseline.Max) })
                if (run.Postgres is { } pg)
                    md.AppendLine(
                        $"| {r.Scenario} | {side} | {pg.StatementsPerRequest:0.0} | "
                            + $"{pg.PlanMsPerRequest:0.000} | {pg.ExecMsPerRequest:0.000} | "
                            + (
                                pg.Top.Count > 0
                                    ? $"`{pg.Top[0].Query.Replace("|", "\\|")}` "
                                        + $"({pg.Top[0].MeanPlanMs:0.000} / {pg.Top[0].MeanExecMs:0.000})"
                                    : ""
                            )
                            + " |"
                    );
        }
        var errors = rows.Sum(r => r.Real.Max.Errors + r.Baseline.Max.Errors + (r.Real.Half?.Errors ?? 0) + (r.Baseline.Half?.Errors ?? 0));
        md.AppendLine()
            .AppendLine(errors == 0 ? "Every request answered 2xx." : $"**{errors} requests failed** (see latest.json, firstError).");
        md.AppendLine().AppendLine("| machine | |").AppendLine("|---|---|");
        foreach (var (k, v) in machine)
            md.AppendLine($"| {k} | {v} |");
        return md.ToString();
    }

    private static string Verdict(Row r)
    {
        // "≥ N % of baseline[, p99 ≤ 25 ms at ½ max where the baseline's is]" (issue 18)
        if (!r.Aim.StartsWith("≥ ", StringComparison.Ordinal))
            return "";
        var share = double.Parse(r.Aim[2..r.Aim.IndexOf(' ', 2)], Inv) / 100;
        var tail =
            !r.Aim.Contains("p99", StringComparison.Ordinal)
            || r.Baseline.Half is not { } b
            || b.P99 > 25_000
            || (r.Real.Half is { } h && h.P99 <= 25_000);
        return r.Ratio >= share && tail ? "met" : $"missed ({r.Aim})";
    }
}
