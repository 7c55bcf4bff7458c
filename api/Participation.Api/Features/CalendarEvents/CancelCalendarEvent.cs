using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.CalendarEvents;

/// <summary>The event's writers cancel it, with an optional reason; everyone registered or waiting is told by e-mail in the
/// same transaction. The event stays readable, marked cancelled; cancelling it again changes nothing.</summary>
public static class CancelCalendarEvent
{
    public sealed record Request(string? Reason);

    public sealed record Command(Guid ActorId, Guid Id, string? Reason, string AppBaseUrl) : ICommand<CalendarEvent>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).PlainText(1000);
    }

    public sealed class Handler(CityDb db, EventRecorder events, CalendarEventEmails emails) : ICommandHandler<Command, CalendarEvent>
    {
        private const string Sql = """
            UPDATE calendar_events SET status = 'cancelled', cancelled_at = now(), cancellation_reason = @Reason, updated_at = now()
             WHERE id = @Id;
            """;

        private const string PeopleSql = "SELECT user_id FROM calendar_event_registrations WHERE event_id = @Id;";

        public async ValueTask<CalendarEvent> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var ev = await CalendarEventAccess.LockForWriterAsync(connection, c.ActorId, c.Id, tx, ct);
            if (ev.Status != "cancelled")
            {
                var reason = string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim();
                await connection.ExecuteAsync(new CommandDefinition(Sql, new { c.Id, Reason = reason }, tx, cancellationToken: ct));
                var people = (
                    await connection.QueryAsync<Guid>(new CommandDefinition(PeopleSql, new { c.Id }, tx, cancellationToken: ct))
                ).ToArray();
                foreach (var r in await CalendarEventEmails.RecipientsAsync(connection, tx, c.Id, people, ct))
                    await Outbox.EnqueueAsync(connection, tx, emails.Cancelled(r), ct);
                await events.RecordAsync(
                    tx,
                    EventType.CalendarEventCancelled,
                    Actor.User(c.ActorId),
                    c.Id,
                    ev.ProjectId is { } project ? Scope.Project(project) : Scope.Platform,
                    before: new { status = "scheduled" },
                    after: new { status = "cancelled" },
                    data: new { reason, notified = people.Length },
                    ct
                );
            }
            var cancelled = await GetCalendarEvent.ReadAsync(connection, tx, c.Id, c.ActorId, c.AppBaseUrl, ct);
            await tx.CommitAsync(ct);
            return cancelled!;
        }
    }

    [EndpointSummary("Cancel an event (its writers); registrants are e-mailed. Repeating it changes nothing.")]
    public static ValueTask<CalendarEvent> Endpoint(
        Guid id,
        Request body,
        Caller caller,
        CityAddresses addresses,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Command(caller.UserId, id, body.Reason, addresses.Current.AppBaseUrl), ct);
}
