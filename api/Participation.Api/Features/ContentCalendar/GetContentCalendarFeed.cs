namespace Participation.Api.Features.ContentCalendar;

public static class GetContentCalendarFeed
{
    public sealed record Query(Guid ActorId) : IQuery<Response>;

    /// <param name="Active">The caller has a feed address.</param>
    /// <param name="CreatedAt">When it was created (null without one).</param>
    public sealed record Response(bool Active, DateTimeOffset? CreatedAt);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = "SELECT created_at FROM content_calendar_feeds WHERE user_id = @ActorId;";

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await ContentCalendarFeedAccess.RequireStaffAsync(connection, q.ActorId, ct);
            var at = await connection.QuerySingleOrDefaultAsync<DateTime?>(
                new CommandDefinition(Sql, new { q.ActorId }, cancellationToken: ct)
            );
            return new Response(at is not null, at.AsUtc());
        }
    }

    [EndpointSummary("Whether the caller has a private content calendar feed (staff); never its address.")]
    public static ValueTask<Response> Endpoint(Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId), ct);
}
