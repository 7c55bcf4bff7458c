using Participation.Api.Features.Events;

namespace Participation.Api.Features.Budgets;

/// <summary>
/// Submit your basket (it counts in the results and is locked), or reopen it to change it while the phase is
/// open. Submitting checks the phase's minimum spend and number of ideas. Both honour an Idempotency-Key.
/// </summary>
public static class SubmitBasket
{
    public sealed record Command(Guid ActorId, Guid ProjectId, bool Submit) : ICommand<BasketView>;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, BasketView>
    {
        private const string Sql =
            "UPDATE baskets SET submitted_at = CASE WHEN @Submit THEN now() END, updated_at = now() WHERE id = @BasketId;";

        public async ValueTask<BasketView> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var (phase, settings) = await Baskets.RequirePhaseAsync(connection, tx, c.ActorId, c.ProjectId, ct);
            var basket = await Baskets.OpenAndLockAsync(connection, tx, c.ActorId, phase.Id, settings, ct);
            if (c.Submit && !basket.Submitted)
            {
                var amount = (settings.MinimumSpend ?? 0).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
                var money =
                    (RequestLanguage.Current == "en" ? amount : amount.Replace('.', ',')) + " " + (settings.BudgetCurrency ?? "EUR");
                if (basket.Items == 0)
                    throw new ConflictException(Messages.Get("basket_empty"));
                if (settings.MinimumSpend is { } min && basket.Total < min)
                    throw new ConflictException(Messages.Get("basket_minimum_spend", money));
                if (settings.MinimumIdeas is { } ideas && basket.Items < ideas)
                    throw new ConflictException(Messages.Get("basket_minimum_ideas", ideas));
            }
            if (c.Submit != basket.Submitted) // submitting a submitted basket (or reopening an open one) changes nothing: no event
            {
                await connection.ExecuteAsync(
                    new CommandDefinition(Sql, new { BasketId = basket.Id, c.Submit }, tx, cancellationToken: ct)
                );
                await events.RecordAsync(
                    tx,
                    c.Submit ? EventType.BasketSubmitted : EventType.BasketReopened,
                    Actor.User(c.ActorId),
                    basket.Id,
                    Scope.Phase(phase.Id, c.ProjectId),
                    new { submitted = basket.Submitted },
                    new { submitted = c.Submit },
                    new { basket.Items, basket.Total },
                    ct
                );
            }
            var view = await Baskets.ViewAsync(connection, tx, c.ActorId, phase, settings, open: true, ct);
            await tx.CommitAsync(ct);
            return view;
        }
    }

    [EndpointSummary("Submit your basket (checks the minimum spend and number of ideas). Honours Idempotency-Key.")]
    public static ValueTask<BasketView> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, true), ct);

    [EndpointSummary("Reopen your submitted basket to change it while the phase is open. Honours Idempotency-Key.")]
    public static ValueTask<BasketView> ReopenBasketEndpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, false), ct);
}
