using Participation.Api.Features.Phases;
using Participation.Api.Features.Votes;

namespace Participation.Api.Features.Budgets;

/// <summary>
/// A budgeting phase's results: for each idea, how many submitted baskets hold it (baskets of blocked people
/// excluded; deleted accounts take theirs with them), and the ideas funded in that order until the budget is
/// used up — an idea that no longer fits is skipped and the next ones are tried. Counted in SQL.
/// </summary>
public static class GetBudgetResults
{
    public sealed record Query(Guid? ActorId, Guid PhaseId) : IQuery<Response>;

    public sealed record Item(Guid IdeaId, string Title, decimal Cost, int Baskets, bool Funded);

    public sealed record Response(
        Guid PhaseId,
        bool Published,
        bool Ended,
        decimal Budget,
        string Currency,
        int Baskets,
        decimal FundedTotal,
        IReadOnlyList<Item> Items
    );

    public sealed class Handler(StaleReads db) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            WITH counted AS (
                SELECT b.id FROM baskets b
                 WHERE b.phase_id = @PhaseId AND b.submitted_at IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM user_blocks ub WHERE ub.user_id = b.user_id AND ub.until > now()))
            SELECT i.id AS idea_id, i.title, l.cost, count(*)::int AS baskets
              FROM basket_lines l JOIN counted c ON c.id = l.basket_id JOIN ideas i ON i.id = l.idea_id
             GROUP BY i.id, i.title, l.cost
             ORDER BY count(*) DESC, l.cost, i.id
             LIMIT 1000;
            SELECT count(*)::int FROM baskets b
             WHERE b.phase_id = @PhaseId AND b.submitted_at IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM user_blocks ub WHERE ub.user_id = b.user_id AND ub.until > now());
            """;

        private sealed record Row(Guid IdeaId, string Title, decimal Cost, int Baskets);

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var phase = await PhaseResults.RequireReadableAsync(connection, q.ActorId, q.PhaseId, PhaseMethod.Budgeting, ct);
            await using var grid = await connection.QueryMultipleAsync(
                new CommandDefinition(Sql, new { q.PhaseId }, cancellationToken: ct)
            );
            var rows = (await grid.ReadAsync<Row>()).AsList();
            var baskets = await grid.ReadSingleAsync<int>();
            var budget = phase.Settings.BudgetAmount ?? 0;
            var left = budget;
            var items = new List<Item>(rows.Count);
            foreach (var r in rows)
            {
                var funded = r.Cost <= left;
                if (funded)
                    left -= r.Cost;
                items.Add(new Item(r.IdeaId, r.Title, r.Cost, r.Baskets, funded));
            }
            return new Response(
                phase.Id,
                phase.Published,
                phase.Ended,
                budget,
                phase.Settings.BudgetCurrency ?? "EUR",
                baskets,
                budget - left,
                items
            );
        }
    }

    [EndpointSummary(
        "Baskets per idea and the funded ideas of a budgeting phase: for the project's staff, and for everyone once published or over."
    )]
    public static ValueTask<Response> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserIdOrNull, id), ct);
}
