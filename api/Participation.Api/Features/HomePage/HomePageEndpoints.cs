using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.HomePage;

/// <summary>
/// The home page: edited per language by admins and communication managers (checked in the handlers), a draft previewed
/// then published; read by everyone.
/// </summary>
public static class HomePageEndpoints
{
    public static RouteGroupBuilder MapHomePageEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/home-page").WithTags("HomePage");
        g.MapGet("/", GetHomePage.Endpoint).WithName(nameof(GetHomePage))
            .AllowAnonymous().ProducesProblems(400); // everyone: the published layout
        g.MapGet("/draft", GetHomePageDraft.Endpoint).WithName(nameof(GetHomePageDraft))
            .RequireAuthorization().ProducesProblems(400, 401, 403); // admin, communication_manager
        g.MapGet("/preview", PreviewHomePage.Endpoint).WithName(nameof(PreviewHomePage))
            .RequireAuthorization().ProducesProblems(400, 401, 403); // admin, communication_manager
        g.MapPut("/draft", UpdateHomePage.Endpoint).WithName(nameof(UpdateHomePage))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(400, 401, 403, 409); // admin, communication_manager; audited
        g.MapPost("/publish", PublishHomePage.Endpoint).WithName(nameof(PublishHomePage))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes)
            .ProducesProblems(400, 401, 403, 409); // admin, communication_manager; audited
        // csharpier-ignore-end
        return api;
    }
}
