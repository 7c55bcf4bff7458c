using Participation.Api.Infrastructure.Idempotency;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.IdeasManager;

/// <summary>
/// The moderators' ideas manager: a project's ideas as a table, assignees, bulk status changes with official feedback and
/// the feedback templates. For the project's staff only (its moderators, its department's heads, admins; checked in each
/// handler): elected officials, the other platform roles and API clients are refused.
/// </summary>
public static class IdeasManagerEndpoints
{
    public static RouteGroupBuilder MapIdeasManagerEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("").WithTags("Ideas manager");
        g.MapGet("/projects/{id:guid}/ideas/manage", ListManagedIdeas.Endpoint).WithName(nameof(ListManagedIdeas))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404); // project staff
        g.MapPut("/ideas/{id:guid}/assignee", AssignIdea.Endpoint).WithName(nameof(AssignIdea))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404); // project staff; the assignee too
        g.MapPost("/projects/{id:guid}/ideas/status", ChangeIdeaStatuses.Endpoint).WithName(nameof(ChangeIdeaStatuses)) // project staff
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).WithIdempotency().ProducesProblems(400, 401, 403, 404);
        g.MapGet("/projects/{id:guid}/feedback-templates", ListFeedbackTemplates.Endpoint).WithName(nameof(ListFeedbackTemplates))
            .RequireAuthorization().ProducesProblems(401, 403, 404); // project staff
        g.MapPost("/projects/{id:guid}/feedback-templates", CreateFeedbackTemplate.Endpoint).WithName(nameof(CreateFeedbackTemplate))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409); // project staff
        g.MapPut("/feedback-templates/{id:guid}", UpdateFeedbackTemplate.Endpoint).WithName(nameof(UpdateFeedbackTemplate))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409); // its project's staff
        g.MapDelete("/feedback-templates/{id:guid}", DeleteFeedbackTemplate.Endpoint).WithName(nameof(DeleteFeedbackTemplate))
            .RequireAuthorization().ProducesProblems(401, 403, 404); // its project's staff
        // csharpier-ignore-end
        return api;
    }
}
