using System.Text.Json.Serialization;
using Dapper;
using FluentValidation;
using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Errors;
using Participation.Api.Infrastructure.OpenApi;
using Participation.Api.Infrastructure.Rules;
using Participation.Api.Infrastructure.Validation;

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
/// </summary>
public static class ReactToIdea
{
    public sealed record Request([property: JsonRequired] ReactionKind Kind);

    public sealed record Command(Guid ActorId, Guid IdeaId, ReactionKind Kind) : ICommand<ReactionState>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Kind).IsInEnum().WithMessage(_ => Messages.Get("reaction_kind"));
    }

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command, ReactionState>
    {
        private const string InsertSql = """
            INSERT INTO idea_reactions (idea_id, user_id, kind, phase_id) VALUES (@IdeaId, @ActorId, @Kind, @PhaseId)
            ON CONFLICT (idea_id, user_id) DO NOTHING RETURNING kind;
            """;

        private const string SwitchSql = """
            UPDATE idea_reactions SET kind = @Kind WHERE idea_id = @IdeaId AND user_id = @ActorId AND kind <> @Kind RETURNING kind;
            """;

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
            var (phase, settings) = await ActionPolicy.RequireAsync(connection, c.ActorId, idea.ProjectId, ParticipationAction.React, tx, ct, limitTakenLater: true);
            if (c.Kind == ReactionKind.Dislike && settings.Dislikes != true) throw new ConflictException(Messages.Get("dislikes_off"), "kind");

            var args = new { c.IdeaId, c.ActorId, Kind = c.Kind.ToWire(), PhaseId = phase.Id, Limit = settings.ReactionsPerUser };
            int likes, dislikes;
            if (await connection.ExecuteScalarAsync<string?>(new CommandDefinition(InsertSql, args, tx, cancellationToken: ct)) is not null)
            {
                if (await connection.ExecuteScalarAsync<int?>(new CommandDefinition(LimitSql, args, tx, cancellationToken: ct)) is null)
                    throw ActionPolicy.Refuse(ParticipationAction.React, RefusalReason.LimitReached);
                (likes, dislikes) = c.Kind == ReactionKind.Like ? (1, 0) : (0, 1);
            }
            else if (await connection.ExecuteScalarAsync<string?>(new CommandDefinition(SwitchSql, args, tx, cancellationToken: ct)) is not null)
                (likes, dislikes) = c.Kind == ReactionKind.Like ? (1, -1) : (-1, 1);
            else
                (likes, dislikes) = (0, 0); // already this kind: nothing changes

            var state = (await connection.QuerySingleAsync<ReactionState.Row>(new CommandDefinition(CountSql,
                new { c.IdeaId, Kind = c.Kind.ToWire(), Likes = likes, Dislikes = dislikes }, tx, cancellationToken: ct))).State;
            await tx.CommitAsync(ct);
            return state;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPut("/ideas/{id:guid}/reaction", (Guid id, Request body, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            sender.Send(new Command(user.UserId(), id, body.Kind), ct))
        .WithName(nameof(ReactToIdea))
        .WithSummary("Like or dislike an idea (replaces your previous reaction; repeating it changes nothing).")
        .ProducesProblems(400, 401, 403, 404, 409);
}

/// <summary>Removes the caller's reaction; the counters and the phase's per-person count move back in the same transaction.</summary>
public static class RemoveReaction
{
    public sealed record Command(Guid ActorId, Guid IdeaId) : ICommand<ReactionState>;

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command, ReactionState>
    {
        private const string Sql = """
            WITH removed AS (DELETE FROM idea_reactions WHERE idea_id = @IdeaId AND user_id = @ActorId RETURNING kind, phase_id),
            slot AS (UPDATE phase_participants pp SET reactions = greatest(pp.reactions - 1, 0)
                       FROM removed WHERE pp.phase_id = removed.phase_id AND pp.user_id = @ActorId),
            counted AS (UPDATE ideas i SET likes_count = i.likes_count - (removed.kind = 'like')::int, dislikes_count = i.dislikes_count - (removed.kind = 'dislike')::int
                          FROM removed WHERE i.id = @IdeaId
                        RETURNING i.likes_count, i.dislikes_count)
            SELECT coalesce((SELECT likes_count FROM counted), i.likes_count) AS likes,
                   coalesce((SELECT dislikes_count FROM counted), i.dislikes_count) AS dislikes, NULL::text AS my_reaction
              FROM ideas i WHERE i.id = @IdeaId;
            """;

        public async ValueTask<ReactionState> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var idea = (await IdeaAccess.LoadAsync(connection, c.ActorId, c.IdeaId, tx, ct)).RequireListed();
            await ActionPolicy.RequireAsync(connection, c.ActorId, idea.ProjectId, ParticipationAction.React, tx, ct, limitTakenLater: true);
            var state = (await connection.QuerySingleAsync<ReactionState.Row>(new CommandDefinition(Sql, new { c.IdeaId, c.ActorId }, tx, cancellationToken: ct))).State;
            await tx.CommitAsync(ct);
            return state;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapDelete("/ideas/{id:guid}/reaction", (Guid id, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            sender.Send(new Command(user.UserId(), id), ct))
        .WithName(nameof(RemoveReaction))
        .WithSummary("Remove your reaction to an idea (repeating it changes nothing).")
        .ProducesProblems(401, 403, 404);
}
