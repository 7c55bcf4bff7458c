using Participation.Api.Features.Events;
using Participation.Api.Features.Users;
using Participation.Api.Infrastructure.Storage;

namespace Participation.Api.Features.Me;

/// <summary>Removes the signed-in person's avatar (their initials show instead); its file goes after the commit. Without one:
/// nothing happens, nothing is recorded.</summary>
public static class RemoveMyAvatar
{
    public sealed record Command(Guid ActorId) : ICommand;

    public sealed class Handler(CityDb db, IFileStorage storage, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = """
            UPDATE users u SET avatar_key = NULL, updated_at = now()
              FROM (SELECT id, avatar_key FROM users WHERE id = @ActorId AND avatar_key IS NOT NULL FOR UPDATE) old
             WHERE u.id = old.id
            RETURNING old.avatar_key;
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var old = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(Sql, c, tx, cancellationToken: ct));
            if (old is not null)
                await events.RecordAsync(
                    tx,
                    EventType.UserProfileEdited,
                    Actor.User(c.ActorId),
                    c.ActorId,
                    Scope.Platform,
                    new { avatar = old },
                    new { avatar = (string?)null },
                    ct: ct
                );
            await tx.CommitAsync(ct);
            if (old is not null)
                await storage.DeleteAsync(Avatars.StorageKey(old), CancellationToken.None);
            return Unit.Value;
        }
    }

    [EndpointSummary("Remove your avatar (your initials are shown instead).")]
    public static async Task<IResult> Endpoint(Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId), ct);
        return TypedResults.NoContent();
    }
}
