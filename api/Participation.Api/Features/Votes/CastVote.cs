using System.Data;
using Participation.Api.Features.Events;
using Participation.Api.Features.Ideas;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Votes;

/// <summary>The caller's votes in a voting phase after a change.</summary>
public sealed record VoteState(Guid PhaseId, Guid IdeaId, bool Voted, int? VotesPerUser, int Used, int? Left);

internal static class Voting
{
    /// <summary>Ideas that can be voted on: public ones the city has not turned down or already done.</summary>
    public static IdeaAccess RequireVotable(IdeaAccess idea) =>
        idea.Listed && idea.Status is not (IdeaStatus.Rejected or IdeaStatus.Implemented)
            ? idea
            : throw new ConflictException(Messages.Get("not_votable"));

    internal const string StateSql = """
        SELECT coalesce((SELECT votes FROM phase_participants WHERE phase_id = @PhaseId AND user_id = @ActorId), 0) AS used,
               EXISTS (SELECT 1 FROM idea_votes WHERE phase_id = @PhaseId AND idea_id = @IdeaId AND user_id = @ActorId) AS voted;
        """;

    private sealed record Row(int Used, bool Voted);

    public static async Task<VoteState> StateAsync(
        IDbConnection connection,
        IDbTransaction tx,
        Guid actorId,
        Guid phaseId,
        Guid ideaId,
        int? limit,
        CancellationToken ct
    )
    {
        var r = await connection.QuerySingleAsync<Row>(
            new CommandDefinition(
                StateSql,
                new
                {
                    PhaseId = phaseId,
                    ActorId = actorId,
                    IdeaId = ideaId,
                },
                tx,
                cancellationToken: ct
            )
        );
        return new VoteState(phaseId, ideaId, r.Voted, limit, r.Used, limit is { } l ? Math.Max(0, l - r.Used) : null);
    }
}

/// <summary>
/// Vote for an idea in the project's voting phase: one vote per person per idea (primary key), at most the
/// phase's number of votes per person (taken by a conditional upsert, never check-then-insert), the idea's
/// tally moved in the same transaction. Voting again for the same idea changes nothing.
/// </summary>
public static class CastVote
{
    public sealed record Command(Guid ActorId, Guid IdeaId) : ICommand<VoteState>;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, VoteState>
    {
        internal const string InsertSql = """
            INSERT INTO idea_votes (phase_id, idea_id, user_id) VALUES (@PhaseId, @IdeaId, @ActorId)
            ON CONFLICT DO NOTHING RETURNING idea_id;
            """;

        internal const string LimitSql = """
            INSERT INTO phase_participants AS pp (phase_id, user_id, votes) VALUES (@PhaseId, @ActorId, 1)
            ON CONFLICT (phase_id, user_id) DO UPDATE SET votes = pp.votes + 1 WHERE @Limit::int IS NULL OR pp.votes < @Limit
            RETURNING pp.votes;
            """;

        internal const string TallySql = """
            INSERT INTO vote_tallies AS t (phase_id, idea_id, votes) VALUES (@PhaseId, @IdeaId, 1)
            ON CONFLICT (phase_id, idea_id) DO UPDATE SET votes = t.votes + 1;
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
                Voting.RequireVotable,
                ct,
                limitTakenLater: true
            );
            var args = new
            {
                PhaseId = phase.Id,
                c.IdeaId,
                c.ActorId,
                Limit = settings.VotesPerUser,
            };
            if (await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(InsertSql, args, tx, cancellationToken: ct)) is not null)
            {
                if (await connection.ExecuteScalarAsync<int?>(new CommandDefinition(LimitSql, args, tx, cancellationToken: ct)) is null)
                    throw ActionPolicy.Refuse(ParticipationAction.Vote, RefusalReason.LimitReached);
                await connection.ExecuteAsync(new CommandDefinition(TallySql, args, tx, cancellationToken: ct));
                // Voting again for the same idea inserts nothing: no event.
                await events.RecordAsync(
                    tx,
                    EventType.VoteCast,
                    Actor.User(c.ActorId),
                    c.IdeaId,
                    Scope.Phase(phase.Id, idea.ProjectId),
                    null,
                    new { voted = true },
                    ct: ct
                );
            }
            var state = await Voting.StateAsync(connection, tx, c.ActorId, phase.Id, c.IdeaId, settings.VotesPerUser, ct);
            await tx.CommitAsync(ct);
            return state;
        }
    }

    [EndpointSummary("Vote for an idea in the project's voting phase (repeating it changes nothing); returns your votes left.")]
    public static ValueTask<VoteState> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id), ct);
}
