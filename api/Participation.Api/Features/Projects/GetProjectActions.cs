using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Projects;

/// <summary>What the caller (anonymous included) may do in the project's current phase, or a given phase, and why not.</summary>
public static class GetProjectActions
{
    public sealed record Query(Guid? ActorId, Guid ProjectId, Guid? PhaseId) : IQuery<ActionPolicy.Result>;

    public sealed class Handler(CityDb db) : IQueryHandler<Query, ActionPolicy.Result>
    {
        public async ValueTask<ActionPolicy.Result> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            return await ActionPolicy.DecideAsync(connection, q.ActorId, q.ProjectId, q.PhaseId, null, ct);
        }
    }

    [EndpointSummary("What you may do in the current (or given) phase, with the reason when you may not.")]
    public static ValueTask<ActionPolicy.Result> Endpoint(Guid id, Guid? phaseId, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserIdOrNull, id, phaseId), ct);
}
