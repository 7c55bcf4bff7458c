using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Content;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.CalendarEvents;

/// <summary>A project's staff, communication managers or admins create an event (platform-wide without a project: admins
/// and communication managers only).</summary>
public static class CreateCalendarEvent
{
    public sealed record Request(
        Guid? ProjectId,
        IReadOnlyDictionary<string, string>? Title,
        IReadOnlyDictionary<string, string>? Description,
        DateTimeOffset? StartsAt,
        DateTimeOffset? EndsAt,
        string? PlaceName,
        string? PlaceAddress,
        double? Latitude,
        double? Longitude,
        string? OnlineUrl,
        bool Registration,
        int? Capacity
    )
    {
        public CalendarEventFields Fields() =>
            new(Title, Description, StartsAt, EndsAt, PlaceName, PlaceAddress, Latitude, Longitude, OnlineUrl, Registration, Capacity);
    }

    public sealed record Command(Guid ActorId, Guid? ProjectId, CalendarEventFields Fields, string AppBaseUrl)
        : CalendarEventFieldsMessage(Fields),
            ICommand<CalendarEvent>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => Include(new CalendarEventFieldsRules<Command>());
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, CalendarEvent>
    {
        private const string Sql = """
            INSERT INTO calendar_events (id, slug, project_id, title, description, starts_at, ends_at, place_name, place_address,
                                         latitude, longitude, online_url, registration, capacity, created_by)
            VALUES (@Id, @Slug, @ProjectId, CAST(@Title AS jsonb), CAST(@Description AS jsonb), @StartsAt, @EndsAt, @PlaceName,
                    @PlaceAddress, @Latitude, @Longitude, @OnlineUrl, @Registration, @Capacity, @ActorId);
            """;

        private const string TakenSql = "SELECT slug FROM calendar_events WHERE slug = @Base OR slug LIKE @Prefix;";

        public async ValueTask<CalendarEvent> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await CalendarEventAccess.RequireWriterAsync(connection, c.ActorId, c.ProjectId, tx, ct);
            var id = Guid.CreateVersion7();
            var parameters = new DynamicParameters(CalendarEventColumns.Parameters(id, c));
            var slug = await Slugs.FreeAsync(connection, tx, "event", Slugs.From(c.Title, "event"), TakenSql, null, ct);
            parameters.AddDynamicParams(
                new
                {
                    c.ProjectId,
                    c.ActorId,
                    Slug = slug,
                }
            );
            await connection.ExecuteAsync(new CommandDefinition(Sql, parameters, tx, cancellationToken: ct));
            await events.RecordAsync(
                tx,
                EventType.CalendarEventCreated,
                Actor.User(c.ActorId),
                id,
                c.ProjectId is { } project ? Scope.Project(project) : Scope.Platform,
                before: null,
                after: CalendarEventColumns.Audit(c),
                data: new { title = c.Title },
                ct
            );
            var created = await GetCalendarEvent.ReadAsync(connection, tx, id, c.ActorId, c.AppBaseUrl, ct);
            await tx.CommitAsync(ct);
            return created!;
        }
    }

    [EndpointSummary("Create an event of a project, or platform-wide (the project's staff, communication managers, admins).")]
    public static async Task<Created<CalendarEvent>> Endpoint(
        Request body,
        Caller caller,
        CityAddresses addresses,
        ISender sender,
        CancellationToken ct
    )
    {
        var created = await sender.Send(new Command(caller.UserId, body.ProjectId, body.Fields(), addresses.Current.AppBaseUrl), ct);
        return TypedResults.Created($"/api/v1/events/{created.Id}", created);
    }
}
