using Participation.Api.Features.Events;
using Participation.Api.Features.Ideas;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Votes;

/// <summary>Withdraw a vote while the phase is open: the tally and the caller's count move back in the same transaction.</summary>
public static class RemoveVote
{
    public sealed record Command(Guid ActorId, Guid IdeaId) : ICommand<VoteState>;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, VoteState>
    {
        // Returns whether a vote was removed.
        internal const string Sql = """
            WITH removed AS (DELETE FROM idea_votes WHERE phase_id = @PhaseId AND idea_id = @IdeaId AND user_id = @ActorId
                             RETURNING idea_id),
            slot AS (UPDATE phase_participants SET votes = votes - 1 WHERE phase_id = @PhaseId AND user_id = @ActorId
                     AND EXISTS (SELECT 1 FROM removed)),
            tally AS (UPDATE vote_tallies SET votes = votes - 1 WHERE phase_id = @PhaseId AND idea_id = @IdeaId
                      AND EXISTS (SELECT 1 FROM removed))
            SELECT EXISTS (SELECT 1 FROM removed);
            """;

        public async ValueTask<VoteState> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var (idea, phase, settings) = await IdeaAccess.LoadForActionAsync(
                connection,
                c.ActorId,
                c.IdeaId,
                ParticipationAction.Vote,
                PhaseMethod.Voting,
                tx,
                idea => idea,
                ct,
                limitTakenLater: true
            );
            if (
                await connection.ExecuteScalarAsync<bool>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            PhaseId = phase.Id,
                            c.IdeaId,
                            c.ActorId,
                        },
                        tx,
                        cancellationToken: ct
                    )
                )
            )
                await events.RecordAsync(
                    tx,
                    EventType.VoteRemoved,
                    Actor.User(c.ActorId),
                    c.IdeaId,
                    Scope.Phase(phase.Id, idea.ProjectId),
                    new { voted = true },
                    null,
                    ct: ct
                );
            var state = await Voting.StateAsync(connection, tx, c.ActorId, phase.Id, c.IdeaId, settings.VotesPerUser, ct);
            await tx.CommitAsync(ct);
            return state;
        }
    }

    [EndpointSummary("Withdraw your vote for an idea while the voting phase is open (repeating it changes nothing).")]
    public static ValueTask<VoteState> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id), ct);
}
