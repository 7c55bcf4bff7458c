using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Budgets;

/// <summary>Your basket in the project's current (or given) budgeting phase: lines, total, what is left, whether it is submitted.</summary>
public static class GetMyBasket
{
    public sealed record Query(Guid ActorId, Guid ProjectId, Guid? PhaseId) : IQuery<BasketView>;

    public sealed class Handler(CityDb db) : IQueryHandler<Query, BasketView>
    {
        public async ValueTask<BasketView> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var decided = await ActionPolicy.DecideAsync(connection, q.ActorId, q.ProjectId, q.PhaseId, null, ct);
            if (decided.Phase is not { Method: PhaseMethod.Budgeting } phase)
                throw new NotFoundException("The project has no budgeting phase now.");
            return await Baskets.ViewAsync(
                connection,
                null,
                q.ActorId,
                phase,
                decided.Settings!,
                phase.Active && decided.Status != "archived",
                ct
            );
        }
    }

    [EndpointSummary("Your basket in the project's current (or given) budgeting phase.")]
    public static ValueTask<BasketView> Endpoint(Guid id, Guid? phaseId, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, id, phaseId), ct);
}
