using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Infrastructure.Security;

/// <summary>
/// Fixed-window counters in PostgreSQL (<c>rate_limit_counters</c>), shared by every API instance: a limit holds across a
/// cluster, not once per instance. One statement per limited request, or for all those that arrive together
/// (<see cref="StatementBatcher{TItem,TResult}"/>). When the database does not answer, the request is
/// let through (fail open: the limits protect the platform, they must not stop it), logged and counted in the
/// <c>participation.rate_limit.store_failures</c> counter (meter <c>Participation.RateLimits</c>).
/// </summary>
public sealed class RateLimitStore : IAsyncDisposable
{
    public const string MeterName = "Participation.RateLimits";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "participation.rate_limit.store_failures",
        description: "Limited requests let through because the shared rate-limit store did not answer"
    );
    private static readonly Counter<long> Rejections = Meter.CreateCounter<long>(
        "participation.rate_limit.rejections",
        description: "Requests refused by a shared rate limit"
    );

    // The hits queued together, counted per key in one statement (statement_timestamp(): one "now" for all of them); a key
    // whose window ended starts a new one. Keys in order, so that two instances' statements lock shared keys in the same
    // order.
    private const string HitSql = """
        INSERT INTO rate_limit_counters AS c (key, hits, window_ends_at)
        SELECT key, count(*)::int, statement_timestamp() + make_interval(secs => max(seconds))
          FROM unnest(@Keys::text[], @Seconds::float8[]) AS r(key, seconds)
         GROUP BY key ORDER BY key
        ON CONFLICT (key) DO UPDATE
           SET hits = CASE WHEN c.window_ends_at > statement_timestamp() THEN c.hits + EXCLUDED.hits ELSE EXCLUDED.hits END,
               window_ends_at = CASE WHEN c.window_ends_at > statement_timestamp() THEN c.window_ends_at
                                     ELSE EXCLUDED.window_ends_at END
        RETURNING key, hits, extract(epoch FROM window_ends_at - statement_timestamp())::float8 AS seconds_left;
        """;

    private readonly NpgsqlDataSource _db;
    private readonly ILogger<RateLimitStore> _logger;
    private readonly StatementBatcher<(string Key, double Seconds), Row> _hits;

    public RateLimitStore(NpgsqlDataSource db, ILogger<RateLimitStore> logger)
    {
        _db = db;
        _logger = logger;
        _hits = new StatementBatcher<(string Key, double Seconds), Row>(SendAsync);
    }

    /// <summary>The outcome of one hit: whether it is within the limit, the Retry-After (whole seconds, at least one) and
    /// exactly how long the window lasts.</summary>
    public readonly record struct Outcome(bool Allowed, TimeSpan RetryAfter, TimeSpan WindowLeft);

    private sealed record Row(string Key, int Hits, double SecondsLeft);

    /// <summary>Counts one request against <paramref name="key"/> (<paramref name="permits"/> per window).</summary>
    public async Task<Outcome> HitAsync(string key, int permits, TimeSpan window, CancellationToken ct)
    {
        try
        {
            var row = await _hits.SendAsync((key, window.TotalSeconds), ct);
            var allowed = row.Hits <= permits;
            // A hit that waited on the row while a later-started statement opened the window would see more than a
            // window left (its own statement time is earlier): never more than the window.
            var left = Math.Clamp(row.SecondsLeft, 0, window.TotalSeconds);
            if (!allowed)
                Rejections.Add(1, new KeyValuePair<string, object?>("policy", key.Split(':', 2)[0]));
            return new Outcome(allowed, TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(left))), TimeSpan.FromSeconds(left));
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            Failures.Add(1);
            _logger.LogWarning("Rate-limit store unavailable, request let through (fail open): {Error}", ex.Message);
            return new Outcome(true, TimeSpan.Zero, TimeSpan.Zero);
        }
    }

    /// <summary>One statement for the queued hits; each hit gets its own number within its key's window, in queue order.</summary>
    private async Task<IReadOnlyList<Row>> SendAsync(IReadOnlyList<(string Key, double Seconds)> hits, CancellationToken ct)
    {
        await using var connection = await _db.OpenConnectionAsync(ct);
        var rows = (
            await connection.QueryAsync<Row>(
                new CommandDefinition(
                    HitSql,
                    new { Keys = hits.Select(h => h.Key).ToArray(), Seconds = hits.Select(h => h.Seconds).ToArray() },
                    cancellationToken: ct
                )
            )
        ).ToDictionary(r => r.Key, StringComparer.Ordinal);
        // The key's count after the statement is its last hit's number; each earlier hit of the key is one less.
        var later = new Dictionary<string, int>(StringComparer.Ordinal);
        var answers = new Row[hits.Count];
        for (var i = hits.Count - 1; i >= 0; i--)
        {
            var key = hits[i].Key;
            var after = later.GetValueOrDefault(key);
            later[key] = after + 1;
            answers[i] = rows[key] with { Hits = rows[key].Hits - after };
        }
        return answers;
    }

    public ValueTask DisposeAsync() => _hits.DisposeAsync();
}

/// <summary>
/// One partition's limiter (a policy and a caller) over <see cref="RateLimitStore"/>. Its synchronous attempt never
/// decides (the middleware then awaits <see cref="RateLimiter.AcquireAsync"/>, which asks the database), so each request
/// is counted once.
/// </summary>
public sealed class SharedWindowLimiter(RateLimitStore store, string key, int permits, TimeSpan window) : RateLimiter
{
    private long _lastUsed = System.Diagnostics.Stopwatch.GetTimestamp();
    private long _blockedUntil;

    public override TimeSpan? IdleDuration => System.Diagnostics.Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Undecided;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref _lastUsed, now);
        if (permitCount == 0)
            return Lease.Granted;
        if (permitCount > permits)
            return new Lease(false, window);
        // Refused once in a window, the key stays refused until the window ends (counts only grow within it): until then
        // this instance answers without asking the database, so a caller hammering a limit costs it nothing.
        var blockedUntil = Interlocked.Read(ref _blockedUntil);
        if (now < blockedUntil)
            return new Lease(false, System.Diagnostics.Stopwatch.GetElapsedTime(now, blockedUntil));
        var outcome = await store.HitAsync(key, permits, window, cancellationToken);
        if (outcome.Allowed)
            return Lease.Granted;
        Interlocked.Exchange(ref _blockedUntil, now + (long)(outcome.WindowLeft.TotalSeconds * System.Diagnostics.Stopwatch.Frequency));
        return new Lease(false, outcome.RetryAfter);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        /// <summary>"Ask asynchronously": not acquired, without metadata.</summary>
        public static readonly Lease Undecided = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } r && metadataName == MetadataName.RetryAfter.Name ? r : null;
            return metadata is not null;
        }
    }
}

/// <summary>Deletes the counters whose window ended more than a minute ago, a batch at a time (any instance may).</summary>
public sealed class RateLimitCleanup(NpgsqlDataSource db) : IPeriodicJob
{
    private const string Sql = """
        DELETE FROM rate_limit_counters
         WHERE key IN (SELECT key FROM rate_limit_counters
                        WHERE window_ends_at < now() - interval '1 minute'
                        LIMIT 5000 FOR UPDATE SKIP LOCKED);
        """;

    public string Name => "rate-limit counters cleanup";

    public bool PerCity => false; // the platform's own table

    public TimeSpan Interval(JobOptions options) => TimeSpan.FromSeconds(60);

    /// <summary>Deletes one batch; a full batch means there may be more.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(Sql, cancellationToken: ct));
        return deleted == 5000 ? deleted : 0;
    }
}
