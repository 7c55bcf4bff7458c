using Participation.Api.Features.Events;

namespace Participation.Api.Features.Ideas;

/// <summary>Follow a public idea to hear about its status changes and official feedback (repeating it changes nothing).</summary>
public static class FollowIdea
{
    public sealed record Command(Guid ActorId, Guid IdeaId) : ICommand;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql =
            "INSERT INTO idea_follows (idea_id, user_id) VALUES (@IdeaId, @ActorId) ON CONFLICT DO NOTHING RETURNING true;";

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var idea = (await IdeaAccess.LoadAsync(connection, c.ActorId, c.IdeaId, tx, ct)).RequireListed();
            // Already following (or a parallel follow got there first): nothing new, no event.
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Sql, c, tx, cancellationToken: ct)))
                await events.RecordAsync(
                    tx,
                    EventType.IdeaFollowed,
                    Actor.User(c.ActorId),
                    c.IdeaId,
                    new Scope(idea.ProjectId, idea.PhaseId),
                    null,
                    new { following = true },
                    ct: ct
                );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Follow an idea.")]
    public static async Task<NoContent> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id), ct);
        return TypedResults.NoContent();
    }
}
