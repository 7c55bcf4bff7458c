using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Sharing;

/// <summary>
/// Share pages: the addresses the web app's share buttons give out, served by the API (the web app is client-rendered, so
/// link-preview crawlers would see no title nor image): public content only, outside /api/v1 and the API description (HTML).
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
        // csharpier-ignore-end
        return app;
    }
}
