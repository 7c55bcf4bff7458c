using Microsoft.AspNetCore.Mvc;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// The caller's poll answer (none yet: status <c>none</c>) and the results when they may see them: what the poll widget
/// shows. Visitors who are not signed in are known by their browser token (<c>X-Respondent-Token</c>).
/// </summary>
public static class GetPollState
{
    public sealed record Query(Guid? ActorId, string? RespondentToken, Guid PhaseId) : IQuery<PollState>;

    public sealed class Handler(CityDb db) : IQueryHandler<Query, PollState>
    {
        public async ValueTask<PollState> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await Polls.RequirePollAsync(connection, q.ActorId, q.PhaseId, null, ct);
            var mine = await ResponseWriter.ReadMineAsync(connection, q.ActorId, q.RespondentToken, q.PhaseId, ct);
            return new PollState(q.PhaseId, mine, await Polls.ResultsAsync(connection, q.ActorId, q.PhaseId, ct));
        }
    }

    [EndpointSummary("Your poll answer (by account, or by browser token when not signed in) and the results when you may see them.")]
    public static ValueTask<PollState> Endpoint(
        Guid id,
        [FromHeader(Name = "X-Respondent-Token")] string? respondentToken,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Query(caller.UserIdOrNull, respondentToken, id), ct);
}
