using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Moderation;

/// <summary>
/// Content moderation: residents flag (rate-limited), the project's staff (moderators, heads of its
/// department, admins) work the queue, hide and show content, pre-moderate ideas and keep internal notes —
/// scoped rights checked in each handler.
/// </summary>
public static class ModerationEndpoints
{
    public static RouteGroupBuilder MapModerationEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("").WithTags("Moderation");
        g.MapPost("/ideas/{id:guid}/flags", FlagContent.FlagIdeaEndpoint).WithName("FlagIdea")
            .RequireAuthorization().RequireRateLimiting(RateLimits.Flags).ProducesProblems(400, 401, 404, 409, 429); // residents who see it
        g.MapPost("/comments/{id:guid}/flags", FlagContent.FlagCommentEndpoint).WithName("FlagComment")
            .RequireAuthorization().RequireRateLimiting(RateLimits.Flags).ProducesProblems(400, 401, 404, 409, 429); // residents who see it
        g.MapGet("/projects/{id:guid}/moderation", GetModerationQueue.Endpoint).WithName(nameof(GetModerationQueue))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404); // project staff
        g.MapPost("/ideas/{id:guid}/hide", HideContent.HideIdeaEndpoint).WithName("HideIdea")
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409); // project staff
        g.MapPost("/ideas/{id:guid}/unhide", HideContent.UnhideIdeaEndpoint).WithName("UnhideIdea")
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409); // project staff
        g.MapPost("/comments/{id:guid}/hide", HideContent.HideCommentEndpoint).WithName("HideComment")
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409); // project staff
        g.MapPost("/comments/{id:guid}/unhide", HideContent.UnhideCommentEndpoint).WithName("UnhideComment")
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409); // project staff
        g.MapPost("/ideas/{id:guid}/review", ReviewIdea.Endpoint).WithName(nameof(ReviewIdea))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409); // project staff
        g.MapGet("/ideas/{id:guid}/notes", ListIdeaNotes.Endpoint).WithName(nameof(ListIdeaNotes))
            .RequireAuthorization().ProducesProblems(401, 403, 404); // project staff
        g.MapPost("/ideas/{id:guid}/notes", AddIdeaNote.Endpoint).WithName(nameof(AddIdeaNote))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404); // project staff
        // csharpier-ignore-end
        return api;
    }
}
