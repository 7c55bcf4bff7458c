using System.Data;
using System.Text.Json.Serialization;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.IdeasManager;

/// <summary>How the ideas manager sorts a project's ideas.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum ManagedIdeaSort
{
    Newest,
    Oldest,

    /// <summary>Most likes first.</summary>
    MostSupported,
    MostCommented,

    /// <summary>Ideas waiting for an answer first, the longest waiting first; then the others, oldest first.</summary>
    WaitingLongest,
}

/// <summary>What a bulk status change did to one idea.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum BulkOutcome
{
    Changed,
    Refused,
}

/// <summary>A member of the project's staff, by name (never an e-mail address).</summary>
public sealed record StaffMember(Guid Id, string Name);

/// <summary>
/// Who works in a project's ideas manager: its staff (its moderators, its department's heads, admins). Elected officials
/// and the other platform roles do not: they read dashboards, never this workspace.
/// </summary>
public static class ManagerAccess
{
    /// <summary>The caller's access to the project: 404 when it does not exist, 403 when the caller is not its staff.</summary>
    public static async Task<ProjectStaff.Access> RequireStaffAsync(
        IDbConnection connection,
        Guid actorId,
        Guid projectId,
        IDbTransaction? tx,
        CancellationToken ct
    )
    {
        var access = await ProjectStaff.OfAsync(connection, actorId, projectId, tx, ct);
        if (!access.Exists)
            throw new NotFoundException("No such project.");
        return access.IsStaff
            ? access
            : throw new ForbiddenException("Only the project's moderators, its department's heads and admins manage its ideas.");
    }

    /// <summary>SQL: the people who are staff of project @ProjectId (in department @DepartmentId), by name, at most 200.</summary>
    public const string StaffSql = """
        SELECT u.id, u.first_name || ' ' || u.last_name AS name
          FROM users u
         WHERE u.id IN (SELECT r.user_id FROM user_roles r
                         WHERE r.role = 'admin'
                            OR (r.role = 'department_head' AND r.department_id = @DepartmentId)
                            OR (r.role = 'project_moderator' AND r.project_id = @ProjectId))
         ORDER BY lower(u.last_name), lower(u.first_name), u.id
         LIMIT 200
        """;
}
