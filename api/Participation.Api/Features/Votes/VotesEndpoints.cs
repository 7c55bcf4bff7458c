using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Votes;

/// <summary>Votes in voting phases: writes need a signed-in user and the phase's rules; results follow their publication.</summary>
public static class VotesEndpoints
{
    public static RouteGroupBuilder MapVotesEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Votes");
        CastVote.Map(g).RequireAuthorization().RequireRateLimiting(RateLimits.Writes);    // phase rules
        RemoveVote.Map(g).RequireAuthorization().RequireRateLimiting(RateLimits.Writes);  // own vote, phase open
        GetMyVotes.Map(g).RequireAuthorization();                                          // own votes
        GetVoteResults.Map(g).AllowAnonymous();                                            // staff, or published
        return api;
    }
}
