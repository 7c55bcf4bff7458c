using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.ContentCalendar;

/// <summary>
/// The staff content calendar (issue 16): its entries, and each staff member's private iCalendar feed (its state, create or
/// rotate, revoke; the feed itself is read without signing in, the secret token in its address is the right). Staff are
/// admins, communication managers, heads of department and project moderators, checked in the handlers (others: 403).
/// </summary>
public static class ContentCalendarEndpoints
{
    public static RouteGroupBuilder MapContentCalendarEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/content-calendar").WithTags("ContentCalendar");
        g.MapGet("/", ListContentCalendar.Endpoint).WithName(nameof(ListContentCalendar))
            .RequireAuthorization().ProducesProblems(400, 401, 403); // staff; each sees their scope
        g.MapGet("/feed", GetContentCalendarFeed.Endpoint).WithName(nameof(GetContentCalendarFeed))
            .RequireAuthorization().ProducesProblems(401, 403); // staff, their own
        g.MapPost("/feed", CreateContentCalendarFeed.Endpoint).WithName(nameof(CreateContentCalendarFeed))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(401, 403); // staff, their own; audited
        g.MapDelete("/feed", RevokeContentCalendarFeed.Endpoint).WithName(nameof(RevokeContentCalendarFeed))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(401, 403); // staff, their own; audited
        g.MapGet("/feeds/{token}.ics", ContentCalendarIcs.Endpoint).WithName("GetContentCalendarIcs")
            .AllowAnonymous().RequireRateLimiting(RateLimits.Embed).Produces(200, typeof(string), "text/calendar")
            .ProducesProblems(404); // the secret token is the right
        // csharpier-ignore-end
        return api;
    }
}
