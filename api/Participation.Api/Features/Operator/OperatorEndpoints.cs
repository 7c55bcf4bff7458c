using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Operator;

/// <summary>
/// The vendor's console (issue 19): outside any city (CityRouting lets <c>/api/v1/operator</c> through on any host, with
/// no city set), with operator tokens only (<see cref="OperatorTokens"/>). Operators may do everything; support staff
/// what the Support policy allows.
/// </summary>
public static class OperatorEndpoints
{
    public static RouteGroupBuilder MapOperatorEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/operator").WithTags("Operator");
        g.MapPost("/auth/login", OperatorLogin.Endpoint).WithName(nameof(OperatorLogin))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Login).ProducesProblems(400, 401, 429);
        g.MapGet("/me", GetOperatorMe.Endpoint).WithName(nameof(GetOperatorMe))
            .RequireAuthorization(OperatorTokens.SupportPolicy).ProducesProblems(401, 403, 404);
        // csharpier-ignore-end
        return api;
    }
}
