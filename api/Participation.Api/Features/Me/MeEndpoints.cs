using Microsoft.AspNetCore.Mvc;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Me;

/// <summary>The signed-in user's own account.</summary>
public static class MeEndpoints
{
    public static RouteGroupBuilder MapMeEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/me").WithTags("Me");
        g.MapGet("/", GetMe.Endpoint).WithName(nameof(GetMe))
            .RequireAuthorization().ProducesProblems(401, 404);
        g.MapPatch("/", UpdateMe.Endpoint).WithName(nameof(UpdateMe))
            .RequireAuthorization().ProducesProblems(400, 401);
        g.MapPost("/password", ChangePassword.Endpoint).WithName(nameof(ChangePassword))
            .RequireAuthorization().ProducesProblems(400, 401);
        g.MapPut("/avatar", SetMyAvatar.Endpoint).WithName(nameof(SetMyAvatar))
            .RequireAuthorization().DisableAntiforgery() // bearer tokens, not cookies
            .RequireRateLimiting(RateLimits.Writes)
            .WithMetadata(new RequestSizeLimitAttribute(Users.Avatars.MaxBytes + 64 * 1024))
            .ProducesProblems(400, 401, 413);
        g.MapDelete("/avatar", RemoveMyAvatar.Endpoint).WithName(nameof(RemoveMyAvatar))
            .RequireAuthorization().Produces(204).ProducesProblems(401);
        g.MapGet("/contributions", ListMyContributions.Endpoint).WithName(nameof(ListMyContributions))
            .RequireAuthorization().ProducesProblems(400, 401);
        // csharpier-ignore-end
        return api;
    }
}
