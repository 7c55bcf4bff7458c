using Participation.Api.Features.Events;
using Participation.Api.Features.Ideas;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Budgets;

/// <summary>
/// Put an idea in your basket: the basket is locked, the line added once (primary key), and the total raised
/// only if it stays within the budget (conditional update, backed by the table's check constraint).
/// </summary>
public static class AddToBasket
{
    public sealed record Command(Guid ActorId, Guid ProjectId, Guid IdeaId) : ICommand<BasketView>;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, BasketView>
    {
        internal const string CostSql = "SELECT cost FROM ideas WHERE id = @IdeaId;";

        internal const string AddSql = """
            WITH line AS (INSERT INTO basket_lines (basket_id, idea_id, cost) VALUES (@BasketId, @IdeaId, @Cost) ON CONFLICT DO NOTHING
                          RETURNING cost)
            UPDATE baskets SET total = total + (SELECT cost FROM line), items = items + 1, updated_at = now()
             WHERE id = @BasketId AND EXISTS (SELECT 1 FROM line) AND total + (SELECT cost FROM line) <= budget
            RETURNING total;
            """;

        internal const string HasLineSql = "SELECT EXISTS (SELECT 1 FROM basket_lines WHERE basket_id = @BasketId AND idea_id = @IdeaId);";

        public async ValueTask<BasketView> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var (_, phase, settings) = await IdeaAccess.LoadForActionAsync(
                connection,
                c.ActorId,
                c.IdeaId,
                ParticipationAction.Vote,
                PhaseMethod.Budgeting,
                tx,
                idea => idea.ProjectId == c.ProjectId ? idea.RequireListed() : throw new NotFoundException("No such idea in this project."),
                ct
            );
            var cost = await connection.ExecuteScalarAsync<decimal?>(
                new CommandDefinition(CostSql, new { c.IdeaId }, tx, cancellationToken: ct)
            ) ?? throw new ConflictException(Messages.Get("cost_missing"));
            if (cost > settings.BudgetAmount)
                throw new ConflictException(Messages.Get("cost_above_budget"));
            var basket = await Baskets.OpenAndLockAsync(connection, tx, c.ActorId, phase.Id, settings, ct);
            if (basket.Submitted)
                throw new ConflictException(Messages.Get("basket_submitted"));
            var args = new
            {
                BasketId = basket.Id,
                c.IdeaId,
                Cost = cost,
            };
            // The basket row is locked: nothing else changes it until commit. An add that would go over the budget
            // updates no row and the whole transaction (its line included) is rolled back.
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(HasLineSql, args, tx, cancellationToken: ct)))
            {
                if (await connection.ExecuteScalarAsync<decimal?>(new CommandDefinition(AddSql, args, tx, cancellationToken: ct)) is null)
                    throw new ConflictException(Messages.Get("over_budget"));
                // Adding an idea already in the basket changes nothing: no event.
                await events.RecordAsync(
                    tx,
                    EventType.BasketIdeaAdded,
                    Actor.User(c.ActorId),
                    basket.Id,
                    Scope.Phase(phase.Id, c.ProjectId),
                    null,
                    new { ideaId = c.IdeaId, cost },
                    ct: ct
                );
            }
            var view = await Baskets.ViewAsync(connection, tx, c.ActorId, phase, settings, open: true, ct);
            await tx.CommitAsync(ct);
            return view;
        }
    }

    [EndpointSummary("Add an idea to your basket in the project's budgeting phase, within the budget (repeating it changes nothing).")]
    public static ValueTask<BasketView> Endpoint(Guid id, Guid ideaId, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, ideaId), ct);
}
