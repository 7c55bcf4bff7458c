using Participation.Api.Features.Events;

namespace Participation.Api.Features.ContentCalendar;

public static class CreateContentCalendarFeed
{
    public sealed record Command(Guid ActorId) : ICommand<Response>;

    /// <param name="Token">The secret token, shown once.</param>
    /// <param name="Path">The feed's path under the API's address (for calendar apps).</param>
    public sealed record Response(string Token, string Path);

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Response>
    {
        private const string Sql = """
            WITH previous AS (SELECT count(*) > 0 AS active FROM content_calendar_feeds WHERE user_id = @ActorId)
            INSERT INTO content_calendar_feeds (user_id, token_hash) VALUES (@ActorId, @Hash)
            ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = now()
            RETURNING (SELECT active FROM previous);
            """;

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await ContentCalendarFeedAccess.RequireStaffAsync(connection, c.ActorId, ct);
            var token = SecureTokens.New();
            await using var tx = await connection.BeginTransactionAsync(ct);
            var active = await connection.QuerySingleAsync<bool>(
                new CommandDefinition(Sql, new { c.ActorId, Hash = SecureTokens.Hash(token) }, tx, cancellationToken: ct)
            );
            await events.RecordAsync(
                tx,
                EventType.ContentCalendarFeedCreated,
                Actor.User(c.ActorId),
                c.ActorId,
                Scope.Platform,
                new { hasFeed = active },
                new { hasFeed = true },
                ct: ct
            );
            await tx.CommitAsync(ct);
            return new Response(token, ContentCalendarFeedAccess.Path(token));
        }
    }

    [EndpointSummary("Create (or rotate) the caller's private content calendar feed (staff); the address is shown once.")]
    public static ValueTask<Response> Endpoint(Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId), ct);
}
