namespace Participation.Api.Features.Areas;

/// <summary>The areas (neighbourhoods) projects and ideas are tagged from: read by everyone, kept by admins.</summary>
public static class AreasEndpoints
{
    public static RouteGroupBuilder MapAreasEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/areas").WithTags("Areas");
        g.MapGet("/", ListAreas.Endpoint).WithName(nameof(ListAreas))
            .AllowAnonymous().AcceptClients(ClientScope.ProjectsRead, ClientScope.IdeasRead); // everyone
        g.MapPost("/", CreateArea.Endpoint).WithName(nameof(CreateArea))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 409); // admin
        g.MapPut("/{id:guid}", UpdateArea.Endpoint).WithName(nameof(UpdateArea))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409); // admin
        // csharpier-ignore-end
        return api;
    }
}
