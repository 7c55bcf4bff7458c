using System.Data;

namespace Participation.Api.Features.Grants;

/// <summary>
/// Who runs a project: its moderators, the heads of its department, and admins. One indexed query,
/// used by every handler that acts on a project (so all features agree).
/// </summary>
public static class ProjectStaff
{
    /// <summary>The caller's relation to a project; <see cref="Exists"/> is false for an unknown project.</summary>
    public sealed record Access(bool Exists, string Status, Guid DepartmentId, bool Admin, bool DepartmentHead, bool Moderator)
    {
        public bool IsStaff => Admin || DepartmentHead || Moderator;

        /// <summary>Admins and the department's heads manage the project's moderators (moderators do not).</summary>
        public bool ManagesModerators => Admin || DepartmentHead;
    }

    /// <summary>SQL fragment: the caller (@ActorId) is staff of project alias <c>p</c>.</summary>
    public const string IsStaffOf = """
        EXISTS (SELECT 1 FROM user_roles r
                 WHERE r.user_id = @ActorId
                   AND (r.role = 'admin'
                        OR (r.role = 'department_head' AND r.department_id = p.department_id)
                        OR (r.role = 'project_moderator' AND r.project_id = p.id)))
        """;

    /// <summary>
    /// SQL fragment: the caller (@ActorId) oversees project alias <c>p</c>: its staff, or an elected official whose scope
    /// covers it (the whole platform, or its department). Overseers read what staff read (provisional results, dashboards)
    /// and never write.
    /// </summary>
    public const string OverseesOf = """
        EXISTS (SELECT 1 FROM user_roles r
                 WHERE r.user_id = @ActorId
                   AND (r.role = 'admin'
                        OR (r.role = 'department_head' AND r.department_id = p.department_id)
                        OR (r.role = 'project_moderator' AND r.project_id = p.id)
                        OR (r.role = 'elected_official' AND (r.scope_type = 'platform' OR r.department_id = p.department_id))))
        """;

    private const string Sql = """
        SELECT true AS exists, p.status, p.department_id,
               EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = @ActorId AND r.role = 'admin') AS admin,
               EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = @ActorId AND r.role = 'department_head'
                       AND r.department_id = p.department_id) AS department_head,
               EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = @ActorId AND r.role = 'project_moderator'
                       AND r.project_id = p.id) AS moderator
          FROM projects p WHERE p.id = @ProjectId;
        """;

    private static readonly Access Missing = new(false, "", Guid.Empty, false, false, false);

    public static async Task<Access> OfAsync(
        IDbConnection connection,
        Guid? actorId,
        Guid projectId,
        IDbTransaction? tx,
        CancellationToken ct
    ) =>
        await connection.QuerySingleOrDefaultAsync<Access>(
            new CommandDefinition(Sql, new { ActorId = actorId, ProjectId = projectId }, tx, cancellationToken: ct)
        ) ?? Missing;
}
