using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Votes;

/// <summary>Votes in voting phases: writes need a signed-in user and the phase's rules; results follow their publication.</summary>
public static class VotesEndpoints
{
    public static RouteGroupBuilder MapVotesEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("").WithTags("Votes");
        g.MapPut("/ideas/{id:guid}/vote", CastVote.Endpoint).WithName(nameof(CastVote))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(401, 403, 404, 409); // phase rules
        g.MapDelete("/ideas/{id:guid}/vote", RemoveVote.Endpoint).WithName(nameof(RemoveVote))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(401, 403, 404); // own vote, phase open
        g.MapGet("/projects/{id:guid}/votes/mine", GetMyVotes.Endpoint).WithName(nameof(GetMyVotes))
            .RequireAuthorization().ProducesProblems(400, 401, 404); // own votes
        g.MapGet("/phases/{id:guid}/vote-results", GetVoteResults.Endpoint).WithName(nameof(GetVoteResults))
            .AllowAnonymous().AcceptClients(ClientScope.ResultsRead).ProducesProblems(403, 404); // staff, or published
        // csharpier-ignore-end
        return api;
    }
}
