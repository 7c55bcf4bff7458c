namespace Participation.Api.Features.Projects;

/// <summary>
/// Projects and their timeline. Scoped rights are checked in the handlers through ProjectStaff:
/// moderators of the project, heads of its department, admins.
/// </summary>
public static class ProjectsEndpoints
{
    public static RouteGroupBuilder MapProjectsEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/projects").WithTags("Projects");
        ListProjects.Map(g).AllowAnonymous();              // published and archived only
        ListWorkspaceProjects.Map(g).RequireAuthorization(); // the caller's projects as staff
        GetProject.Map(g).AllowAnonymous();                // drafts: staff or preview token
        GetProjectActions.Map(g).AllowAnonymous();         // anonymous visitors get their reasons too
        CreateProject.Map(g).RequireAuthorization();       // admin, or a head of the department
        UpdateProject.Map(g).RequireAuthorization();       // project staff
        ChangeProjectStatus.Map(g).RequireAuthorization(); // project staff
        CreatePreviewLink.Map(g).RequireAuthorization();   // project staff
        RevokePreviewLink.Map(g).RequireAuthorization();   // project staff
        AssignModerator.Map(g).RequireAuthorization();     // admin, heads of the department
        RemoveModerator.Map(g).RequireAuthorization();     // admin, heads of the department
        AddPhase.Map(g).RequireAuthorization();            // project staff
        ChangePhase.Map(g).RequireAuthorization();         // project staff
        RemovePhase.Map(g).RequireAuthorization();         // project staff
        SetProjectImage.Map(g).RequireAuthorization();     // project staff
        GetProjectImage.Map(g).AllowAnonymous();           // capability URL: the random key is in it
        return api;
    }
}
