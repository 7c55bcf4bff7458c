using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Users;

/// <summary>An admin ends a block early.</summary>
public static class UnblockUser
{
    public sealed record Command(Guid ActorId, Guid UserId) : ICommand;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = "DELETE FROM user_blocks WHERE user_id = @UserId RETURNING until, reason;";

        private sealed record Removed(DateTime Until, string Reason);

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, null, ct))
                throw new ForbiddenException();
            await using var tx = await connection.BeginTransactionAsync(ct);
            // No block, nothing to record: ending a block is idempotent.
            if (
                await connection.QuerySingleOrDefaultAsync<Removed>(new CommandDefinition(Sql, c, tx, cancellationToken: ct)) is { } removed
            )
                await events.RecordAsync(
                    tx,
                    EventType.UserUnblocked,
                    Actor.User(c.ActorId),
                    c.UserId,
                    Scope.Platform,
                    before: new { until = removed.Until.AsUtc(), reason = removed.Reason },
                    after: new { until = (DateTimeOffset?)null, reason = (string?)null },
                    ct: ct
                );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("End a user's block early (admin).")]
    public static async Task<NoContent> Endpoint(Guid userId, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, userId), ct);
        return TypedResults.NoContent();
    }
}
