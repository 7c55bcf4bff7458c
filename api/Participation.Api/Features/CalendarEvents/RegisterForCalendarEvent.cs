using Participation.Api.Features.Events;

namespace Participation.Api.Features.CalendarEvents;

/// <summary>
/// A signed-in resident registers for an event; when it is full, they go on the waiting list. Under the event's row lock,
/// so parallel registrations never exceed the capacity; the (event, person) key makes a repeated request change nothing.
/// </summary>
public static class RegisterForCalendarEvent
{
    public sealed record Command(Guid ActorId, Guid Id) : ICommand<MyRegistration>;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, MyRegistration>
    {
        private const string LockSql = $"""
            SELECT e.project_id, e.status, e.registration, e.ends_at <= now() AS over
              FROM calendar_events e LEFT JOIN projects p ON p.id = e.project_id
             WHERE e.id = @Id AND {CalendarEventRows.IsPublic}
               FOR UPDATE OF e;
            """;

        private const string InsertSql = """
            WITH added AS (
                INSERT INTO calendar_event_registrations (event_id, user_id, status)
                SELECT e.id, @ActorId,
                       CASE WHEN e.capacity IS NULL OR e.registered_count < e.capacity THEN 'registered' ELSE 'waiting' END
                  FROM calendar_events e WHERE e.id = @Id
                ON CONFLICT (event_id, user_id) DO NOTHING
                RETURNING status),
            counted AS (
                UPDATE calendar_events SET
                       registered_count = registered_count + (SELECT count(*) FROM added WHERE status = 'registered'),
                       waiting_count = waiting_count + (SELECT count(*) FROM added WHERE status = 'waiting')
                 WHERE id = @Id AND EXISTS (SELECT 1 FROM added))
            SELECT status FROM added;
            """;

        private const string MineSql = """
            SELECT r.status, CASE WHEN r.status = 'waiting' THEN (SELECT count(*) FROM calendar_event_registrations w
                   WHERE w.event_id = r.event_id AND w.status = 'waiting' AND w.seq <= r.seq) END AS position
              FROM calendar_event_registrations r WHERE r.event_id = @Id AND r.user_id = @ActorId;
            """;

        private sealed record Locked(Guid? ProjectId, string Status, bool Registration, bool Over);

        private sealed record Mine(string Status, long? Position);

        public async ValueTask<MyRegistration> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var ev = await connection.QuerySingleOrDefaultAsync<Locked>(new CommandDefinition(LockSql, c, tx, cancellationToken: ct))
                ?? throw new NotFoundException("No such event.");
            if (ev.Status == "cancelled")
                throw new ConflictException("This event is cancelled.");
            if (!ev.Registration)
                throw new ConflictException("This event takes no registrations.");
            if (ev.Over)
                throw new ConflictException("This event is over.");
            var added = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(InsertSql, c, tx, cancellationToken: ct));
            if (added is not null)
                await events.RecordAsync(
                    tx,
                    EventType.CalendarEventRegistered,
                    Actor.User(c.ActorId),
                    c.Id,
                    ev.ProjectId is { } project ? Scope.Project(project) : Scope.Platform,
                    before: null,
                    after: new { status = added },
                    data: null,
                    ct
                );
            var mine = await connection.QuerySingleAsync<Mine>(new CommandDefinition(MineSql, c, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return new MyRegistration(mine.Status.ToEnum<RegistrationStatus>(), (int?)mine.Position);
        }
    }

    [EndpointSummary("Register for an event (signed-in residents); when it is full, join the waiting list. Repeating it changes nothing.")]
    public static ValueTask<MyRegistration> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id), ct);
}
