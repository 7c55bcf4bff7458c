using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Consents;

/// <summary>Consent records: the terms of use's versions, and each person's accepted terms and newsletter choice.</summary>
public static class ConsentsEndpoints
{
    public static RouteGroupBuilder MapConsentsEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/consents").WithTags("Consents");
        g.MapGet("/terms", GetCurrentTerms.Endpoint).WithName(nameof(GetCurrentTerms))
            .AllowAnonymous(); // everyone: what registering accepts
        g.MapPost("/terms", PublishTermsVersion.Endpoint).WithName(nameof(PublishTermsVersion))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(400, 401, 403, 409); // admins; audited
        g.MapGet("/mine", GetMyConsents.Endpoint).WithName(nameof(GetMyConsents))
            .RequireAuthorization().ProducesProblems(401); // own
        g.MapPost("/mine/terms", AcceptTerms.Endpoint).WithName(nameof(AcceptTerms))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(400, 401, 409); // own
        // csharpier-ignore-end
        return api;
    }
}
