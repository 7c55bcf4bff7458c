using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Projects;

internal static class StaffAccess
{
    /// <summary>Staff of the project may act; others get 404 for drafts (their existence is not revealed) and 403 otherwise.</summary>
    public static async Task<ProjectStaff.Access> RequireStaffAsync(
        System.Data.IDbConnection connection,
        Guid actorId,
        Guid projectId,
        CancellationToken ct
    )
    {
        var access = await ProjectStaff.OfAsync(connection, actorId, projectId, null, ct);
        if (!access.Exists || (!access.IsStaff && access.Status == "draft"))
            throw new NotFoundException("No such project.");
        if (!access.IsStaff)
            throw new ForbiddenException();
        return access;
    }
}
