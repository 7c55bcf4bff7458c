using Microsoft.AspNetCore.Mvc;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Media;

/// <summary>
/// Images in rich texts: uploaded by the staff who write them (checked in the handler; API clients are refused), served to
/// everyone by their random key (API clients with any read scope on published content may fetch them too).
/// </summary>
public static class MediaEndpoints
{
    public static RouteGroupBuilder MapMediaEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/media").WithTags("Media");
        g.MapPost("/images", UploadImage.Endpoint).WithName(nameof(UploadImage))
            .RequireAuthorization().DisableAntiforgery() // bearer tokens, not cookies
            .RequireRateLimiting(RateLimits.Writes)
            .WithMetadata(new RequestSizeLimitAttribute(UploadImage.MaxBytes + 64 * 1024))
            .ProducesProblems(400, 401, 403, 413); // admins, communication managers, departments' heads, projects' moderators
        g.MapGet("/{key}", GetMedia.Endpoint).WithName(nameof(GetMedia))
            .AllowAnonymous().AcceptClients(ClientScope.ProjectsRead, ClientScope.IdeasRead, ClientScope.ResultsRead)
            .Produces(200, typeof(Stream), "image/png", "image/jpeg", "image/webp")
            .ProducesProblems(404); // everyone: the key is random and the texts that show it are what is public
        // csharpier-ignore-end
        return api;
    }
}
