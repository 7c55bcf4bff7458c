using System.Data;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Budgets;

/// <summary>A person's basket in a budgeting phase, as they see it.</summary>
public sealed record BasketView(
    Guid PhaseId,
    bool Open,
    decimal Budget,
    string Currency,
    decimal Total,
    decimal Left,
    int Items,
    decimal? MinimumSpend,
    int? MinimumIdeas,
    DateTimeOffset? SubmittedAt,
    IReadOnlyList<BasketView.Line> Lines
)
{
    public sealed record Line(Guid IdeaId, string Title, decimal Cost);
}

internal static class Baskets
{
    /// <summary>The project's current budgeting phase, where the caller may fill a basket (reason otherwise).</summary>
    public static Task<(ActionPolicy.PhaseRef Phase, PhaseSettings Settings)> RequirePhaseAsync(
        IDbConnection connection,
        IDbTransaction? tx,
        Guid actorId,
        Guid projectId,
        CancellationToken ct
    ) => ActionPolicy.RequireAsync(connection, actorId, projectId, ParticipationAction.Vote, tx, ct, PhaseMethod.Budgeting);

    internal const string OpenSql = """
        INSERT INTO baskets (id, phase_id, user_id, budget) VALUES (@Id, @PhaseId, @ActorId, @Budget)
        ON CONFLICT ON CONSTRAINT baskets_one_per_phase DO NOTHING;
        SELECT id, total, items, submitted_at IS NOT NULL AS submitted FROM baskets WHERE phase_id = @PhaseId
               AND user_id = @ActorId FOR UPDATE;
        """;

    public sealed record Locked(Guid Id, decimal Total, int Items, bool Submitted);

    /// <summary>Opens the caller's basket if needed and locks it for the transaction: one basket per person and phase.</summary>
    public static Task<Locked> OpenAndLockAsync(
        IDbConnection connection,
        IDbTransaction tx,
        Guid actorId,
        Guid phaseId,
        PhaseSettings settings,
        CancellationToken ct
    ) =>
        connection.QuerySingleAsync<Locked>(
            new CommandDefinition(
                OpenSql,
                new
                {
                    Id = Guid.CreateVersion7(),
                    PhaseId = phaseId,
                    ActorId = actorId,
                    Budget = settings.BudgetAmount ?? throw new ConflictException(Messages.Get("budget_required")),
                },
                tx,
                cancellationToken: ct
            )
        );

    internal const string ViewSql = """
        SELECT b.total, b.items, b.submitted_at FROM baskets b WHERE b.phase_id = @PhaseId AND b.user_id = @ActorId;
        SELECT l.idea_id, i.title, l.cost FROM basket_lines l JOIN baskets b ON b.id = l.basket_id JOIN ideas i ON i.id = l.idea_id
         WHERE b.phase_id = @PhaseId AND b.user_id = @ActorId ORDER BY l.added_at, l.idea_id;
        """;

    private sealed record Head(decimal Total, int Items, DateTime? SubmittedAt);

    public static async Task<BasketView> ViewAsync(
        IDbConnection connection,
        IDbTransaction? tx,
        Guid actorId,
        ActionPolicy.PhaseRef phase,
        PhaseSettings settings,
        bool open,
        CancellationToken ct
    )
    {
        await using var grid = await connection.QueryMultipleAsync(
            new CommandDefinition(ViewSql, new { PhaseId = phase.Id, ActorId = actorId }, tx, cancellationToken: ct)
        );
        var head = await grid.ReadSingleOrDefaultAsync<Head>() ?? new Head(0, 0, null);
        var lines = (await grid.ReadAsync<BasketView.Line>()).AsList();
        var budget = settings.BudgetAmount ?? 0;
        return new BasketView(
            phase.Id,
            open,
            budget,
            settings.BudgetCurrency ?? "EUR",
            head.Total,
            budget - head.Total,
            head.Items,
            settings.MinimumSpend,
            settings.MinimumIdeas,
            head.SubmittedAt is { } at ? Infrastructure.Database.DbTime.AsUtc(at) : null,
            lines
        );
    }
}
