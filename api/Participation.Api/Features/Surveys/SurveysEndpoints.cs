using Participation.Api.Infrastructure.Idempotency;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Surveys;

/// <summary>Surveys and polls: the builder for project staff, answers by residents (or visitors when allowed), results and export.</summary>
public static class SurveysEndpoints
{
    public static RouteGroupBuilder MapSurveysEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Surveys");
        GetSurvey.Map(g).AllowAnonymous();                                                            // published project, or staff
        SaveSurvey.Map(g).RequireAuthorization().RequireRateLimiting(RateLimits.Writes);              // project staff
        GetMyResponse.Map(g).AllowAnonymous();                                                        // own response (account or browser token)
        SaveDraftResponse.Map(g).RequireAuthorization().RequireRateLimiting(RateLimits.Writes);       // phase rules, own draft
        SubmitResponse.Map(g).AllowAnonymous().RequireRateLimiting(RateLimits.Writes).WithIdempotency(); // phase rules (everyone: token)
        GetPollState.Map(g).AllowAnonymous();                                                         // own answer; results when published
        AnswerPoll.Map(g).AllowAnonymous().RequireRateLimiting(RateLimits.Writes);                    // phase rules (everyone: token)
        WithdrawPollAnswer.Map(g).AllowAnonymous().RequireRateLimiting(RateLimits.Writes);            // own answer, phase open
        GetSurveyResults.Map(g).AllowAnonymous();                                                     // staff, or published
        ListTextAnswers.Map(g).RequireAuthorization();                                                // project staff
        ExportSurveyResponses.Map(g).RequireAuthorization();                                          // project staff, audited
        return api;
    }
}
