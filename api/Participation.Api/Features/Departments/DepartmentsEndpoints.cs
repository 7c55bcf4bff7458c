namespace Participation.Api.Features.Departments;

/// <summary>Departments of the administration. Heads are role grants (see Users: PUT /users/{id}/roles).</summary>
public static class DepartmentsEndpoints
{
    public static RouteGroupBuilder MapDepartmentsEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/departments").WithTags("Departments");
        ListDepartments.Map(g).AllowAnonymous();
        CreateDepartment.Map(g).RequireAuthorization();
        RenameDepartment.Map(g).RequireAuthorization();
        DeleteDepartment.Map(g).RequireAuthorization();
        return api;
    }
}
