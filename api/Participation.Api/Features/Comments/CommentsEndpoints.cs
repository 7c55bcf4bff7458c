using Participation.Api.Infrastructure.Idempotency;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Comments;

/// <summary>Comments on ideas, threaded one level. Reads follow the idea's visibility; writes are the phase's rules or the author's own.</summary>
public static class CommentsEndpoints
{
    public static RouteGroupBuilder MapCommentsEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Comments");
        ListComments.Map(g).AllowAnonymous();
        ListReplies.Map(g).AllowAnonymous();
        PostComment.Map(g).RequireAuthorization().RequireRateLimiting(RateLimits.Writes).WithIdempotency();  // phase rules
        EditComment.Map(g).RequireAuthorization().RequireRateLimiting(RateLimits.Writes);  // its author
        DeleteComment.Map(g).RequireAuthorization();                                        // its author
        return api;
    }
}
