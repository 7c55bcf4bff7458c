using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Notifications;

/// <summary>The caller's own notifications and preferences; unsubscribe links work without signing in (the token is the right).</summary>
public static class NotificationsEndpoints
{
    public static RouteGroupBuilder MapNotificationsEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/notifications").WithTags("Notifications");
        g.MapGet("/", ListNotifications.Endpoint).WithName(nameof(ListNotifications))
            .RequireAuthorization().ProducesProblems(400, 401); // own
        g.MapGet("/summary", GetNotificationSummary.Endpoint).WithName(nameof(GetNotificationSummary))
            .RequireAuthorization().ProducesProblems(401); // own
        g.MapPost("/read", MarkNotificationsRead.Endpoint).WithName(nameof(MarkNotificationsRead))
            .RequireAuthorization().ProducesProblems(400, 401); // own (others' ids ignored)
        g.MapGet("/preferences", GetNotificationPreferences.Endpoint).WithName(nameof(GetNotificationPreferences))
            .RequireAuthorization().ProducesProblems(401); // own
        g.MapPut("/preferences", SetNotificationPreferences.Endpoint).WithName(nameof(SetNotificationPreferences))
            .RequireAuthorization().ProducesProblems(400, 401); // own
        g.MapPost("/unsubscribe", Unsubscribe.Endpoint).WithName(nameof(Unsubscribe))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Unsubscribe).ProducesProblems(401, 410); // signed token
        // csharpier-ignore-end
        return api;
    }
}
