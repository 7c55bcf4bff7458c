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
        // csharpier-ignore-end
        return api;
    }
}
