namespace Participation.Api.Features.Figures;

/// <summary>Figures and dashboards for the people who oversee a scope (read-only), and figures for API clients.</summary>
public static class FiguresEndpoints
{
    public static RouteGroupBuilder MapFiguresEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        api.MapGet("/figures", GetFigures.Endpoint).WithName(nameof(GetFigures)).WithTags("Figures")
            .RequireAuthorization().AcceptClients(ClientScope.StatisticsRead)
            .ProducesProblems(400, 401, 403, 404); // the scope's readers (admins, officials, heads, moderators); clients
        var g = api.MapGroup("/dashboard").WithTags("Figures");
        g.MapGet("/", GetDashboard.Endpoint).WithName(nameof(GetDashboard))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404); // the scope's readers (admins, officials, heads, moderators)
        g.MapGet("/scopes", ListDashboardScopes.Endpoint).WithName(nameof(ListDashboardScopes))
            .RequireAuthorization().ProducesProblems(401); // anyone signed in (an empty list for residents)
        // csharpier-ignore-end
        return api;
    }
}
