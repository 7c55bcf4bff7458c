using System.Data;
using System.Text.Json;

namespace Participation.Api.Features.Events;

/// <summary>Where a reader of the events has got to: the last event read, by writing transaction then position.</summary>
public readonly record struct EventCheckpoint(long TxId, long Position)
{
    public static readonly EventCheckpoint Start = new(0, 0);
}

/// <summary>
/// Follows the events in an order that never skips one. Positions come from an identity, so with parallel writers a
/// transaction holding a smaller position can commit after a larger one has been read: a reader that kept "the last
/// position" would miss it for ever. This reader orders by the writing transaction's id, then position, and reads only
/// the events of transactions older than the oldest one still running (the snapshot's xmin): each of those has ended,
/// and every transaction still to write gets a larger id. A long transaction delays the reader; it never loses an event.
/// </summary>
public static class EventReader
{
    private const string Sql = """
        SELECT position, tx_id::text::bigint AS tx_id, occurred_at, type, actor_type, coalesce(actor_id, client_id) AS actor_id,
               subject_type, subject_id,
               project_id, phase_id, department_id, before::text AS before, after::text AS after, data::text AS data
          FROM events
         WHERE (tx_id, position) > (@TxId::text::xid8, @Position)
           AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
           AND (@Types::text[] IS NULL OR type = ANY(@Types))
         ORDER BY tx_id, position
         LIMIT @Take;
        """;

    private sealed record Row(
        long Position,
        long TxId,
        DateTime OccurredAt,
        string Type,
        string ActorType,
        Guid? ActorId,
        string SubjectType,
        string SubjectId,
        Guid? ProjectId,
        Guid? PhaseId,
        Guid? DepartmentId,
        string? Before,
        string? After,
        string Data
    );

    /// <summary>Up to <paramref name="take"/> events after <paramref name="after"/>, with the checkpoint to read from next.</summary>
    public static Task<(IReadOnlyList<RecordedEvent> Events, EventCheckpoint Next)> ReadAsync(
        IDbConnection connection,
        EventCheckpoint after,
        int take,
        IDbTransaction? tx = null,
        CancellationToken ct = default
    ) => ReadAsync(connection, after, take, null, tx, ct);

    /// <summary>The same, of the given types only (null: all).</summary>
    public static async Task<(IReadOnlyList<RecordedEvent> Events, EventCheckpoint Next)> ReadAsync(
        IDbConnection connection,
        EventCheckpoint after,
        int take,
        string[]? types,
        IDbTransaction? tx,
        CancellationToken ct
    )
    {
        var rows = (
            await connection.QueryAsync<Row>(
                new CommandDefinition(
                    Sql,
                    new
                    {
                        after.TxId,
                        after.Position,
                        Take = take,
                        Types = types,
                    },
                    tx,
                    cancellationToken: ct
                )
            )
        ).AsList();
        var events = rows.Select(r => new RecordedEvent(
                r.Position,
                r.OccurredAt.AsUtc(),
                r.Type.ToEnum<EventType>(),
                new Actor(r.ActorType.ToEnum<ActorType>(), r.ActorId),
                r.SubjectType.ToEnum<SubjectType>(),
                r.SubjectId,
                new Scope(r.ProjectId, r.PhaseId, r.DepartmentId),
                Parse(r.Before),
                Parse(r.After),
                Parse(r.Data)!.Value,
                r.TxId
            ))
            .ToList();
        return (events, rows.Count == 0 ? after : new EventCheckpoint(rows[^1].TxId, rows[^1].Position));
    }

    /// <summary>The checkpoint just after an event read by this reader.</summary>
    public static long TxIdOf(RecordedEvent e) => e.TxId;

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}

/// <summary>
/// A named consumer's checkpoint, kept in the database and moved in the transaction of the consumer's work, so what
/// it does for an event is done once. Taking it locks it: with several API instances one consumer runs at a time.
/// </summary>
public static class EventCheckpoints
{
    /// <summary>The consumer's checkpoint, locked until <paramref name="tx"/> ends (created at the start on first use).</summary>
    public static async Task<EventCheckpoint> TakeAsync(IDbConnection connection, IDbTransaction tx, string consumer, CancellationToken ct)
    {
        await connection.ExecuteAsync(
            new CommandDefinition(
                "INSERT INTO event_checkpoints (consumer) VALUES (@consumer) ON CONFLICT (city_id, consumer) DO NOTHING",
                new { consumer },
                tx,
                cancellationToken: ct
            )
        );
        return await connection.QuerySingleAsync<EventCheckpoint>(
            new CommandDefinition(
                "SELECT tx_id::text::bigint AS tx_id, position FROM event_checkpoints WHERE consumer = @consumer FOR UPDATE",
                new { consumer },
                tx,
                cancellationToken: ct
            )
        );
    }

    public static Task SaveAsync(
        IDbConnection connection,
        IDbTransaction tx,
        string consumer,
        EventCheckpoint checkpoint,
        CancellationToken ct
    ) =>
        connection.ExecuteAsync(
            new CommandDefinition(
                "UPDATE event_checkpoints SET tx_id = @TxId::text::xid8, position = @Position, updated_at = now() "
                    + "WHERE consumer = @consumer",
                new
                {
                    consumer,
                    checkpoint.TxId,
                    checkpoint.Position,
                },
                tx,
                cancellationToken: ct
            )
        );
}
