using System.Text.Json.Serialization;
using Participation.Api.Features.Events;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Ideas;

/// <summary>The idea's counters and the caller's reaction after a change.</summary>
public sealed record ReactionState(int Likes, int Dislikes, ReactionKind? MyReaction)
{
    /// <summary>As the database returns it.</summary>
    internal sealed record Row(int Likes, int Dislikes, string? MyReaction)
    {
        public ReactionState State => new(Likes, Dislikes, MyReaction.ToEnumOrNull<ReactionKind>());
    }
}

/// <summary>
/// Like (or dislike, when the phase allows it) an idea: one reaction per person per idea (primary key),
/// switching kinds or setting the same kind again is safe to repeat, the per-person limit of the phase is
/// taken atomically with the reaction, and the idea's counters move in the same transaction.
/// Concurrency: the person's reaction row is locked first (<see cref="ReactionRow"/>), so a parallel switch and
/// removal by the same person run one after the other, each computing its counter changes from the reaction it
/// actually changed; the counters move by relative single-table updates.
/// </summary>
public static class ReactToIdea
{
    public sealed record Request([property: JsonRequired] ReactionKind Kind);

    public sealed record Command(Guid ActorId, Guid IdeaId, ReactionKind Kind) : ICommand<ReactionState>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Kind).IsInEnum().WithMessage(_ => Messages.Get("reaction_kind"));
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, ReactionState>
    {
        private const string InsertSql = """
            INSERT INTO idea_reactions (idea_id, user_id, kind, phase_id) VALUES (@IdeaId, @ActorId, @Kind, @PhaseId)
            ON CONFLICT (idea_id, user_id) DO NOTHING RETURNING kind;
            """;

        private const string SwitchSql = "UPDATE idea_reactions SET kind = @Kind WHERE idea_id = @IdeaId AND user_id = @ActorId;";

        private const string LimitSql = """
            INSERT INTO phase_participants AS pp (phase_id, user_id, reactions) VALUES (@PhaseId, @ActorId, 1)
            ON CONFLICT (phase_id, user_id) DO UPDATE SET reactions = pp.reactions + 1 WHERE @Limit::int IS NULL OR pp.reactions < @Limit
            RETURNING pp.reactions;
            """;

        // @Likes / @Dislikes: the change to each counter (+1, 0 or −1).
        private const string CountSql = """
            UPDATE ideas SET likes_count = likes_count + @Likes, dislikes_count = dislikes_count + @Dislikes
             WHERE id = @IdeaId
            RETURNING likes_count AS likes, dislikes_count AS dislikes, @Kind::text AS my_reaction;
            """;

        public async ValueTask<ReactionState> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var idea = (await IdeaAccess.LoadAsync(connection, c.ActorId, c.IdeaId, tx, ct)).RequireListed();
            var (phase, settings) = await ActionPolicy.RequireAsync(
                connection,
                c.ActorId,
                idea.ProjectId,
                ParticipationAction.React,
                tx,
                ct,
                limitTakenLater: true
            );
            if (c.Kind == ReactionKind.Dislike && settings.Dislikes != true)
                throw new ConflictException(Messages.Get("dislikes_off"), "kind");

            var args = new
            {
                c.IdeaId,
                c.ActorId,
                Kind = c.Kind.ToWire(),
                PhaseId = phase.Id,
                Limit = settings.ReactionsPerUser,
            };
            int likes,
                dislikes;
            // No reaction yet: insert one. When the same person's parallel request inserted it first, this insert waits
            // for it and does nothing: lock the row it made and go on as a switch (or insert again if it is gone).
            var current = await ReactionRow.LockAsync(connection, tx, c.IdeaId, c.ActorId, ct);
            var inserted = false;
            while (current is null && !inserted)
            {
                inserted =
                    await connection.ExecuteScalarAsync<string?>(new CommandDefinition(InsertSql, args, tx, cancellationToken: ct))
                        is not null;
                if (!inserted)
                    current = await ReactionRow.LockAsync(connection, tx, c.IdeaId, c.ActorId, ct);
            }
            if (inserted)
            {
                if (await connection.ExecuteScalarAsync<int?>(new CommandDefinition(LimitSql, args, tx, cancellationToken: ct)) is null)
                    throw ActionPolicy.Refuse(ParticipationAction.React, RefusalReason.LimitReached);
                (likes, dislikes) = c.Kind == ReactionKind.Like ? (1, 0) : (0, 1);
            }
            else if (current!.Reaction != c.Kind)
            {
                await connection.ExecuteAsync(new CommandDefinition(SwitchSql, args, tx, cancellationToken: ct));
                (likes, dislikes) = c.Kind == ReactionKind.Like ? (1, -1) : (-1, 1);
            }
            else
                (likes, dislikes) = (0, 0); // already this kind: nothing changes

            var state = (
                await connection.QuerySingleAsync<ReactionState.Row>(
                    new CommandDefinition(
                        CountSql,
                        new
                        {
                            c.IdeaId,
                            Kind = c.Kind.ToWire(),
                            Likes = likes,
                            Dislikes = dislikes,
                        },
                        tx,
                        cancellationToken: ct
                    )
                )
            ).State;
            if (inserted || current!.Reaction != c.Kind)
                await events.RecordAsync(
                    tx,
                    EventType.IdeaReactionChanged,
                    Actor.User(c.ActorId),
                    c.IdeaId,
                    Scope.Phase(phase.Id, idea.ProjectId),
                    inserted ? null : new { kind = current!.Reaction },
                    new { kind = c.Kind },
                    ct: ct
                );
            await tx.CommitAsync(ct);
            return state;
        }
    }

    [EndpointSummary("Like or dislike an idea (replaces your previous reaction; repeating it changes nothing).")]
    public static ValueTask<ReactionState> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, body.Kind), ct);
}

/// <summary>
/// A person's reaction to an idea, locked for the rest of the transaction. In READ COMMITTED, a lock that waited for
/// a concurrent change returns the row as that change left it (or nothing when it was deleted), and every later
/// statement sees that change: the caller computes its counter changes from the reaction it actually holds.
/// </summary>
internal sealed record ReactionRow(string Kind, Guid? PhaseId)
{
    public ReactionKind Reaction => Kind.ToEnum<ReactionKind>();

    private const string Sql = "SELECT kind, phase_id FROM idea_reactions WHERE idea_id = @IdeaId AND user_id = @ActorId FOR UPDATE;";

    public static Task<ReactionRow?> LockAsync(
        System.Data.IDbConnection connection,
        System.Data.IDbTransaction tx,
        Guid ideaId,
        Guid actorId,
        CancellationToken ct
    ) =>
        connection.QuerySingleOrDefaultAsync<ReactionRow>(
            new CommandDefinition(Sql, new { IdeaId = ideaId, ActorId = actorId }, tx, cancellationToken: ct)
        );
}
