using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Pages;

/// <summary>
/// Pages (about, privacy policy, terms, accessibility statement, FAQ, free pages): written by admins and communication
/// managers (checked in the handlers), read by everyone once published.
/// </summary>
public static class PagesEndpoints
{
    public static RouteGroupBuilder MapPagesEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/pages").WithTags("Pages");
        g.MapGet("/", ListPages.Endpoint).WithName(nameof(ListPages))
            .AllowAnonymous().ProducesProblems(400); // everyone: published pages only
        g.MapGet("/by-slug/{slug}", GetPageBySlug.Endpoint).WithName(nameof(GetPageBySlug))
            .AllowAnonymous().ProducesProblems(400, 404); // everyone: published pages only
        g.MapGet("/editable", ListEditablePages.Endpoint).WithName(nameof(ListEditablePages))
            .RequireAuthorization().ProducesProblems(400, 401, 403); // admin, communication_manager
        g.MapGet("/{id:guid}", GetPage.Endpoint).WithName(nameof(GetPage))
            .RequireAuthorization().ProducesProblems(401, 403, 404); // admin, communication_manager
        g.MapPost("/", CreatePage.Endpoint).WithName(nameof(CreatePage))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(400, 401, 403, 409); // admin, communication_manager; audited
        g.MapPut("/{id:guid}", UpdatePage.Endpoint).WithName(nameof(UpdatePage))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(400, 401, 403, 404, 409); // admin, communication_manager; audited
        g.MapPut("/{id:guid}/status", ChangePageStatus.Endpoint).WithName(nameof(ChangePageStatus))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(400, 401, 403, 404, 409); // admin, communication_manager; audited
        g.MapDelete("/{id:guid}", DeletePage.Endpoint).WithName(nameof(DeletePage))
            .RequireAuthorization().ProducesProblems(401, 403, 404, 409); // admin, communication_manager; audited
        // csharpier-ignore-end
        return api;
    }
}
