using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Widgets;

/// <summary>
/// Widgets for the city's website: configured by admins, IT and communication managers (checked in the handlers); the
/// embed page and the script snippet's code are public, outside /api/v1 and the API description (they are not JSON).
/// </summary>
public static class WidgetsEndpoints
{
    public static RouteGroupBuilder MapWidgetsEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/widgets").WithTags("Widgets");
        g.MapGet("/", ListWidgets.Endpoint).WithName(nameof(ListWidgets))
            .RequireAuthorization().ProducesProblems(400, 401, 403); // admin, it_manager, communication_manager
        g.MapGet("/{id:guid}", GetWidget.Endpoint).WithName(nameof(GetWidget))
            .RequireAuthorization().ProducesProblems(401, 403, 404); // admin, it_manager, communication_manager
        g.MapPost("/", CreateWidget.Endpoint).WithName(nameof(CreateWidget))
            .RequireAuthorization().ProducesProblems(400, 401, 403); // admin, it_manager, communication_manager
        g.MapPut("/{id:guid}", UpdateWidget.Endpoint).WithName(nameof(UpdateWidget))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404); // admin, it_manager, communication_manager
        g.MapDelete("/{id:guid}", DeleteWidget.Endpoint).WithName(nameof(DeleteWidget))
            .RequireAuthorization().ProducesProblems(401, 403, 404); // admin, it_manager, communication_manager
        // csharpier-ignore-end
        return api;
    }

    public static IEndpointRouteBuilder MapEmbedEndpoints(this IEndpointRouteBuilder app)
    {
        // csharpier-ignore-start
        var g = app.MapGroup("/embed").ExcludeFromDescription();
        g.MapGet("/widgets/{id:guid}", ShowWidget.Endpoint).WithName(nameof(ShowWidget))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Embed); // everyone; framed by the widget's allowed origins only
        g.MapGet("/embed.js", EmbedScript.Endpoint).WithName(nameof(EmbedScript))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Embed); // everyone
        // csharpier-ignore-end
        return app;
    }
}
