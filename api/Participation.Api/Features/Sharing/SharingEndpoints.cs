using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Sharing;

/// <summary>
/// Share pages: the addresses the web app's share buttons give out, served by the API (the web app is client-rendered, so
/// link-preview crawlers would see no title nor image): public content only, outside /api/v1 and the API description (HTML).
/// Their addresses carry slugs (/share/projects/{slug}, /share/projects/{slug}/ideas/{slug}, /share/events/{slug}); an id
/// or a project's former slug answers a permanent redirect (301) to the current address.
/// </summary>
public static class SharingEndpoints
{
    public static IEndpointRouteBuilder MapShareEndpoints(this IEndpointRouteBuilder app)
    {
        // csharpier-ignore-start
        var g = app.MapGroup("/share").ExcludeFromDescription();
        g.MapGet("/projects/{id:guid}", ShareProject.Endpoint).WithName(nameof(ShareProject))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Embed); // everyone: published and archived projects only
        g.MapGet("/ideas/{id:guid}", ShareIdea.Endpoint).WithName(nameof(ShareIdea))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Embed); // everyone: public ideas only
        g.MapGet("/events/{id:guid}", ShareEvent.Endpoint).WithName(nameof(ShareEvent))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Embed); // everyone: public events only
        g.MapGet("/projects/{slug}", ShareProject.SlugEndpoint).WithName("ShareProjectBySlug")
            .AllowAnonymous().RequireRateLimiting(RateLimits.Embed); // everyone: published and archived projects only
        g.MapGet("/projects/{projectSlug}/ideas/{slug}", ShareIdea.SlugEndpoint).WithName("ShareIdeaBySlug")
            .AllowAnonymous().RequireRateLimiting(RateLimits.Embed); // everyone: public ideas only
        g.MapGet("/events/{slug}", ShareEvent.SlugEndpoint).WithName("ShareEventBySlug")
            .AllowAnonymous().RequireRateLimiting(RateLimits.Embed); // everyone: public events only
        // csharpier-ignore-end
        return app;
    }
}
