using Participation.Api.Features.Ideas;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Votes;

/// <summary>A voting phase's results: votes per idea, most first, from the tallies kept with each vote (one statement).</summary>
public static class GetVoteResults
{
    public sealed record Query(Guid? ActorId, Guid PhaseId) : IQuery<Response>;

    public sealed record Item(Guid IdeaId, string Title, IdeaStatus Status, int Votes, int Rank);

    private sealed record Row(Guid IdeaId, string Title, string Status, int Votes, int Rank);

    public sealed record Response(Guid PhaseId, bool Published, bool Ended, int Voters, int TotalVotes, IReadOnlyList<Item> Items);

    public sealed class Handler(StaleReads db) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            SELECT i.id AS idea_id, i.title, i.status, t.votes, rank() OVER (ORDER BY t.votes DESC)::int AS rank
              FROM vote_tallies t JOIN ideas i ON i.id = t.idea_id
             WHERE t.phase_id = @PhaseId AND t.votes > 0 AND i.listed
             ORDER BY t.votes DESC, i.title, i.id
             LIMIT 1000;
            SELECT count(*)::int FROM phase_participants WHERE phase_id = @PhaseId AND votes > 0;
            """;

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var phase = await PhaseResults.RequireReadableAsync(connection, q.ActorId, q.PhaseId, PhaseMethod.Voting, ct);
            await using var grid = await connection.QueryMultipleAsync(
                new CommandDefinition(Sql, new { q.PhaseId }, cancellationToken: ct)
            );
            var items = (await grid.ReadAsync<Row>())
                .Select(r => new Item(r.IdeaId, r.Title, r.Status.ToEnum<IdeaStatus>(), r.Votes, r.Rank))
                .ToList();
            var voters = await grid.ReadSingleAsync<int>();
            return new Response(phase.Id, phase.Published, phase.Ended, voters, items.Sum(i => i.Votes), items);
        }
    }

    [EndpointSummary(
        "Votes per idea in a voting phase: for the project's staff, and for everyone once published or when the phase is over."
    )]
    public static ValueTask<Response> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserIdOrNull, id), ct);
}
