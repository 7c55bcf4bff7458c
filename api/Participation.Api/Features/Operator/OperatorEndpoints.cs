using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Operator;

/// <summary>
/// The vendor's console (issue 19): outside any city (CityRouting lets <c>/api/v1/operator</c> through on any host, with
/// no city set), with operator tokens only (<see cref="OperatorTokens"/>). Operators may do everything (the console's
/// people included: nobody changes their own access, 403; the last enabled operator stays, 409); support staff read the
/// city list. Everyone changes their own password; until a password another operator set is replaced, only that is open.
/// A person added by e-mail invitation has no password until they choose one through the link (lookup and accept are
/// anonymous: the token is the proof; rate-limited as the other sensitive forms).
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
        g.MapPost("/invitations/lookup", LookupOperatorInvitation.Endpoint).WithName(nameof(LookupOperatorInvitation))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Sensitive).ProducesProblems(400, 410, 429);
        g.MapPost("/invitations/accept", AcceptOperatorInvitation.Endpoint).WithName(nameof(AcceptOperatorInvitation))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Sensitive).ProducesProblems(400, 410, 429); // the token is the proof
        g.MapGet("/me", GetOperatorMe.Endpoint).WithName(nameof(GetOperatorMe))
            .RequireAuthorization(OperatorTokens.SupportPolicy).AllowedBeforePasswordChange().ProducesProblems(401, 403, 404);
        g.MapPost("/me/password", ChangeOwnOperatorPassword.Endpoint).WithName(nameof(ChangeOwnOperatorPassword))
            .RequireAuthorization(OperatorTokens.SupportPolicy).AllowedBeforePasswordChange().RequireRateLimiting(RateLimits.Sensitive)
            .ProducesProblems(400, 401, 403, 404, 429);
        g.MapGet("/cities", ListCities.Endpoint).WithName(nameof(ListCities))
            .RequireAuthorization(OperatorTokens.SupportPolicy).ProducesProblems(401, 403);
        g.MapGet("/cities/{id:guid}", GetCity.Endpoint).WithName(nameof(GetCity))
            .RequireAuthorization(OperatorTokens.SupportPolicy).ProducesProblems(401, 403, 404);
        g.MapPost("/cities", CreateCity.Endpoint).WithName(nameof(CreateCity))
            .RequireAuthorization(OperatorTokens.OperatorPolicy).ProducesProblems(400, 401, 403, 409);
        g.MapPut("/cities/{id:guid}/domains", UpdateCityDomains.Endpoint).WithName(nameof(UpdateCityDomains))
            .RequireAuthorization(OperatorTokens.OperatorPolicy).ProducesProblems(400, 401, 403, 404, 409);
        g.MapPost("/cities/{id:guid}/suspend", ChangeCityStatus.Suspend).WithName("SuspendCity")
            .RequireAuthorization(OperatorTokens.OperatorPolicy).ProducesProblems(401, 403, 404, 409);
        g.MapPost("/cities/{id:guid}/reactivate", ChangeCityStatus.Reactivate).WithName("ReactivateCity")
            .RequireAuthorization(OperatorTokens.OperatorPolicy).ProducesProblems(401, 403, 404, 409);
        g.MapPost("/cities/{id:guid}/archive", ChangeCityStatus.Archive).WithName("ArchiveCity")
            .RequireAuthorization(OperatorTokens.OperatorPolicy).ProducesProblems(401, 403, 404, 409);
        g.MapGet("/operators", ListOperators.Endpoint).WithName(nameof(ListOperators))
            .RequireAuthorization(OperatorTokens.OperatorPolicy).ProducesProblems(401, 403);
        g.MapPost("/operators", CreateOperator.Endpoint).WithName(nameof(CreateOperator))
            .RequireAuthorization(OperatorTokens.OperatorPolicy).RequireRateLimiting(RateLimits.Sensitive)
            .ProducesProblems(400, 401, 403, 409, 429);
        g.MapPut("/operators/{id:guid}/role", ChangeOperatorRole.Endpoint).WithName(nameof(ChangeOperatorRole))
            .RequireAuthorization(OperatorTokens.OperatorPolicy).ProducesProblems(400, 401, 403, 404, 409); // 403: oneself
        g.MapPost("/operators/{id:guid}/disable", ChangeOperatorAccess.Disable).WithName("DisableOperator")
            .RequireAuthorization(OperatorTokens.OperatorPolicy).ProducesProblems(401, 403, 404, 409); // 409: the last operator
        g.MapPost("/operators/{id:guid}/enable", ChangeOperatorAccess.Enable).WithName("EnableOperator")
            .RequireAuthorization(OperatorTokens.OperatorPolicy).ProducesProblems(401, 403, 404);
        g.MapPost("/operators/{id:guid}/password", SetOperatorPassword.Endpoint).WithName(nameof(SetOperatorPassword))
            .RequireAuthorization(OperatorTokens.OperatorPolicy).RequireRateLimiting(RateLimits.Sensitive)
            .ProducesProblems(400, 401, 403, 404, 429); // 403: oneself
        g.MapPost("/operators/{id:guid}/invitation", ResendOperatorInvitation.Endpoint).WithName(nameof(ResendOperatorInvitation))
            .RequireAuthorization(OperatorTokens.OperatorPolicy).RequireRateLimiting(RateLimits.Sensitive)
            .ProducesProblems(401, 403, 404, 409, 429); // 409: not invited (any more)
        g.MapDelete("/operators/{id:guid}/invitation", RevokeOperatorInvitation.Endpoint).WithName(nameof(RevokeOperatorInvitation))
            .RequireAuthorization(OperatorTokens.OperatorPolicy).ProducesProblems(401, 403, 404, 409); // 409: not invited (any more)
        g.MapGet("/audit", ListOperatorAudit.Endpoint).WithName(nameof(ListOperatorAudit))
            .RequireAuthorization(OperatorTokens.OperatorPolicy).ProducesProblems(400, 401, 403);
        // csharpier-ignore-end
        return api;
    }
}
