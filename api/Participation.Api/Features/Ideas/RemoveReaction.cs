using Participation.Api.Features.Events;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Ideas;

/// <summary>
/// Removes the caller's reaction; the counters and the phase's per-person count move back in the same transaction.
/// The reaction row is locked first, so a removal racing the same person's switch removes whatever kind the switch
/// left (never a counter computed from a reaction that has changed meanwhile).
/// </summary>
public static class RemoveReaction
{
    public sealed record Command(Guid ActorId, Guid IdeaId) : ICommand<ReactionState>;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, ReactionState>
    {
        // Runs with the reaction row locked by this transaction; @Likes / @Dislikes: 1 for the removed kind.
        private const string RemoveSql = """
            DELETE FROM idea_reactions WHERE idea_id = @IdeaId AND user_id = @ActorId;
            UPDATE phase_participants SET reactions = greatest(reactions - 1, 0) WHERE phase_id = @PhaseId AND user_id = @ActorId;
            UPDATE ideas SET likes_count = likes_count - @Likes, dislikes_count = dislikes_count - @Dislikes
             WHERE id = @IdeaId
            RETURNING likes_count AS likes, dislikes_count AS dislikes, NULL::text AS my_reaction;
            """;

        private const string StateSql =
            "SELECT likes_count AS likes, dislikes_count AS dislikes, NULL::text AS my_reaction FROM ideas WHERE id = @IdeaId;";

        public async ValueTask<ReactionState> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var idea = (await IdeaAccess.LoadAsync(connection, c.ActorId, c.IdeaId, tx, ct)).RequireListed();
            var (phase, _) = await ActionPolicy.RequireAsync(
                connection,
                c.ActorId,
                idea.ProjectId,
                ParticipationAction.React,
                tx,
                ct,
                limitTakenLater: true
            );
            var current = await ReactionRow.LockAsync(connection, tx, c.IdeaId, c.ActorId, ct);
            var state = current is null
                ? (
                    await connection.QuerySingleAsync<ReactionState.Row>(
                        new CommandDefinition(StateSql, new { c.IdeaId }, tx, cancellationToken: ct)
                    )
                ).State
                : (
                    await connection.QuerySingleAsync<ReactionState.Row>(
                        new CommandDefinition(
                            RemoveSql,
                            new
                            {
                                c.IdeaId,
                                c.ActorId,
                                current.PhaseId,
                                Likes = current.Reaction == ReactionKind.Like ? 1 : 0,
                                Dislikes = current.Reaction == ReactionKind.Dislike ? 1 : 0,
                            },
                            tx,
                            cancellationToken: ct
                        )
                    )
                ).State;
            if (current is not null) // nothing to remove records nothing
                await events.RecordAsync(
                    tx,
                    EventType.IdeaReactionChanged,
                    Actor.User(c.ActorId),
                    c.IdeaId,
                    Scope.Phase(phase.Id, idea.ProjectId),
                    new { kind = current.Reaction },
                    null,
                    ct: ct
                );
            await tx.CommitAsync(ct);
            return state;
        }
    }

    [EndpointSummary("Remove your reaction to an idea (repeating it changes nothing).")]
    public static ValueTask<ReactionState> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id), ct);
}
