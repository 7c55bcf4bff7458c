using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Auth;

/// <summary>Accounts and sessions. Every route, verb and authorization rule of the feature.</summary>
public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/auth").WithTags("Auth");
        Register.Map(g).AllowAnonymous().RequireRateLimiting(RateLimits.Sensitive);
        ConfirmEmail.Map(g).AllowAnonymous().RequireRateLimiting(RateLimits.Sensitive);
        ResendConfirmation.Map(g).RequireAuthorization();
        Login.Map(g).AllowAnonymous().RequireRateLimiting(RateLimits.Login);
        Refresh.Map(g).AllowAnonymous(); // 256-bit tokens: nothing to guess, and a city hall shares one IP
        Logout.Map(g).AllowAnonymous();
        RequestPasswordReset.Map(g).AllowAnonymous().RequireRateLimiting(RateLimits.Sensitive);
        ResetPassword.Map(g).AllowAnonymous().RequireRateLimiting(RateLimits.Sensitive);
        return api;
    }
}
