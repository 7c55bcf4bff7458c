using Participation.Api.Infrastructure.Idempotency;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Surveys;

/// <summary>Surveys and polls: the builder for project staff, answers by residents (or visitors when allowed), results and
/// export.</summary>
public static class SurveysEndpoints
{
    public static RouteGroupBuilder MapSurveysEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("").WithTags("Surveys");
        g.MapGet("/phases/{id:guid}/survey", GetSurvey.Endpoint).WithName(nameof(GetSurvey))
            .AllowAnonymous().AcceptClients(ClientScope.ProjectsRead).ProducesProblems(404); // published project, or staff
        g.MapPut("/phases/{id:guid}/survey", SaveSurvey.Endpoint).WithName(nameof(SaveSurvey))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(400, 401, 403, 404, 409); // project staff
        g.MapGet("/phases/{id:guid}/my-response", GetMyResponse.Endpoint).WithName(nameof(GetMyResponse))
            .AllowAnonymous().ProducesProblems(400, 404); // own response (account or browser token)
        g.MapPut("/phases/{id:guid}/my-response", SaveDraftResponse.Endpoint).WithName(nameof(SaveDraftResponse))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(400, 401, 403, 404); // phase rules, own draft
        g.MapPost("/phases/{id:guid}/responses", SubmitResponse.Endpoint).WithName(nameof(SubmitResponse))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Writes).WithIdempotency()
            .ProducesProblems(400, 401, 403, 404, 409); // phase rules (everyone: token)
        g.MapGet("/phases/{id:guid}/poll-answer", GetPollState.Endpoint).WithName(nameof(GetPollState))
            .AllowAnonymous().ProducesProblems(400, 404); // own answer; results when published
        g.MapPut("/phases/{id:guid}/poll-answer", AnswerPoll.Endpoint).WithName(nameof(AnswerPoll))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(400, 401, 403, 404, 409); // phase rules (everyone: token)
        g.MapDelete("/phases/{id:guid}/poll-answer", WithdrawPollAnswer.Endpoint).WithName(nameof(WithdrawPollAnswer))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Writes).ProducesProblems(401, 403, 404); // own answer, phase open
        g.MapGet("/phases/{id:guid}/survey-results", GetSurveyResults.Endpoint).WithName(nameof(GetSurveyResults))
            .AllowAnonymous().AcceptClients(ClientScope.ResultsRead).ProducesProblems(403, 404); // staff, or published
        g.MapGet("/survey-questions/{id:guid}/text-answers", ListTextAnswers.Endpoint).WithName(nameof(ListTextAnswers))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404); // project staff
        g.MapGet("/phases/{id:guid}/responses.csv", ExportSurveyResponses.Endpoint).WithName(nameof(ExportSurveyResponses))
            .RequireAuthorization().Produces(200, contentType: "text/csv").ProducesProblems(400, 401, 403, 404); // project staff, audited
        // csharpier-ignore-end
        return api;
    }
}
