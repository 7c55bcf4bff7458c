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
        var g = api.MapGroup("").WithTags("Moderation");
        FlagContent.MapIdea(g).RequireAuthorization().RequireRateLimiting(RateLimits.Flags);     // residents who see it
        FlagContent.MapComment(g).RequireAuthorization().RequireRateLimiting(RateLimits.Flags);  // residents who see it
        GetModerationQueue.Map(g).RequireAuthorization();     // project staff
        HideContent.MapHideIdea(g).RequireAuthorization();    // project staff
        HideContent.MapUnhideIdea(g).RequireAuthorization();  // project staff
        HideContent.MapHideComment(g).RequireAuthorization(); // project staff
        HideContent.MapUnhideComment(g).RequireAuthorization(); // project staff
        ReviewIdea.Map(g).RequireAuthorization();             // project staff
        ListIdeaNotes.Map(g).RequireAuthorization();          // project staff
        AddIdeaNote.Map(g).RequireAuthorization();            // project staff
        return api;
    }
}
