namespace Participation.Api.Features.Onboarding;

/// <summary>A project's setup checklist with its staff's answers (see <see cref="ProjectSetup"/>); its staff only.</summary>
public static class GetProjectSetup
{
    public sealed record Query(Guid ActorId, Guid ProjectId) : IQuery<ProjectSetup.View>;

    public sealed class Handler(CityDb db) : IQueryHandler<Query, ProjectSetup.View>
    {
        public async ValueTask<ProjectSetup.View> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await ProjectSetup.RequireStaffAsync(connection, q.ActorId, q.ProjectId, null, ct);
            return await ProjectSetup.ReadAsync(connection, q.ProjectId, null, ct);
        }
    }

    [EndpointSummary("A project's setup checklist: decision process, key dates, goals shared with the public, stakeholders (its staff).")]
    public static ValueTask<ProjectSetup.View> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, id), ct);
}
