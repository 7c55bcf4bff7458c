using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;

namespace Participation.Bench;

/// <summary>One HTTP request of a scenario: verb, path and query, and the bearer token (null: anonymous).</summary>
public sealed record Request(HttpMethod Method, string Path, string? Token = null);

/// <summary>What one measured run gives: requests per second, latency percentiles (µs), errors, CPU split.</summary>
public sealed record RunResult(
    string Mode,
    double Seconds,
    long Requests,
    long Errors,
    double Rps,
    long P50,
    long P90,
    long P99,
    long Max,
    double? TargetRps,
    Cpu.Sample Cpu
)
{
    public string? FirstError { get; init; }
    public PgStats? Postgres { get; init; }

    /// <summary>Requests per second of each measured segment, in order, when the run was measured in turns.</summary>
    public IReadOnlyList<double> SegmentRps { get; init; } = [];
}

/// <summary>
/// The load client. A scenario is a function from a unit number to a short sequence of requests sent one after the
/// other (a list page; a vote then its removal). Closed loop: N workers send units back to back for a fixed time
/// (the maximum throughput). Open loop: units start on a fixed schedule whatever the answers, and each latency counts
/// from the moment the request was due, so a slow server cannot hide its queue (no coordinated omission).
/// </summary>
public sealed class Load(Uri baseUri, Cpu cpu)
{
    private HttpClient Client(int connections) =>
        new(
            new SocketsHttpHandler
            {
                MaxConnectionsPerServer = connections,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.None,
                UseProxy = false,
            }
        )
        {
            BaseAddress = baseUri,
            Timeout = TimeSpan.FromSeconds(30),
        };

    private sealed class Tally
    {
        public readonly Histogram Latency = new();
        public long Errors;
        public string? FirstError;
    }

