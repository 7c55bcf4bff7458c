using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.CalendarEvents;

/// <summary>The event's writers replace its fields. A larger capacity registers waiting people at once (told by e-mail); a
/// capacity below the people registered is refused; a new start time sends the reminder again.</summary>
public static class UpdateCalendarEvent
{
    public sealed record Command(Guid ActorId, Guid Id, CalendarEventFields Fields, string AppBaseUrl)
        : CalendarEventFieldsMessage(Fields),
            ICommand<CalendarEvent>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => Include(new CalendarEventFieldsRules<Command>());
    }

    public sealed class Handler(CityDb db, EventRecorder events, CalendarEventEmails emails) : ICommandHandler<Command, CalendarEvent>
    {
        private const string BeforeSql = """
            SELECT title::text AS title, starts_at, ends_at, place_name, place_address, latitude, longitude, online_url,
                   registration, capacity, registered_count
              FROM calendar_events WHERE id = @Id;
            """;

        private const string Sql = """
            UPDATE calendar_events
               SET title = CAST(@Title AS jsonb), description = CAST(@Description AS jsonb), starts_at = @StartsAt,
                   ends_at = @EndsAt, place_name = @PlaceName, place_address = @PlaceAddress, latitude = @Latitude,
                   longitude = @Longitude, online_url = @OnlineUrl, registration = @Registration, capacity = @Capacity,
                   updated_at = now()
             WHERE id = @Id;
            """;

        private const string ResetRemindersSql = "UPDATE calendar_event_registrations SET reminder_sent_at = NULL WHERE event_id = @Id;";

        private sealed record Before(
            string Title,
            DateTime StartsAt,
            DateTime EndsAt,
            string? PlaceName,
            string? PlaceAddress,
            double? Latitude,
            double? Longitude,
            string? OnlineUrl,
            bool Registration,
            int? Capacity,
            int RegisteredCount
        );

        public async ValueTask<CalendarEvent> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var ev = await CalendarEventAccess.LockForWriterAsync(connection, c.ActorId, c.Id, tx, ct);
            if (ev.Status == "cancelled")
                throw new ConflictException("A cancelled event cannot be changed.");
            var before = await connection.QuerySingleAsync<Before>(
                new CommandDefinition(BeforeSql, new { c.Id }, tx, cancellationToken: ct)
            );
            if (c.Capacity is { } capacity && capacity < before.RegisteredCount)
                throw new ValidationException([
                    new FluentValidation.Results.ValidationFailure("capacity", Messages.Get("event_capacity_below_registered")),
                ]);
            await connection.ExecuteAsync(new CommandDefinition(Sql, CalendarEventColumns.Parameters(c.Id, c), tx, cancellationToken: ct));
            if (before.StartsAt != c.StartsAt!.Value.UtcDateTime)
                await connection.ExecuteAsync(new CommandDefinition(ResetRemindersSql, new { c.Id }, tx, cancellationToken: ct));
            var scope = ev.ProjectId is { } project ? Scope.Project(project) : Scope.Platform;
            var previous = new Dictionary<string, object?>
            {
                ["title"] = LocalizedText.FromJson(before.Title),
                ["startsAt"] = before.StartsAt.AsUtc(),
                ["endsAt"] = before.EndsAt.AsUtc(),
                ["placeName"] = before.PlaceName,
                ["placeAddress"] = before.PlaceAddress,
                ["latitude"] = before.Latitude,
                ["longitude"] = before.Longitude,
                ["onlineUrl"] = before.OnlineUrl,
                ["registration"] = before.Registration,
                ["capacity"] = before.Capacity,
            };
            await events.RecordAsync(
                tx,
                EventType.CalendarEventUpdated,
                Actor.User(c.ActorId),
                c.Id,
                scope,
                previous,
                CalendarEventColumns.Audit(c),
                data: new { title = c.Title },
                ct
            );
            await CalendarEventQueue.PromoteAsync(connection, tx, c.Id, scope, emails, events, ct);
            var updated = await GetCalendarEvent.ReadAsync(connection, tx, c.Id, c.ActorId, c.AppBaseUrl, ct);
            await tx.CommitAsync(ct);
            return updated!;
        }
    }

    [EndpointSummary("Replace an event's fields (the project's staff, communication managers, admins).")]
    public static ValueTask<CalendarEvent> Endpoint(
        Guid id,
        CalendarEventFields body,
        Caller caller,
        CityAddresses addresses,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Command(caller.UserId, id, body, addresses.Current.AppBaseUrl), ct);
}
