using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Auth;

/// <summary>Accounts and sessions. Every route, verb and authorization rule of the feature.</summary>
public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/auth").WithTags("Auth");
        g.MapPost("/register", Register.Endpoint).WithName(nameof(Register))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Sensitive).ProducesProblems(400, 409, 429);
        g.MapPost("/confirm-email", ConfirmEmail.Endpoint).WithName(nameof(ConfirmEmail))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Sensitive).ProducesProblems(400, 410, 429);
        g.MapPost("/confirm-email/resend", ResendConfirmation.Endpoint).WithName(nameof(ResendConfirmation))
            .RequireAuthorization().ProducesProblems(401, 409, 429);
        g.MapPost("/login", Login.Endpoint).WithName(nameof(Login))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Login).ProducesProblems(400, 401, 429);
        g.MapPost("/refresh", Refresh.Endpoint).WithName(nameof(Refresh))
            .AllowAnonymous().ProducesProblems(400, 401); // 256-bit tokens: nothing to guess, and a city hall shares one IP
        g.MapPost("/logout", Logout.Endpoint).WithName(nameof(Logout))
            .AllowAnonymous().ProducesProblems(400);
        g.MapPost("/password-reset", RequestPasswordReset.Endpoint).WithName(nameof(RequestPasswordReset))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Sensitive).ProducesProblems(400, 429);
        g.MapPost("/password-reset/confirm", ResetPassword.Endpoint).WithName(nameof(ResetPassword))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Sensitive).ProducesProblems(400, 410, 429);
        // csharpier-ignore-end
        return api;
    }
}
