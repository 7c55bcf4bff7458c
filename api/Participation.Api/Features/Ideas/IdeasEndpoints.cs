using Participation.Api.Infrastructure.Idempotency;

namespace Participation.Api.Features.Ideas;

/// <summary>
/// Ideas, their reactions and follows. Public reads are anonymous (drafts and non-public ideas stay with
/// their author and the staff); every write needs a signed-in user and is checked in its handler against
/// the participation rules of the current phase (ActionPolicy) or the project's staff.
/// </summary>
public static class IdeasEndpoints
{
    public static RouteGroupBuilder MapIdeasEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Ideas");
        g.MapGet("/projects/{id:guid}/ideas", ListIdeas.Endpoint).WithName(nameof(ListIdeas))
            .AllowAnonymous().ProducesProblems(400, 404);
        g.MapGet("/ideas/{id:guid}", GetIdea.Endpoint).WithName(nameof(GetIdea))
            .AllowAnonymous().ProducesProblems(400, 404);
        SubmitIdea.Map(g).RequireAuthorization().RequireRateLimiting(Infrastructure.Security.RateLimits.Writes).WithIdempotency(); // phase rules
        UpdateIdea.Map(g).RequireAuthorization().RequireRateLimiting(Infrastructure.Security.RateLimits.Writes);       // its author
        WithdrawIdea.Map(g).RequireAuthorization();                                                                     // its author
        g.MapPost("/ideas/{id:guid}/status", ChangeIdeaStatus.Endpoint).WithName(nameof(ChangeIdeaStatus))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409); // project staff
        ReactToIdea.Map(g).RequireAuthorization().RequireRateLimiting(Infrastructure.Security.RateLimits.Writes);      // phase rules
        RemoveReaction.Map(g).RequireAuthorization().RequireRateLimiting(Infrastructure.Security.RateLimits.Writes);   // phase rules, own reaction
        FollowIdea.Map(g).RequireAuthorization().RequireRateLimiting(Infrastructure.Security.RateLimits.Writes);       // public ideas
        UnfollowIdea.Map(g).RequireAuthorization();                                                                     // own follow
        return api;
    }
}
