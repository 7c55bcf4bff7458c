namespace Participation.Api.Features.Topics;

/// <summary>The topics projects and ideas are tagged from: read by everyone, kept by admins.</summary>
public static class TopicsEndpoints
{
    public static RouteGroupBuilder MapTopicsEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/topics").WithTags("Topics");
        g.MapGet("/", ListTopics.Endpoint).WithName(nameof(ListTopics))
            .AllowAnonymous().AcceptClients(ClientScope.ProjectsRead, ClientScope.IdeasRead); // everyone
        g.MapPost("/", CreateTopic.Endpoint).WithName(nameof(CreateTopic))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 409); // admin
        g.MapPut("/{id:guid}", UpdateTopic.Endpoint).WithName(nameof(UpdateTopic))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409); // admin
        // csharpier-ignore-end
        return api;
    }
}
