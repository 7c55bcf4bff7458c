using Dapper;
using Npgsql;
using Participation.Api.Features.Budgets;
using Participation.Api.Features.Events;
using Participation.Api.Features.Ideas;
using Participation.Api.Features.Phases;
using Participation.Api.Features.Votes;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Infrastructure.Enums;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Bench.Host;

/// <summary>
/// The benchmark's bare baselines (<c>make bench</c>, README "Benchmarks"): each runs the same SQL constants as
/// the real handler, with Dapper straight on the city's connections (<see cref="CityDb"/>: the API's role, row-level
/// security on, as the handlers' statements run), and answers roughly the same
/// JSON, but with no authentication, validation, mediator or participation policy; writes record the same event
/// through the same recorder. The actor (and, for writes, the phase) comes from the query string. Mapped by the
/// benchmark's host only (never by the API itself), anonymous, and left out of the OpenAPI document.
/// </summary>
public static class BaselineEndpoints
{
    public static IEndpointRouteBuilder MapBaselineEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/bench").AllowAnonymous().ExcludeFromDescription();
        g.MapGet("/projects/{id:guid}/ideas", ListIdeasAsync);
        g.MapGet("/ideas/{id:guid}", GetIdeaAsync);
        g.MapPut("/ideas/{id:guid}/vote", CastVoteAsync);
        g.MapDelete("/ideas/{id:guid}/vote", RemoveVoteAsync);
        g.MapPut("/projects/{id:guid}/basket/ideas/{ideaId:guid}", AddToBasketAsync);
        g.MapDelete("/projects/{id:guid}/basket/ideas/{ideaId:guid}", RemoveFromBasketAsync);
        return app;
    }

    /// <summary><see cref="ListIdeas"/>'s statement for the sort, with the same parameters and the same cursor.</summary>
    private static async Task<IResult> ListIdeasAsync(
        Guid id,
        Guid? actor,
        string? sort,
        string? cursor,
        int? limit,
        CityDb db,
        CancellationToken ct
    )
    {
        sort ??= "trending";
        var after = Cursor.Decode<ListIdeas.Key>(cursor);
        var seed = after?.Seed ?? 1;
        var take = limit ?? Cursor.DefaultLimit;
        var conditions = after is null ? ListIdeas.Handler.Conditions.None : ListIdeas.Handler.Conditions.After;
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = (
            await connection.QueryAsync<ListIdeas.Handler.Row>(
                new CommandDefinition(
                    ListIdeas.Handler.Statement(sort, conditions, ListIdeas.Handler.ReadsFor(conditions, take)),
                    new
                    {
                        ActorId = actor,
                        ProjectId = id,
                        Status = (string?)null,
                        Topic = (string?)null,
                        TopicId = (Guid?)null,
                        AreaId = (Guid?)null,
                        Lang = "fr",
                        Search = (string?)null,
                        South = (double?)null,
                        West = (double?)null,
                        North = (double?)null,
                        East = (double?)null,
                        Seed = seed,
                        AfterId = after?.Id,
                        AfterD = after?.D,
                        AfterL = after?.L,
                        AfterAt = after is { S: "newest" } ? DateTime.UnixEpoch.AddTicks(after.L!.Value * 10) : (DateTime?)null,
                        Take = take + 1,
                    },
                    cancellationToken: ct
                )
            )
        ).AsList();
        if (rows.Count == 0)
            return Results.NotFound();
        var (page, next) = Cursor.Page(rows.Where(r => r.Id is not null).ToList(), take, r => ListIdeas.Handler.KeyOf(r, sort, seed));
        return Results.Ok(new ListIdeas.Response(page.Select(ListIdeas.Handler.ToIdea).ToList(), next, seed));
    }

    private sealed class PolicyRow
    {
        public string Status { get; init; } = "";
        public bool Staff { get; init; }
        public Guid? PhaseId { get; init; }
        public string? Method { get; init; }
        public string? Settings { get; init; }
        public bool Active { get; init; }
        public bool SignedIn { get; init; }
        public bool Confirmed { get; init; }
        public bool Blocked { get; init; }
        public int VotesUsed { get; init; }
    }

    /// <summary><see cref="GetIdea"/>'s three statements (the idea's access, the idea and its history, the phase's policy row), answered as
    /// read.</summary>
    private static async Task<IResult> GetIdeaAsync(Guid id, Guid? actor, CityDb db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var access = await connection.QuerySingleOrDefaultAsync<IdeaAccess>(
            new CommandDefinition(IdeaAccess.Sql + ";", new { ActorId = actor, IdeaId = id }, cancellationToken: ct)
        );
        if (access is null)
            return Results.NotFound();
        GetIdea.Handler.Row? i;
        List<GetIdea.Handler.ChangeRow> history;
        await using (
            var grid = await connection.QueryMultipleAsync(
                new CommandDefinition(
                    GetIdea.Handler.Sql,
                    new
                    {
                        ActorId = actor,
                        IdeaId = id,
                        Lang = "fr",
                    },
                    cancellationToken: ct
                )
            )
        )
        {
            i = await grid.ReadSingleOrDefaultAsync<GetIdea.Handler.Row>();
            history = (await grid.ReadAsync<GetIdea.Handler.ChangeRow>()).AsList();
        }
        if (i is null)
            return Results.NotFound();
        var policy = await connection.QuerySingleOrDefaultAsync<PolicyRow>(
            new CommandDefinition(
                ActionPolicy.CurrentSql,
                new
                {
                    ActorId = actor,
                    ProjectId = i.ProjectId,
                    PhaseId = (Guid?)null,
                },
                cancellationToken: ct
            )
        );
        return Results.Ok(
            new
            {
                i.Id,
                i.ProjectId,
                i.PhaseId,
                i.Title,
                i.Body,
                i.Topics,
                Location = i.Latitude is { } lat && i.Longitude is { } lng ? new GetIdea.Location(lat, lng, i.LocationLabel) : null,
                i.Status,
                Author = AuthorView.From(i.AuthorUserId, i.AuthorPerson, i.AuthorOrgId, i.AuthorOrg),
                Likes = i.LikesCount,
                Dislikes = i.DislikesCount,
                Comments = i.CommentsCount,
                CreatedAt = i.CreatedAt.AsUtc(),
                EditedAt = i.EditedAt.AsUtc(),
                i.MyReaction,
                i.Following,
                IsMine = access.IsAuthor(actor),
                Visibility = new GetIdea.Visibility(IdeaVisibilityState.Public, null, i.HiddenByFlags),
                History = history
                    .Select(h => new GetIdea.StatusChange(
                        h.FromStatus.ToEnumOrNull<IdeaStatus>(),
                        h.ToStatus.ToEnum<IdeaStatus>(),
                        h.Feedback,
                        h.SignedAs,
                        h.At.AsUtc()
                    ))
                    .ToList(),
                Policy = policy,
                i.Cost,
            }
        );
    }

    /// <summary><see cref="CastVote"/>'s statements in one transaction, for an unlimited phase, without the idea and phase
    /// checks.</summary>
    private static async Task<IResult> CastVoteAsync(Guid id, Guid actor, Guid phase, CityDb db, EventRecorder events, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var args = new
        {
            PhaseId = phase,
            IdeaId = id,
            ActorId = actor,
            Limit = (int?)null,
        };
        if (
            await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(CastVote.Handler.InsertSql, args, tx, cancellationToken: ct))
            is not null
        )
        {
            await connection.ExecuteScalarAsync<int?>(new CommandDefinition(CastVote.Handler.LimitSql, args, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(CastVote.Handler.TallySql, args, tx, cancellationToken: ct));
            await events.RecordAsync(tx, EventType.VoteCast, Actor.User(actor), id, Scope.Phase(phase), null, new { voted = true }, ct: ct);
        }
        var state = await Voting.StateAsync(connection, tx, actor, phase, id, null, ct);
        await tx.CommitAsync(ct);
        return Results.Ok(state);
    }

    /// <summary><see cref="RemoveVote"/>'s statements in one transaction, without the idea and phase checks.</summary>
    private static async Task<IResult> RemoveVoteAsync(
        Guid id,
        Guid actor,
        Guid phase,
        CityDb db,
        EventRecorder events,
        CancellationToken ct
    )
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (
            await connection.ExecuteScalarAsync<bool>(
                new CommandDefinition(
                    RemoveVote.Handler.Sql,
                    new
                    {
                        PhaseId = phase,
                        IdeaId = id,
                        ActorId = actor,
                    },
                    tx,
                    cancellationToken: ct
                )
            )
        )
            await events.RecordAsync(
                tx,
                EventType.VoteRemoved,
                Actor.User(actor),
                id,
                Scope.Phase(phase),
                new { voted = true },
                null,
                ct: ct
            );
        var state = await Voting.StateAsync(connection, tx, actor, phase, id, null, ct);
        await tx.CommitAsync(ct);
        return Results.Ok(state);
    }

    /// <summary><see cref="AddToBasket"/>'s statements in one transaction (cost, open and lock, line, total, view), without the idea and
    /// phase checks.</summary>
    private static async Task<IResult> AddToBasketAsync(
        Guid id,
        Guid ideaId,
        Guid actor,
        Guid phase,
        decimal budget,
        CityDb db,
        EventRecorder events,
        CancellationToken ct
    )
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var cost = await connection.ExecuteScalarAsync<decimal?>(
            new CommandDefinition(AddToBasket.Handler.CostSql, new { IdeaId = ideaId }, tx, cancellationToken: ct)
        );
        if (cost is null)
            return Results.Conflict();
        var basket = await OpenAndLockAsync(connection, tx, actor, phase, budget, ct);
        var args = new
        {
            BasketId = basket.Id,
            IdeaId = ideaId,
            Cost = cost,
        };
        if (
            !await connection.ExecuteScalarAsync<bool>(
                new CommandDefinition(AddToBasket.Handler.HasLineSql, args, tx, cancellationToken: ct)
            )
        )
        {
            if (
                await connection.ExecuteScalarAsync<decimal?>(
                    new CommandDefinition(AddToBasket.Handler.AddSql, args, tx, cancellationToken: ct)
                )
                is null
            )
                return Results.Conflict();
            await events.RecordAsync(
                tx,
                EventType.BasketIdeaAdded,
                Actor.User(actor),
                basket.Id,
                Scope.Phase(phase, id),
                null,
                new { ideaId, cost },
                ct: ct
            );
        }
        var view = await ViewAsync(connection, tx, actor, phase, budget, ct);
        await tx.CommitAsync(ct);
        return Results.Ok(view);
    }

    /// <summary><see cref="RemoveFromBasket"/>'s statements in one transaction (open and lock, line and total, view), without the phase
    /// check.</summary>
    private static async Task<IResult> RemoveFromBasketAsync(
        Guid id,
        Guid ideaId,
        Guid actor,
        Guid phase,
        decimal budget,
        CityDb db,
        EventRecorder events,
        CancellationToken ct
    )
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var basket = await OpenAndLockAsync(connection, tx, actor, phase, budget, ct);
        if (
            await connection.ExecuteScalarAsync<decimal?>(
                new CommandDefinition(
                    RemoveFromBasket.Handler.Sql,
                    new { BasketId = basket.Id, IdeaId = ideaId },
                    tx,
                    cancellationToken: ct
                )
            ) is
            { } cost
        )
            await events.RecordAsync(
                tx,
                EventType.BasketIdeaRemoved,
                Actor.User(actor),
                basket.Id,
                Scope.Phase(phase, id),
                new { ideaId, cost },
                null,
                ct: ct
            );
        var view = await ViewAsync(connection, tx, actor, phase, budget, ct);
        await tx.CommitAsync(ct);
        return Results.Ok(view);
    }

    private static Task<Baskets.Locked> OpenAndLockAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction tx,
        Guid actor,
        Guid phase,
        decimal budget,
        CancellationToken ct
    ) =>
        connection.QuerySingleAsync<Baskets.Locked>(
            new CommandDefinition(
                Baskets.OpenSql,
                new
                {
                    Id = Guid.CreateVersion7(),
                    PhaseId = phase,
                    ActorId = actor,
                    Budget = budget,
                },
                tx,
                cancellationToken: ct
            )
        );

    private sealed record Head(decimal Total, int Items, DateTime? SubmittedAt);

    private static async Task<BasketView> ViewAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction tx,
        Guid actor,
        Guid phase,
        decimal budget,
        CancellationToken ct
    )
    {
        await using var grid = await connection.QueryMultipleAsync(
            new CommandDefinition(Baskets.ViewSql, new { PhaseId = phase, ActorId = actor }, tx, cancellationToken: ct)
        );
        var head = await grid.ReadSingleOrDefaultAsync<Head>() ?? new Head(0, 0, null);
        var lines = (await grid.ReadAsync<BasketView.Line>()).AsList();
        return new BasketView(
            phase,
            true,
            budget,
            "EUR",
            head.Total,
            budget - head.Total,
            head.Items,
            null,
            null,
            head.SubmittedAt is { } at ? at.AsUtc() : null,
            lines
        );
    }
}
