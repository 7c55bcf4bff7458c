using Participation.Api.Features.Events;

namespace Participation.Api.Features.Ideas;

/// <summary>Stop following an idea (repeating it changes nothing).</summary>
public static class UnfollowIdea
{
    public sealed record Command(Guid ActorId, Guid IdeaId) : ICommand;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = "DELETE FROM idea_follows WHERE idea_id = @IdeaId AND user_id = @ActorId RETURNING true;";

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var idea = await IdeaAccess.LoadAsync(connection, c.ActorId, c.IdeaId, tx, ct);
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Sql, c, tx, cancellationToken: ct)))
                await events.RecordAsync(
                    tx,
                    EventType.IdeaUnfollowed,
                    Actor.User(c.ActorId),
                    c.IdeaId,
                    new Scope(idea.ProjectId, idea.PhaseId),
                    new { following = true },
                    null,
                    ct: ct
                );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Stop following an idea.")]
    public static async Task<NoContent> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id), ct);
        return TypedResults.NoContent();
    }
}
