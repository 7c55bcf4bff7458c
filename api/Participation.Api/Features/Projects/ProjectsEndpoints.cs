using Microsoft.AspNetCore.Mvc;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Projects;

/// <summary>
/// Projects and their timeline. Scoped rights are checked in the handlers through ProjectStaff:
/// moderators of the project, heads of its department, admins.
/// </summary>
public static class ProjectsEndpoints
{
    public static RouteGroupBuilder MapProjectsEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/projects").WithTags("Projects");
        g.MapGet("/", ListProjects.Endpoint).WithName(nameof(ListProjects))
            .AllowAnonymous().AcceptClients(ClientScope.ProjectsRead).ProducesProblems(400); // published and archived only
        g.MapGet("/workspace", ListWorkspaceProjects.Endpoint).WithName(nameof(ListWorkspaceProjects))
            .RequireAuthorization().ProducesProblems(400, 401); // the caller's projects as staff
        g.MapGet("/{id:guid}", GetProject.Endpoint).WithName(nameof(GetProject))
            .AllowAnonymous().AcceptClients(ClientScope.ProjectsRead).ProducesProblems(404); // drafts: staff or preview token
        g.MapGet("/by-slug/{slug}", GetProjectBySlug.Endpoint).WithName(nameof(GetProjectBySlug))
            .AllowAnonymous().AcceptClients(ClientScope.ProjectsRead).Produces(301).ProducesProblems(400, 404); // as by id
        g.MapGet("/{id:guid}/actions", GetProjectActions.Endpoint).WithName(nameof(GetProjectActions))
            .AllowAnonymous().AcceptClients(ClientScope.ProjectsRead).ProducesProblems(400, 404); // visitors get their reasons too
        g.MapPost("/", CreateProject.Endpoint).WithName(nameof(CreateProject))
            .RequireAuthorization().ProducesProblems(400, 401, 403); // admin, or a head of the department
        g.MapPatch("/{id:guid}", UpdateProject.Endpoint).WithName(nameof(UpdateProject))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409); // project staff (409: slug held by another project)
        g.MapPost("/{id:guid}/status", ChangeProjectStatus.Endpoint).WithName(nameof(ChangeProjectStatus))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404); // project staff
        g.MapPost("/{id:guid}/preview-link", CreatePreviewLink.Endpoint).WithName(nameof(CreatePreviewLink))
            .RequireAuthorization().ProducesProblems(401, 403, 404); // project staff
        g.MapDelete("/{id:guid}/preview-link", RevokePreviewLink.Endpoint).WithName(nameof(RevokePreviewLink))
            .RequireAuthorization().ProducesProblems(401, 403, 404); // project staff
        g.MapPut("/{id:guid}/moderators/{userId:guid}", AssignModerator.Endpoint).WithName(nameof(AssignModerator))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404); // admin, heads of the department
        g.MapDelete("/{id:guid}/moderators/{userId:guid}", RemoveModerator.Endpoint).WithName(nameof(RemoveModerator))
            .RequireAuthorization().ProducesProblems(401, 403, 404); // admin, heads of the department
        g.MapPost("/{id:guid}/phases", AddPhase.Endpoint).WithName(nameof(AddPhase))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404); // project staff
        g.MapPut("/{id:guid}/phases/{phaseId:guid}", ChangePhase.Endpoint).WithName(nameof(ChangePhase))
            .RequireAuthorization().ProducesProblems(400, 401, 403, 404); // project staff
        g.MapDelete("/{id:guid}/phases/{phaseId:guid}", RemovePhase.Endpoint).WithName(nameof(RemovePhase))
            .RequireAuthorization().ProducesProblems(401, 403, 404); // project staff
        g.MapPut("/{id:guid}/image", SetProjectImage.Endpoint).WithName(nameof(SetProjectImage))
            .RequireAuthorization().DisableAntiforgery() // bearer tokens, not cookies
            .WithMetadata(new RequestSizeLimitAttribute(SetProjectImage.MaxBytes + 64 * 1024))
            .ProducesProblems(400, 401, 403, 404, 413); // project staff
        g.MapPut("/{id:guid}/follow", FollowProject.Endpoint).WithName(nameof(FollowProject))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(401, 404, 409);
        g.MapDelete("/{id:guid}/follow", UnfollowProject.Endpoint).WithName(nameof(UnfollowProject))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(401, 404);
        g.MapGet("/{id:guid}/image", GetProjectImage.Endpoint).WithName(nameof(GetProjectImage))
            .AllowAnonymous().AcceptClients(ClientScope.ProjectsRead).Produces(200, typeof(Stream), "image/png", "image/jpeg", "image/webp")
            .ProducesProblems(404); // capability URL: the random key is in it
        // csharpier-ignore-end
        return api;
    }
}
