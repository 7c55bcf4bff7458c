using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Votes;

/// <summary>The caller's votes in the project's voting phase (the current one, or the given one): which ideas, how many left.</summary>
public static class GetMyVotes
{
    public sealed record Query(Guid ActorId, Guid ProjectId, Guid? PhaseId) : IQuery<Response>;

    public sealed record Response(Guid PhaseId, bool Open, int? VotesPerUser, int Used, int? Left, IReadOnlyList<Guid> IdeaIds);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            SELECT coalesce((SELECT votes FROM phase_participants WHERE phase_id = @PhaseId AND user_id = @ActorId), 0);
            SELECT idea_id FROM idea_votes WHERE phase_id = @PhaseId AND user_id = @ActorId ORDER BY created_at;
            """;

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var decided = await ActionPolicy.DecideAsync(connection, q.ActorId, q.ProjectId, q.PhaseId, null, ct);
            if (decided.Phase is not { Method: PhaseMethod.Voting } phase)
                throw new NotFoundException("The project has no voting phase now.");
            await using var grid = await connection.QueryMultipleAsync(
                new CommandDefinition(Sql, new { PhaseId = phase.Id, q.ActorId }, cancellationToken: ct)
            );
            var used = await grid.ReadSingleAsync<int>();
            var ideas = (await grid.ReadAsync<Guid>()).AsList();
            var limit = decided.Settings?.VotesPerUser;
            return new Response(
                phase.Id,
                phase.Active && decided.Status != "archived",
                limit,
                used,
                limit is { } l ? Math.Max(0, l - used) : null,
                ideas
            );
        }
    }

    [EndpointSummary("Your votes in the project's current (or given) voting phase and how many you have left.")]
    public static ValueTask<Response> Endpoint(Guid id, Guid? phaseId, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, id, phaseId), ct);
}
