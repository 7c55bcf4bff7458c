using Microsoft.AspNetCore.Mvc;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// The caller's own response to a survey or poll: none yet, a saved draft, or what they submitted. Visitors who
/// answered without an account find theirs by the same browser token (<c>X-Respondent-Token</c>); without one,
/// there is nothing to find (status <c>none</c>).
/// </summary>
public static class GetMyResponse
{
    public sealed record Query(Guid? ActorId, string? RespondentToken, Guid PhaseId) : IQuery<MyResponse>;

    public sealed class Handler(CityDb db) : IQueryHandler<Query, MyResponse>
    {
        public async ValueTask<MyResponse> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await Questionnaire.RequirePhaseAsync(connection, q.ActorId, q.PhaseId, null, ct);
            return await ResponseWriter.ReadMineAsync(connection, q.ActorId, q.RespondentToken, q.PhaseId, ct);
        }
    }

    [EndpointSummary(
        "Your own response to a survey or poll (by account, or by browser token when not "
            + "signed in): status none, draft or submitted, with its answers."
    )]
    public static ValueTask<MyResponse> Endpoint(
        Guid id,
        [FromHeader(Name = "X-Respondent-Token")] string? respondentToken,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Query(caller.UserIdOrNull, respondentToken, id), ct);
}
