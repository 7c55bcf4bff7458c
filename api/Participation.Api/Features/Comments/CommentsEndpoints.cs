using Participation.Api.Infrastructure.Idempotency;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Comments;

/// <summary>Comments on ideas, threaded one level. Reads follow the idea's visibility; writes are the phase's rules or the author's
/// own.</summary>
public static class CommentsEndpoints
{
    public static RouteGroupBuilder MapCommentsEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("").WithTags("Comments");
        g.MapGet("/ideas/{id:guid}/comments", ListComments.Endpoint).WithName(nameof(ListComments))
            .AllowAnonymous().AcceptClients(ClientScope.IdeasRead).ProducesProblems(400, 404);
        g.MapGet("/comments/{id:guid}/replies", ListReplies.Endpoint).WithName(nameof(ListReplies))
            .AllowAnonymous().AcceptClients(ClientScope.IdeasRead).ProducesProblems(400, 404);
        g.MapPost("/ideas/{id:guid}/comments", PostComment.Endpoint).WithName(nameof(PostComment)) // phase rules
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).WithIdempotency().ProducesProblems(400, 401, 403, 404, 409);
        g.MapPut("/comments/{id:guid}", EditComment.Endpoint).WithName(nameof(EditComment))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(400, 401, 403, 404, 409); // its author
        g.MapDelete("/comments/{id:guid}", DeleteComment.Endpoint).WithName(nameof(DeleteComment))
            .RequireAuthorization().ProducesProblems(401, 403, 404, 409); // its author
        g.MapPut("/comments/{id:guid}/like", LikeComment.Endpoint).WithName(nameof(LikeComment))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(401, 404, 409); // not one's own
        g.MapDelete("/comments/{id:guid}/like", UnlikeComment.Endpoint).WithName(nameof(UnlikeComment))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(401, 404);
        // csharpier-ignore-end
        return api;
    }
}
