using Participation.Api.Infrastructure.Idempotency;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Briefings;

/// <summary>
/// Elected officials' briefings: the schedule, the officials with their last briefing, a preview of anyone's next one,
/// "send now" and the log. Admins only, except an official's preview of their own briefing; officials never write.
/// </summary>
public static class BriefingsEndpoints
{
    public static RouteGroupBuilder MapBriefingsEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/briefings").WithTags("Briefings");
        g.MapGet("/schedule", GetBriefingSchedule.Endpoint).WithName(nameof(GetBriefingSchedule))
            .RequireAuthorization().ProducesProblems(401, 403); // admins
        g.MapPut("/schedule", SetBriefingSchedule.Endpoint).WithName(nameof(SetBriefingSchedule))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(400, 401, 403); // admins; audited
        g.MapGet("/officials", ListBriefingOfficials.Endpoint).WithName(nameof(ListBriefingOfficials))
            .RequireAuthorization().ProducesProblems(400, 401, 403); // admins
        g.MapGet("/officials/{userId:guid}/preview", PreviewBriefing.Endpoint).WithName(nameof(PreviewBriefing))
            .RequireAuthorization().ProducesProblems(401, 403, 404); // admins; an official: their own
        g.MapPost("/officials/{userId:guid}/send", SendBriefingNow.Endpoint).WithName(nameof(SendBriefingNow))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).WithIdempotency()
            .ProducesProblems(401, 403, 404, 409); // admins; audited
        g.MapGet("/", ListBriefings.Endpoint).WithName(nameof(ListBriefings))
            .RequireAuthorization().ProducesProblems(400, 401, 403); // admins
        // csharpier-ignore-end
        return api;
    }
}