    private static async Task SendAsync(HttpClient http, Request r, Tally? tally, long dueTicks)
    {
        using var message = new HttpRequestMessage(r.Method, r.Path) { Version = HttpVersion.Version11 };
        if (r.Token is not null)
            message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", r.Token);
        var ok = false;
        string? error = null;
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead);
            ok = response.IsSuccessStatusCode;
            if (!ok)
                error = $"{(int)response.StatusCode} {r.Method} {r.Path}: {Truncate(await response.Content.ReadAsStringAsync())}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            error = $"{ex.GetType().Name} {r.Method} {r.Path}: {ex.Message}";
        }
        if (tally is null)
            return;
        tally.Latency.Record((long)Stopwatch.GetElapsedTime(dueTicks).TotalMicroseconds);
        if (!ok && Interlocked.Increment(ref tally.Errors) == 1)
            tally.FirstError = error;
    }

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300];

    /// <summary>
    /// Closed loop: <paramref name="workers"/> concurrent workers, first for a warm-up (not recorded), then for
    /// <paramref name="seconds"/> measured; <paramref name="beforeMeasure"/> runs in between (resets statistics).
    /// </summary>
    public async Task<RunResult> ClosedAsync(
        Func<long, Request[]> unit,
        int workers,
        double warmupSeconds,
        double seconds,
        Func<Task>? beforeMeasure = null
    )
    {
        using var http = Client(workers);
        var next = new StrongBox<long>();
        await WorkAsync(http, unit, next, workers, warmupSeconds, null);
        if (beforeMeasure is not null)
            await beforeMeasure();
        var tally = new Tally();
        var before = cpu.Take();
        var started = Stopwatch.GetTimestamp();
        await WorkAsync(http, unit, next, workers, seconds, tally);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return Result("closed", tally, elapsed, null, Cpu.Delta(before, cpu.Take()));
    }

    /// <summary>
    /// The closed loops of two sides measured in turns, A B B A A B B A… (<paramref name="segments"/> segments per side of
    /// <paramref name="seconds"/> / <paramref name="segments"/> each, each after <paramref name="settleSeconds"/> unrecorded):
    /// both sides sit at the same mean position in time, so a machine whose speed drifts over the run (caches warming,
    /// other work starting or ending) weighs on both alike, where "all of A, then all of B" gave the drift to one side. A
    /// side's result adds up its segments and keeps each one's rate (<see cref="RunResult.SegmentRps"/>: segment i of A and
    /// of B ran next to each other). <paramref name="before"/> and <paramref name="after"/> run around each measured
    /// segment with the side's index (0: A, 1: B).
    /// </summary>
    public async Task<(RunResult A, RunResult B)> ClosedInTurnsAsync(
        Func<long, Request[]> a,
        Func<long, Request[]> b,
        int workers,
        double settleSeconds,
        double seconds,
        int segments,
        Func<int, Task> before,
        Func<int, Task> after
    )
    {
        using var httpA = Client(workers);
        using var httpB = Client(workers);
        var sides = new[] { (Unit: a, Http: httpA, Next: new StrongBox<long>()), (Unit: b, Http: httpB, Next: new StrongBox<long>()) };
        var tallies = new[] { new Tally(), new Tally() };
        var elapsed = new double[2];
        var used = new Cpu.Sample[2] { Cpu.Zero, Cpu.Zero };
        var segmentRps = new[] { new List<double>(), new List<double>() };
        for (var k = 0; k < 2 * segments; k++)
        {
            var i = k % 4 is 0 or 3 ? 0 : 1;
            var (unit, http, next) = sides[i];
            await WorkAsync(http, unit, next, workers, settleSeconds, null);
            await before(i);
            var cpuBefore = cpu.Take();
            var (started, count) = (Stopwatch.GetTimestamp(), tallies[i].Latency.Count);
            await WorkAsync(http, unit, next, workers, seconds / segments, tallies[i]);
            var took = Stopwatch.GetElapsedTime(started).TotalSeconds;
            elapsed[i] += took;
            segmentRps[i].Add((tallies[i].Latency.Count - count) / took);
            used[i] = Cpu.Sum(used[i], Cpu.Delta(cpuBefore, cpu.Take()));
            await after(i);
        }
        return (
            Result("closed", tallies[0], elapsed[0], null, used[0]) with
            {
                SegmentRps = segmentRps[0],
            },
            Result("closed", tallies[1], elapsed[1], null, used[1]) with
            {
                SegmentRps = segmentRps[1],
            }
        );
    }

    /// <summary><paramref name="workers"/> workers sending units back to back for <paramref name="seconds"/>.</summary>
    private static Task WorkAsync(
        HttpClient http,
        Func<long, Request[]> unit,
        StrongBox<long> next,
        int workers,
        double seconds,
        Tally? tally
    )
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        return Task.WhenAll(
            Enumerable
                .Range(0, workers)
                .Select(_ =>
                    Task.Run(async () =>
                    {
                        while (Stopwatch.GetTimestamp() < stopAt)
                            foreach (var r in unit(Interlocked.Increment(ref next.Value) - 1))
                                await SendAsync(http, r, tally, Stopwatch.GetTimestamp());
                    })
                )
        );
    }

    /// <summary>Open loop at <paramref name="rps"/> requests per second for <paramref name="seconds"/>, after a short warm-up at the same
    /// rate.</summary>
    public async Task<RunResult> OpenAsync(
        Func<long, Request[]> unit,
        int requestsPerUnit,
        double rps,
        double warmupSeconds,
        double seconds,
        int connections = 512
    )
    {
        using var http = Client(connections);
        var unitsPerSecond = rps / requestsPerUnit;
        long n = 0;
        var running = new List<Task>();

        async Task Schedule(double duration, Tally? tally)
        {
            var start = Stopwatch.GetTimestamp();
            var total = (long)(duration * unitsPerSecond);
            long i = 0;
            while (i < total)
            {
                // Start every unit that is due (bursts of up to a millisecond: timers are no finer, and spinning would steal a core).
                var now = Stopwatch.GetTimestamp();
                for (long due; i < total && (due = start + (long)(i / unitsPerSecond * Stopwatch.Frequency)) <= now; i++)
                {
                    var requests = unit(n++);
                    var dueAt = due;
                    running.Add(
                        Task.Run(async () =>
                        {
                            foreach (var r in requests)
                            {
                                await SendAsync(http, r, tally, dueAt);
                                dueAt = Stopwatch.GetTimestamp(); // the next request of the unit is due when the previous one answered
                            }
                        })
                    );
                }
                if (i < total)
                {
                    var wait = start + (long)(i / unitsPerSecond * Stopwatch.Frequency) - Stopwatch.GetTimestamp();
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, wait * 1000.0 / Stopwatch.Frequency)));
                }
            }
            await Task.WhenAll(running);
            running.Clear();
        }

        await Schedule(warmupSeconds, null);
        var measured = new Tally();
        var before = cpu.Take();
        var startedAt = Stopwatch.GetTimestamp();
        await Schedule(seconds, measured);
        var elapsed = Stopwatch.GetElapsedTime(startedAt).TotalSeconds;
        return Result("open", measured, elapsed, rps, Cpu.Delta(before, cpu.Take()));
    }

    private static RunResult Result(string mode, Tally t, double seconds, double? target, Cpu.Sample used) =>
        new(
            mode,
            seconds,
            t.Latency.Count,
            t.Errors,
            t.Latency.Count / seconds,
            t.Latency.Percentile(50),
            t.Latency.Percentile(90),
            t.Latency.Percentile(99),
            t.Latency.Percentile(100),
            target,
            used
        )
        {
            FirstError = t.FirstError,
        };
}
