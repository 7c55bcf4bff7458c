using Participation.Api.Features.Events;

namespace Participation.Api.Features.CalendarEvents;

/// <summary>A resident cancels their own registration (or leaves the waiting list); a freed place goes to the first
/// waiting person in the same transaction, who is told by e-mail.</summary>
public static class CancelCalendarEventRegistration
{
    public sealed record Command(Guid ActorId, Guid Id) : ICommand;

    public sealed class Handler(CityDb db, EventRecorder events, CalendarEventEmails emails) : ICommandHandler<Command>
    {
        private const string LockSql = $"""
            SELECT e.project_id, true AS found
              FROM calendar_events e LEFT JOIN projects p ON p.id = e.project_id
             WHERE e.id = @Id AND {CalendarEventRows.IsPublic}
               FOR UPDATE OF e;
            """;

        private const string DeleteSql = """
            WITH removed AS (
                DELETE FROM calendar_event_registrations WHERE event_id = @Id AND user_id = @ActorId RETURNING status),
            counted AS (
                UPDATE calendar_events SET
                       registered_count = registered_count - (SELECT count(*) FROM removed WHERE status = 'registered'),
                       waiting_count = waiting_count - (SELECT count(*) FROM removed WHERE status = 'waiting')
                 WHERE id = @Id AND EXISTS (SELECT 1 FROM removed))
            SELECT status FROM removed;
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var project = await connection.QuerySingleOrDefaultAsync<(Guid? ProjectId, bool Found)>(
                new CommandDefinition(LockSql, c, tx, cancellationToken: ct)
            );
            if (!project.Found)
                throw new NotFoundException("No such event.");
            var removed = await connection.QuerySingleOrDefaultAsync<string?>(
                new CommandDefinition(DeleteSql, c, tx, cancellationToken: ct)
            );
            if (removed is null)
                throw new NotFoundException("You are not registered for this event.");
            var scope = project.ProjectId is { } p ? Scope.Project(p) : Scope.Platform;
            await events.RecordAsync(
                tx,
                EventType.CalendarEventRegistrationCancelled,
                Actor.User(c.ActorId),
                c.Id,
                scope,
                before: new { status = removed },
                after: null,
                data: null,
                ct
            );
            if (removed == "registered")
                await CalendarEventQueue.PromoteAsync(connection, tx, c.Id, scope, emails, events, ct);
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Cancel one's own registration or leave the waiting list (the first waiting person takes the place).")]
    public static async Task<NoContent> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id), ct);
        return TypedResults.NoContent();
    }
}
