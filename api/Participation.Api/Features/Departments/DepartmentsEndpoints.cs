namespace Participation.Api.Features.Departments;

/// <summary>Departments of the administration. Heads are role grants (see Users: PUT /users/{id}/roles).</summary>
public static class DepartmentsEndpoints
{
    public static RouteGroupBuilder MapDepartmentsEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/departments").WithTags("Departments");
        g.MapGet("/", ListDepartments.Endpoint).WithName(nameof(ListDepartments))
            .AllowAnonymous().AcceptClients(ClientScope.ProjectsRead, ClientScope.IdeasRead); // everyone
        g.MapPost("/", CreateDepartment.Endpoint).WithName(nameof(CreateDepartment))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 409); // admin
        g.MapPut("/{id:guid}", RenameDepartment.Endpoint).WithName(nameof(RenameDepartment))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409); // admin
        g.MapDelete("/{id:guid}", DeleteDepartment.Endpoint).WithName(nameof(DeleteDepartment))
            .RequireAuthorization().ProducesProblems(401, 403, 404, 409); // admin
        // csharpier-ignore-end
        return api;
    }
}
