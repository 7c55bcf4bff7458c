using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Participation.Bench;

/// <summary>
/// Issue 15's speed targets on the reporting data set (<see cref="ReportingSeeder"/>), against a running API with its
/// background jobs: dashboards per scope (latency and statements per request), and exports of growing size with the
/// API's memory sampled while they are written (flat memory: the peak does not grow with the row count). Writes
/// reporting.md and reporting.json beside the other results.
/// </summary>
public static class Reporting
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public sealed record Timed(string Name, int Runs, double MedianMs, double MaxMs, double Statements);

    public sealed record ExportRun(string Name, long Rows, long Bytes, double Seconds, double RssBeforeMb, double PeakRssMb);

    /// <param name="Briefings">Briefings claimed for the quarter: one per official and scope.</param>
    /// <param name="Scopes">Distinct scopes among them (the job computes each scope's content once).</param>
    /// <param name="Sent">Produced and queued as e-mails.</param>
    /// <param name="Seconds">From the claim to the last one produced.</param>
    public sealed record BriefingRun(string Period, long Briefings, long Scopes, long Sent, double Seconds);

    public static async Task<int> RunAsync(Options o)
    {
        var api = new Uri(o.Require("url"));
        var connectionString = o.Require("db");
        var key = o.Require("key");
        var apiPid = o.Get("api-pid") is { } p ? int.Parse(p, Inv) : (int?)null;
        var runs = o.Quick ? 3 : 5;
        // --step timed: the timed calls only, against an API without background jobs (their polling would count in the
        // statements per call); --step jobs: briefings and exports against an API with its jobs, then the report of both
        // steps. Without --step: both against one API.
        var step = o.Get("step") ?? "all";
        var outDir = o.Require("out");
        Directory.CreateDirectory(outDir);
        var partial = Path.Combine(outDir, "reporting-timed.json");
        var stats = new StatementStatistics(connectionString);
        await stats.InitAsync();

        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromMinutes(10) };
        string Token(string staff) => Tokens.Mint(key, ReportingSeeder.StaffId(staff));

        var (users, ideas) = await CountsAsync(connectionString);
        Console.WriteLine($"[reporting] {users:N0} users, {ideas:N0} ideas");

        var timed = new List<Timed>();
        var d0 = ReportingSeeder.DepartmentId(0);
        var p0 = ReportingSeeder.ProjectId(0);
        if (step is "jobs")
            timed = JsonSerializer.Deserialize<List<Timed>>(await File.ReadAllTextAsync(partial), JsonOptions) ?? [];
        else
            await TimeAllAsync();
        if (step is "timed")
        {
            await File.WriteAllTextAsync(partial, JsonSerializer.Serialize(timed, JsonOptions));
            return 0;
        }

        async Task TimeAllAsync()
        {
            foreach (
                var (name, path, who) in new[]
                {
                    ("dashboard: platform (admin)", "/api/v1/dashboard?scopeType=platform", "admin"),
                    ("dashboard: department (its official)", $"/api/v1/dashboard?scopeType=department&scopeId={d0}", "official-0-1"),
                    ("dashboard: project (its moderator)", $"/api/v1/dashboard?scopeType=project&scopeId={p0}", "moderator-0"),
                    (
                        "figures: department, a quarter",
                        $"/api/v1/figures?scopeType=department&scopeId={d0}&from=2026-07-01&to=2026-09-30",
                        "head-0"
                    ),
                }
            )
                timed.Add(await TimeAsync(http, stats, name, HttpMethod.Get, path, Token(who), runs));
            foreach (
                var (name, official) in new[]
                {
                    ("briefing preview: a department's official", "official-0-1"),
                    ("briefing preview: the platform's official", "official-platform"),
                }
            )
                timed.Add(
                    await TimeAsync(
                        http,
                        stats,
                        name,
                        HttpMethod.Get,
                        $"/api/v1/briefings/officials/{ReportingSeeder.StaffId(official)}/preview",
                        Token("admin"),
                        runs
                    )
                );
        }

        var briefings = await BriefingsAsync(connectionString);

        var exports = new List<ExportRun>();
        if (apiPid is { } pid)
        {
            var admin = Token("admin");
            exports.Add(await ExportAsync(http, pid, admin, "ideas of one project", "project", p0));
            exports.Add(await ExportAsync(http, pid, admin, "ideas of one department", "department", d0));
            exports.Add(await ExportAsync(http, pid, admin, "ideas of the platform", "platform", null));
        }
        else
            Console.WriteLine("[reporting] no --api-pid: exports not measured (memory is read from /proc/PID)");

        var md = Markdown(users, ideas, timed, briefings, exports);
        await File.WriteAllTextAsync(Path.Combine(outDir, "reporting.md"), md);
        await File.WriteAllTextAsync(
            Path.Combine(outDir, "reporting.json"),
            JsonSerializer.Serialize(
                new
                {
                    users,
                    ideas,
                    timed,
                    briefings,
                    exports,
                },
                JsonOptions
            )
        );
        File.Delete(partial);
        Console.WriteLine();
        Console.WriteLine(md);
        return 0;
    }

    private static async Task<(long Users, long Ideas)> CountsAsync(string connectionString)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM ideas)", db);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return (r.GetInt64(0), r.GetInt64(1));
    }

    /// <summary>The third quarter of 2026, when the seeded history has activity throughout.</summary>
    private static readonly DateOnly QuarterFirst = new(2026, 7, 1),
        QuarterLast = new(2026, 9, 30);

    /// <summary>
    /// All officials' quarterly briefings, produced by the API's own background job: the quarter's rows are claimed with
    /// the job's claim statement (<c>BriefingJob.ClaimPeriodSql</c>: the job claims a period itself only within 31 days of
    /// its send time, and the seeded quarter ended earlier), then the job produces them while this waits until none is
    /// pending. The time is this process's, from the claim until it sees none pending (polled every 250 ms; the job looks for
    /// work every 2 s): the rows' produced_at is their transaction's start, and one transaction produces a whole batch.
    /// </summary>
    private static async Task<BriefingRun> BriefingsAsync(string connectionString)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var watch = Stopwatch.StartNew();
        await using (
            var claim = new NpgsqlCommand(
                """
                DELETE FROM briefings WHERE kind = 'scheduled' AND period_from = @First;
                INSERT INTO briefings (id, official_id, scope_type, scope_id, kind, period_from, period_to)
                SELECT gen_random_uuid(), r.user_id, r.scope_type, r.department_id, 'scheduled', @First, @Last
                  FROM (SELECT DISTINCT user_id, scope_type, department_id FROM user_roles WHERE role = 'elected_official') r
                ON CONFLICT DO NOTHING;
                """,
                db
            )
        )
        {
            claim.Parameters.AddWithValue("First", QuarterFirst);
            claim.Parameters.AddWithValue("Last", QuarterLast);
            await claim.ExecuteNonQueryAsync();
        }
        while (true)
        {
            await using var cmd = new NpgsqlCommand(
                """
                SELECT count(*), count(DISTINCT (scope_type, scope_id)), count(*) FILTER (WHERE status = 'pending'),
                       count(*) FILTER (WHERE status = 'sent')
                  FROM briefings WHERE kind = 'scheduled' AND period_from = @First;
                """,
                db
            );
            cmd.Parameters.AddWithValue("First", QuarterFirst);
            await using var r = await cmd.ExecuteReaderAsync();
            await r.ReadAsync();
            var (total, scopes, pending, sent) = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
            var seconds = watch.Elapsed.TotalSeconds;
            if (pending == 0)
            {
                var run = new BriefingRun($"{QuarterFirst:yyyy-MM-dd} to {QuarterLast:yyyy-MM-dd}", total, scopes, sent, seconds);
                Console.WriteLine(
                    $"[reporting] briefings of {run.Period}: {total} officials' briefings ({scopes} scopes), {sent} sent, "
                        + $"{seconds:0.0} s from the claim to the last one"
                );
                return run;
            }
            if (watch.Elapsed > TimeSpan.FromMinutes(30))
                throw new TimeoutException($"{pending} of {total} briefings still pending after 30 minutes");
            await Task.Delay(250);
        }
    }

    /// <summary>One warm-up call, then <paramref name="runs"/> sequential calls: median and max latency, statements per call.</summary>
    public static async Task<Timed> TimeAsync(
        HttpClient http,
        StatementStatistics stats,
        string name,
        HttpMethod method,
        string path,
        string token,
        int runs
    )
    {
        await SendAsync(http, method, path, token);
        await stats.ResetAsync();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await SendAsync(http, method, path, token);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        var pg = await stats.ReadAsync(runs);
        times.Sort();
        var result = new Timed(name, runs, times[times.Count / 2], times[^1], pg?.StatementsPerRequest ?? double.NaN);
        Console.WriteLine(
            $"[reporting] {name, -44} median {result.MedianMs, 8:0.0} ms  max {result.MaxMs, 8:0.0} ms  "
                + $"{result.Statements:0.0} statements per call"
        );
        return result;
    }

    private static async Task<string> SendAsync(HttpClient http, HttpMethod method, string path, string token, object? body = null)
    {
        using var message = new HttpRequestMessage(method, path);
        message.Headers.Authorization = new("Bearer", token);
        if (body is not null)
            message.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        return text;
    }

    /// <summary>Requests an ideas export (CSV), samples the API's resident and managed memory every 100 ms until it is ready.</summary>
    private static async Task<ExportRun> ExportAsync(
        HttpClient http,
        int apiPid,
        string token,
        string name,
        string scopeType,
        Guid? scopeId
    )
    {
        var before = Rss(apiPid);
        var created = JsonDocument.Parse(
            await SendAsync(
                http,
                HttpMethod.Post,
                "/api/v1/exports",
                token,
                new
                {
                    kind = "ideas",
                    format = "csv",
                    scopeType,
                    scopeId,
                }
            )
        );
        var id = created.RootElement.GetProperty("id").GetString();
        var watch = Stopwatch.StartNew();
        double peak = before;
        JsonElement export;
        while (true)
        {
            peak = Math.Max(peak, Rss(apiPid));
            export = JsonDocument.Parse(await SendAsync(http, HttpMethod.Get, $"/api/v1/exports/{id}", token)).RootElement;
            var status = export.GetProperty("status").GetString();
            if (status is "ready")
                break;
            if (status is "failed" or "expired")
                throw new InvalidOperationException($"export {name}: {export}");
            if (watch.Elapsed > TimeSpan.FromMinutes(30))
                throw new TimeoutException($"export {name} not ready after 30 minutes");
            await Task.Delay(100);
        }
        var seconds = (
            export.GetProperty("finishedAt").GetDateTimeOffset() - export.GetProperty("startedAt").GetDateTimeOffset()
        ).TotalSeconds;
        var run = new ExportRun(
            name,
            export.GetProperty("rowsDone").GetInt64(),
            export.GetProperty("sizeBytes").GetInt64(),
            seconds,
            before,
            peak
        );
        Console.WriteLine(
            $"[reporting] export {name, -28} {run.Rows, 10:N0} rows  {run.Bytes / 1048576.0, 8:0.0} MB  {run.Seconds, 7:0.0} s  "
                + $"API memory {run.RssBeforeMb:0} MB before, peak {run.PeakRssMb:0} MB"
        );
        return run;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The resident set of a process, in MB (/proc/PID/status VmRSS).</summary>
    public static double Rss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return double.Parse(line[6..].Trim().Split(' ')[0], Inv) / 1024;
        return double.NaN;
    }

    private static string Markdown(long users, long ideas, List<Timed> timed, BriefingRun briefings, List<ExportRun> exports)
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmark: reporting at scale").AppendLine();
        md.AppendLine(
            $"`make bench` (reporting part) on {DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", Inv)}, commit "
                + $"`{Environment.GetEnvironmentVariable("BENCH_COMMIT") ?? ""}`: {users:N0} users, {ideas:N0} ideas. "
                + $"Load average of the machine (1, 5, 15 min) when this was written: {LoadAverage()} on {Environment.ProcessorCount} "
                + "cores (a shared machine: times scale with it)."
        );
        md.AppendLine().AppendLine("| what | calls | median ms | max ms | statements per call |").AppendLine("|---|--:|--:|--:|--:|");
        foreach (var t in timed)
            md.AppendLine($"| {t.Name} | {t.Runs} | {t.MedianMs:0.0} | {t.MaxMs:0.0} | {t.Statements:0.0} |");
        md.AppendLine()
            .AppendLine(
                $"All officials' quarterly briefings ({briefings.Period}) produced by the API's background job: "
                    + $"{briefings.Briefings} briefings over {briefings.Scopes} scopes, {briefings.Sent} queued as e-mails, "
                    + $"**{briefings.Seconds:0.0} s** from the claim to the last one."
            );
        if (exports.Count > 0)
        {
            md.AppendLine()
                .AppendLine("Exports (CSV of ideas) written by the API's background job; the API's resident memory sampled every 100 ms:")
                .AppendLine();
            md.AppendLine("| export | rows | file MB | seconds | API RSS before (MB) | API RSS peak (MB) | growth (MB) |");
            md.AppendLine("|---|--:|--:|--:|--:|--:|--:|");
            foreach (var e in exports)
                md.AppendLine(
                    $"| {e.Name} | {e.Rows:N0} | {e.Bytes / 1048576.0:0.0} | {e.Seconds:0.0} | {e.RssBeforeMb:0} | {e.PeakRssMb:0} | "
                        + $"{e.PeakRssMb - e.RssBeforeMb:0} |"
                );
        }
        return md.ToString();
    }
}
