using System.Data;
using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.CalendarEvents;

/// <summary>
/// The waiting list: when places free up (someone cancels, the capacity grows), the first waiting people are registered in
/// the same transaction, under the event's row lock held by the caller, and told by e-mail through the outbox.
/// </summary>
internal static class CalendarEventQueue
{
    private const string PromoteSql = """
        WITH free AS (
            SELECT CASE WHEN e.capacity IS NULL THEN 2147483647 ELSE greatest(e.capacity - e.registered_count, 0) END AS n
              FROM calendar_events e WHERE e.id = @EventId AND e.status = 'scheduled' AND e.registration),
        promoted AS (
            UPDATE calendar_event_registrations r SET status = 'registered', reminder_sent_at = NULL
             WHERE r.event_id = @EventId
               AND r.user_id IN (SELECT w.user_id FROM calendar_event_registrations w
                                  WHERE w.event_id = @EventId AND w.status = 'waiting'
                                  ORDER BY w.seq LIMIT (SELECT n FROM free))
            RETURNING r.user_id),
        moved AS (
            UPDATE calendar_events SET registered_count = registered_count + (SELECT count(*) FROM promoted),
                   waiting_count = waiting_count - (SELECT count(*) FROM promoted)
             WHERE id = @EventId AND EXISTS (SELECT 1 FROM promoted))
        SELECT user_id FROM promoted;
        """;

    /// <summary>Registers the first waiting people as far as places allow; returns who.</summary>
    public static async Task<Guid[]> PromoteAsync(
        IDbConnection connection,
        IDbTransaction tx,
        Guid eventId,
        Scope scope,
        CalendarEventEmails emails,
        EventRecorder events,
        CancellationToken ct
    )
    {
        var promoted = (
            await connection.QueryAsync<Guid>(new CommandDefinition(PromoteSql, new { EventId = eventId }, tx, cancellationToken: ct))
        ).ToArray();
        foreach (var r in await CalendarEventEmails.RecipientsAsync(connection, tx, eventId, promoted, ct))
        {
            await Outbox.EnqueueAsync(connection, tx, emails.Promoted(r), ct);
            await events.RecordAsync(
                tx,
                EventType.CalendarEventPromoted,
                Actor.System,
                eventId,
                scope,
                before: new { status = "waiting" },
                after: new { status = "registered" },
                data: new { userId = r.UserId },
                ct
            );
        }
        return promoted;
    }
}
