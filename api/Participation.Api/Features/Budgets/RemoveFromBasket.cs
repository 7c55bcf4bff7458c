using Participation.Api.Features.Events;

namespace Participation.Api.Features.Budgets;

/// <summary>Take an idea out of your (not submitted) basket; the total drops in the same statement.</summary>
public static class RemoveFromBasket
{
    public sealed record Command(Guid ActorId, Guid ProjectId, Guid IdeaId) : ICommand<BasketView>;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, BasketView>
    {
        // Returns the removed line's cost (no row when the idea was not in the basket).
        internal const string Sql = """
            WITH line AS (DELETE FROM basket_lines WHERE basket_id = @BasketId AND idea_id = @IdeaId RETURNING cost),
            basket AS (UPDATE baskets SET total = total - (SELECT cost FROM line), items = items - 1, updated_at = now()
                        WHERE id = @BasketId AND EXISTS (SELECT 1 FROM line))
            SELECT cost FROM line;
            """;

        public async ValueTask<BasketView> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var (phase, settings) = await Baskets.RequirePhaseAsync(connection, tx, c.ActorId, c.ProjectId, ct);
            var basket = await Baskets.OpenAndLockAsync(connection, tx, c.ActorId, phase.Id, settings, ct);
            if (basket.Submitted)
                throw new ConflictException(Messages.Get("basket_submitted"));
            if (
                await connection.ExecuteScalarAsync<decimal?>(
                    new CommandDefinition(Sql, new { BasketId = basket.Id, c.IdeaId }, tx, cancellationToken: ct)
                ) is
                { } cost
            )
                await events.RecordAsync(
                    tx,
                    EventType.BasketIdeaRemoved,
                    Actor.User(c.ActorId),
                    basket.Id,
                    Scope.Phase(phase.Id, c.ProjectId),
                    new { ideaId = c.IdeaId, cost },
                    null,
                    ct: ct
                );
            var view = await Baskets.ViewAsync(connection, tx, c.ActorId, phase, settings, open: true, ct);
            await tx.CommitAsync(ct);
            return view;
        }
    }

    [EndpointSummary("Remove an idea from your basket (repeating it changes nothing).")]
    public static ValueTask<BasketView> Endpoint(Guid id, Guid ideaId, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, ideaId), ct);
}
