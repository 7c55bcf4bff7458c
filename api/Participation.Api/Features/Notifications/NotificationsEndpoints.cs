using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Notifications;

/// <summary>The caller's own notifications and preferences; unsubscribe links work without signing in (the token is the right).</summary>
public static class NotificationsEndpoints
{
    public static RouteGroupBuilder MapNotificationsEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("Notifications");
        ListNotifications.Map(g).RequireAuthorization();           // own
        GetNotificationSummary.Map(g).RequireAuthorization();      // own
        MarkNotificationsRead.Map(g).RequireAuthorization();       // own (others' ids ignored)
        GetNotificationPreferences.Map(g).RequireAuthorization();  // own
        SetNotificationPreferences.Map(g).RequireAuthorization();  // own
        Unsubscribe.Map(g).AllowAnonymous().RequireRateLimiting(RateLimits.Unsubscribe); // signed token
        return api;
    }
}
