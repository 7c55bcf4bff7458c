using Participation.Api.Features.Events;

namespace Participation.Api.Features.ContentCalendar;

public static class RevokeContentCalendarFeed
{
    public sealed record Command(Guid ActorId) : ICommand;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = "DELETE FROM content_calendar_feeds WHERE user_id = @ActorId;";

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await ContentCalendarFeedAccess.RequireStaffAsync(connection, c.ActorId, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (await connection.ExecuteAsync(new CommandDefinition(Sql, new { c.ActorId }, tx, cancellationToken: ct)) == 1)
                await events.RecordAsync(
                    tx,
                    EventType.ContentCalendarFeedRevoked,
                    Actor.User(c.ActorId),
                    c.ActorId,
                    Scope.Platform,
                    new { hasFeed = true },
                    new { hasFeed = false },
                    ct: ct
                );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Revoke the caller's private content calendar feed (staff): its address stops working.")]
    public static async Task<NoContent> Endpoint(Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId), ct);
        return TypedResults.NoContent();
    }
}
