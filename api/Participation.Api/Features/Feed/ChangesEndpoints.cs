namespace Participation.Api.Features.Feed;

/// <summary>The change feed for integrators: follow the public content's changes with an exact cursor.</summary>
public static class ChangesEndpoints
{
    public static RouteGroupBuilder MapChangesEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/changes").WithTags("Changes");
        g.MapGet("/", ListChanges.Endpoint).WithName(nameof(ListChanges))
            .RequireAuthorization().AcceptClients(ClientScope.ProjectsRead, ClientScope.IdeasRead)
            .ProducesProblems(400, 401, 403); // clients (by scope), admin, IT manager
        g.MapGet("/cursor", GetChangeCursor.Endpoint).WithName(nameof(GetChangeCursor))
            .RequireAuthorization().AcceptClients(ClientScope.ProjectsRead, ClientScope.IdeasRead)
            .ProducesProblems(401, 403); // clients (by scope), admin, IT manager
        // csharpier-ignore-end
        return api;
    }
}
