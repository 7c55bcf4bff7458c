using System.Data;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.CalendarEvents;

/// <summary>One event: everybody reads those of public projects and platform-wide ones; the writers also those of drafts.</summary>
public static class GetCalendarEvent
{
    public sealed record Query(Guid Id, Guid? ActorId, string AppBaseUrl) : IQuery<CalendarEvent>;

    private const string Sql = $"""
        SELECT {CalendarEventRows.Columns}
          FROM {CalendarEventRows.From}
         WHERE e.id = @Id AND ({CalendarEventRows.IsPublic} OR {CalendarEventRows.CanWrite});
        """;

    /// <summary>The event as the caller sees it, or null when they may not see it.</summary>
    internal static async Task<CalendarEvent?> ReadAsync(
        IDbConnection connection,
        IDbTransaction? tx,
        Guid id,
        Guid? actorId,
        string appBaseUrl,
        CancellationToken ct
    ) =>
        (
            await connection.QuerySingleOrDefaultAsync<CalendarEventRows.Row>(
                new CommandDefinition(Sql, new { Id = id, ActorId = actorId }, tx, cancellationToken: ct)
            )
        )?.ToEvent(appBaseUrl, RequestLanguage.Asked);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, CalendarEvent>
    {
        public async ValueTask<CalendarEvent> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            return await ReadAsync(connection, null, q.Id, q.ActorId, q.AppBaseUrl, ct) ?? throw new NotFoundException("No such event.");
        }
    }

    [EndpointSummary("One event, with the caller's registration and the places left (public events: everyone).")]
    public static ValueTask<CalendarEvent> Endpoint(
        Guid id,
        Caller caller,
        CityAddresses addresses,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Query(id, caller.UserIdOrNull, addresses.Current.AppBaseUrl), ct);
}
