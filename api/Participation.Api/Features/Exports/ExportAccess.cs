using System.Data;
using FluentValidation.Results;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Exports;

/// <summary>
/// Who may export what: staff whose role covers the scope, checked when the export is asked for, again when the job
/// writes it (a role lost meanwhile: the export fails) and when it is downloaded. Admins: any scope. Department heads:
/// their department and its projects. Project moderators: their projects. Elected officials: their scope (the platform,
/// or their department and its projects), read-only like every export, but never a draft project (drafts are their
/// staff's only). Communication and IT managers, residents and API clients: none.
/// An unknown scope, or a draft project the caller does not run, is a 400 on <c>scopeId</c> (drafts do not leak).
/// Department and platform exports cover published and archived projects; a draft's data is exported only by its
/// own staff, with the project as the scope.
/// </summary>
internal static class ExportAccess
{
    private const string Sql = """
        SELECT role, department_id, project_id, scope_type FROM user_roles WHERE user_id = @ActorId;
        SELECT p.department_id, p.status FROM projects p WHERE @ScopeType = 'project' AND p.id = @ScopeId;
        SELECT EXISTS (SELECT 1 FROM departments d WHERE @ScopeType = 'department' AND d.id = @ScopeId);
        """;

    private sealed record GrantRow(string Role, Guid? DepartmentId, Guid? ProjectId, string ScopeType);

    private sealed record ProjectRow(Guid DepartmentId, string Status);

    /// <summary>What the caller may do with the scope: <see cref="Allowed"/>, and whether they are an admin (e-mails).</summary>
    public sealed record Decision(bool Known, bool Allowed, bool Admin);

    public static async Task<Decision> DecideAsync(
        IDbConnection connection,
        Guid actorId,
        ScopeType scopeType,
        Guid? scopeId,
        IDbTransaction? tx,
        CancellationToken ct
    )
    {
        List<GrantRow> grants;
        ProjectRow? project;
        bool department;
        await using (
            var grid = await connection.QueryMultipleAsync(
                new CommandDefinition(
                    Sql,
                    new
                    {
                        ActorId = actorId,
                        ScopeType = scopeType.ToWire(),
                        ScopeId = scopeId,
                    },
                    tx,
                    cancellationToken: ct
                )
            )
        )
        {
            grants = (await grid.ReadAsync<GrantRow>()).AsList();
            project = await grid.ReadSingleOrDefaultAsync<ProjectRow>();
            department = await grid.ReadSingleAsync<bool>();
        }
        bool Has(Role role, Func<GrantRow, bool>? where = null) => grants.Any(g => g.Role == role.ToWire() && (where is null || where(g)));
        var admin = Has(Role.Admin);
        var officialEverywhere = Has(Role.ElectedOfficial, g => g.ScopeType == "platform");
        bool Heads(Guid d) => Has(Role.DepartmentHead, g => g.DepartmentId == d);
        bool Represents(Guid d) => officialEverywhere || Has(Role.ElectedOfficial, g => g.DepartmentId == d);

        switch (scopeType)
        {
            case ScopeType.Platform:
                return new Decision(true, admin || officialEverywhere, admin);
            case ScopeType.Department when department && scopeId is { } d:
                return new Decision(true, admin || Heads(d) || Represents(d), admin);
            case ScopeType.Project when project is not null && scopeId is { } p:
                var runs = admin || Heads(project.DepartmentId) || Has(Role.ProjectModerator, g => g.ProjectId == p);
                if (project.Status == "draft")
                    return runs ? new Decision(true, true, admin) : new Decision(false, false, admin);
                return new Decision(true, runs || Represents(project.DepartmentId), admin);
            default:
                return new Decision(false, false, admin);
        }
    }

    /// <summary>At request time: 400 for an unknown (or hidden) scope, 403 when the caller's roles do not cover it.</summary>
    public static async Task<Decision> RequireAsync(
        IDbConnection connection,
        Guid actorId,
        ScopeType scopeType,
        Guid? scopeId,
        IDbTransaction? tx,
        CancellationToken ct
    )
    {
        var decision = await DecideAsync(connection, actorId, scopeType, scopeId, tx, ct);
        if (!decision.Known)
        {
            // Someone with no export rights at all learns nothing about which ids exist.
            if (!await AnyExportRoleAsync(connection, actorId, tx, ct))
                throw new ForbiddenException();
            throw new ValidationException([new ValidationFailure("scopeId", Messages.Get("unknown_scope"))]);
        }
        if (!decision.Allowed)
            throw new ForbiddenException();
        return decision;
    }

    private const string AnyRoleSql = """
        SELECT EXISTS (SELECT 1 FROM user_roles WHERE user_id = @ActorId
                          AND role IN ('admin', 'department_head', 'project_moderator', 'elected_official'));
        """;

    private static Task<bool> AnyExportRoleAsync(IDbConnection connection, Guid actorId, IDbTransaction? tx, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(AnyRoleSql, new { ActorId = actorId }, tx, cancellationToken: ct));

    /// <summary>
    /// The projects an export covers, as a SQL fragment on projects aliased <c>p</c> (parameters @ScopeType, @ScopeId):
    /// the project itself; a department's or the platform's published and archived projects.
    /// </summary>
    public const string InScope = """
        ((@ScopeType = 'project' AND p.id = @ScopeId)
         OR (@ScopeType = 'department' AND p.department_id = @ScopeId AND p.status <> 'draft')
         OR (@ScopeType = 'platform' AND p.status <> 'draft'))
        """;
}
