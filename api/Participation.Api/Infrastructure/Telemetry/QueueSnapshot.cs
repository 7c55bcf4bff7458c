using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Infrastructure.Telemetry;

/// <summary>
/// The depth and the age of the oldest due item of each work queue kept in the database, as gauges. A scrape never
/// queries: the gauges read the last snapshot, which <see cref="QueueSnapshotJob"/> refreshes with one statement.
/// </summary>
public sealed class QueueSnapshot : IDisposable
{
    public const string MeterName = "Participation.Queues";

    public sealed record Queue(string Name, long Depth, double OldestAgeSeconds);

    private sealed record Taken(IReadOnlyList<Queue> Queues, long At);

    private readonly Meter _meter = new(MeterName);
    private readonly TimeProvider _time;
    private readonly TimeSpan _freshFor;
    private Taken? _taken;

    public QueueSnapshot(IOptions<TelemetryOptions> options, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        // A snapshot older than a few refreshes (the database unreachable, jobs stopped) is not reported: no value rather
        // than a stale one that would look healthy.
        _freshFor = TimeSpan.FromSeconds(4 * options.Value.QueueRefreshSeconds);
        _meter.CreateObservableGauge(
            "participation.queue.depth",
            () => Observe(q => q.Depth),
            unit: "{item}",
            description: "Items waiting in a work queue (due or waiting for a retry)."
        );
        _meter.CreateObservableGauge(
            "participation.queue.oldest_age",
            () => Observe(q => q.OldestAgeSeconds),
            unit: "s",
            description: "How long the oldest due item of a work queue has been waiting (0 when none is due)."
        );
    }

    /// <summary>The queues of the last snapshot, or nothing when there is none or it is stale.</summary>
    public IReadOnlyList<Queue> Current => _taken is { } taken && _time.GetElapsedTime(taken.At) <= _freshFor ? taken.Queues : [];

    public void Update(IReadOnlyList<Queue> queues) => _taken = new Taken(queues, _time.GetTimestamp());

    private IEnumerable<Measurement<T>> Observe<T>(Func<Queue, T> value)
        where T : struct => Current.Select(q => new Measurement<T>(value(q), new KeyValuePair<string, object?>("queue", q.Name)));

    public void Dispose() => _meter.Dispose();
}

/// <summary>
/// Refreshes <see cref="QueueSnapshot"/>: one statement, one round trip, every part of it served by the queue's partial
/// index (the one its worker claims from), so it reads only the pending rows, never the history.
/// </summary>
public sealed class QueueSnapshotJob(NpgsqlDataSource db, QueueSnapshot snapshot, IOptions<TelemetryOptions> options) : IPeriodicJob
{
    // Age: since the oldest item became due (the database's clock at both ends): next_attempt_at for the retried queues
    // (an item waiting for its retry is not late), created_at for the others. Index per part (EXPLAIN: index-only scans but
    // the notifications' index scan, which reads the created_at of the pending rows only): email_outbox_due,
    // webhook_deliveries_due, exports_queue, personal_data_exports_queued, notifications_email_pending,
    // briefing_launches_pending.
    internal const string Sql = """
        SELECT name, depth, coalesce(greatest(0, extract(epoch FROM now() - oldest)), 0)::float8 AS oldest_age_seconds
          FROM (
                SELECT 'email_outbox' AS name, count(*) AS depth, min(next_attempt_at) AS oldest
                  FROM email_outbox WHERE status = 'queued'
                UNION ALL
                SELECT 'webhook_deliveries', count(*), min(next_attempt_at) FROM webhook_deliveries WHERE status = 'pending'
                UNION ALL
                SELECT 'exports', count(*), min(created_at) FROM exports WHERE status IN ('queued', 'running')
                UNION ALL
                SELECT 'personal_data_exports', count(*), min(created_at) FROM personal_data_exports WHERE status = 'queued'
                UNION ALL
                SELECT 'notification_emails', count(*), min(created_at) FROM notifications WHERE email_state = 'pending'
                UNION ALL
                SELECT 'briefing_launches', count(*), min(created_at) FROM briefing_launches WHERE status = 'pending'
               ) queues;
        """;

    public string Name => "queue snapshot";

    public bool PerCity => false; // the whole deployment's queues, through the owner's connections

    public TimeSpan Interval(JobOptions o) => TimeSpan.FromSeconds(options.Value.QueueRefreshSeconds);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var queues = await connection.QueryAsync<QueueSnapshot.Queue>(new CommandDefinition(Sql, cancellationToken: ct));
        snapshot.Update(queues.AsList());
        return 0; // the next pass waits for the timer
    }
}
