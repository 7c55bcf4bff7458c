using Microsoft.AspNetCore.Mvc;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Platform;

public static class PlatformEndpoints
{
    public static RouteGroupBuilder MapPlatformEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/platform").WithTags("Platform");
        g.MapGet("/", GetPlatform.Endpoint).WithName(nameof(GetPlatform))
            .AllowAnonymous().AcceptClients(ClientScope.ProjectsRead, ClientScope.IdeasRead, ClientScope.ResultsRead); // everyone
        g.MapGet("/settings", GetPlatformSettings.Endpoint).WithName(nameof(GetPlatformSettings))
            .RequireAuthorization().ProducesProblems(401, 403); // admins
        g.MapPut("/settings", UpdatePlatformSettings.Endpoint).WithName(nameof(UpdatePlatformSettings))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(400, 401, 403, 409); // admins; audited
        g.MapPut("/settings/account-retention", SetAccountRetention.Endpoint).WithName(nameof(SetAccountRetention))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(400, 401, 403); // admins; audited
        g.MapPut("/logo", SetPlatformImage.LogoEndpoint).WithName("SetPlatformLogo")
            .RequireAuthorization().DisableAntiforgery() // bearer tokens, not cookies
            .WithMetadata(new RequestSizeLimitAttribute(SetPlatformImage.MaxLogoBytes + 64 * 1024))
            .ProducesProblems(400, 401, 403, 413); // admins; audited
        g.MapPut("/favicon", SetPlatformImage.FaviconEndpoint).WithName("SetPlatformFavicon")
            .RequireAuthorization().DisableAntiforgery() // bearer tokens, not cookies
            .WithMetadata(new RequestSizeLimitAttribute(SetPlatformImage.MaxFaviconBytes + 64 * 1024))
            .ProducesProblems(400, 401, 403, 413); // admins; audited
        g.MapGet("/logo", GetPlatformImage.LogoEndpoint).WithName("GetPlatformLogo")
            .AllowAnonymous().AcceptClients(ClientScope.ProjectsRead, ClientScope.IdeasRead, ClientScope.ResultsRead)
            .Produces(200, typeof(Stream), "image/png", "image/jpeg", "image/webp").ProducesProblems(404); // everyone
        g.MapGet("/favicon", GetPlatformImage.FaviconEndpoint).WithName("GetPlatformFavicon")
            .AllowAnonymous().AcceptClients(ClientScope.ProjectsRead, ClientScope.IdeasRead, ClientScope.ResultsRead)
            .Produces(200, typeof(Stream), "image/png", "image/x-icon").ProducesProblems(404); // everyone
        // csharpier-ignore-end
        return api;
    }
}
