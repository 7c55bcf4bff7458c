using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Onboarding;

/// <summary>
/// Onboarding per role (the source text's tasks, workload and good to know, with a checklist done from what the platform
/// sees) for the signed-in person, and a project's setup checklist for its staff (checked in the handlers). API clients
/// are refused: these are people's screens.
/// </summary>
public static class OnboardingEndpoints
{
    public static RouteGroupBuilder MapOnboardingEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var me = api.MapGroup("/me/onboarding").WithTags("Onboarding");
        me.MapGet("", GetMyOnboarding.Endpoint).WithName(nameof(GetMyOnboarding))
            .RequireAuthorization().ProducesProblems(401); // anyone signed in: one checklist per staff role held
        me.MapPut("/dismissal", SetOnboardingDismissed.Endpoint).WithName(nameof(SetOnboardingDismissed))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(400, 401, 404); // a role the caller holds (another: 404)
        var project = api.MapGroup("/projects/{id:guid}/setup").WithTags("Onboarding");
        project.MapGet("", GetProjectSetup.Endpoint).WithName(nameof(GetProjectSetup))
            .RequireAuthorization().ProducesProblems(401, 403, 404); // project staff
        project.MapPut("", SaveProjectSetup.Endpoint).WithName(nameof(SaveProjectSetup))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(400, 401, 403, 404, 409); // project staff; audited
        // csharpier-ignore-end
        return api;
    }
}
