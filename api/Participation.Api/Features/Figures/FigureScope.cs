using System.Data;
using System.Text.Json.Serialization;

namespace Participation.Api.Features.Figures;

/// <summary>What a figure covers: the whole platform, one department, one project or one phase.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum FigureScopeType
{
    Platform,
    Department,
    Project,
    Phase,
}

/// <summary>A scope the caller may read, with its name (in the caller's language) and where it sits.</summary>
/// <param name="Type">The kind of scope.</param>
/// <param name="Id">The department, project or phase (none for the platform).</param>
/// <param name="Name">Its name: the department's, project's or phase's (the platform's for the platform).</param>
/// <param name="DepartmentId">The department it belongs to (none for the platform).</param>
/// <param name="ProjectId">The project it belongs to (project and phase scopes).</param>
/// <param name="ProjectName">The project's title, for a phase.</param>
public sealed record FigureScope(FigureScopeType Type, Guid? Id, string Name, Guid? DepartmentId, Guid? ProjectId, string? ProjectName);

/// <summary>
/// Who reads figures and dashboards, for which scope — read-only in every case:
/// platform: admins and platform-wide elected officials; a department: also its heads and the officials of that
/// department; a project or phase: also its moderators and the heads and officials of its department. API clients with
/// <c>statistics:read</c> read the figures of any scope but a draft project's. Anyone else: 403; an unknown scope, or a
/// draft project for someone who may not see it: 404.
/// </summary>
public static class FigureAccess
{
    private const string Sql = """
        WITH target AS (
            SELECT NULL::uuid AS department_id, NULL::uuid AS project_id, NULL::text AS project_status,
                   jsonb_build_object('fr', (SELECT name FROM platform_settings LIMIT 1)) AS name, NULL::jsonb AS project_name
             WHERE @Type = 'platform'
            UNION ALL
            SELECT d.id, NULL, NULL, d.name, NULL FROM departments d WHERE @Type = 'department' AND d.id = @Id
            UNION ALL
            SELECT p.department_id, p.id, p.status, p.title, NULL FROM projects p WHERE @Type = 'project' AND p.id = @Id
            UNION ALL
            SELECT p.department_id, p.id, p.status, ph.title, p.title
              FROM phases ph JOIN projects p ON p.id = ph.project_id WHERE @Type = 'phase' AND ph.id = @Id)
        SELECT t.department_id, t.project_id, t.project_status,
               coalesce(t.name ->> @Language, t.name ->> 'fr') AS name,
               coalesce(t.project_name ->> @Language, t.project_name ->> 'fr') AS project_name,
               EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = @UserId AND r.role = 'admin') AS admin,
               EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = @UserId AND r.role = 'elected_official'
                          AND (r.scope_type = 'platform' OR r.department_id = t.department_id)) AS official,
               EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = @UserId AND r.role = 'department_head'
                          AND r.department_id = t.department_id) AS head,
               EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = @UserId AND r.role = 'project_moderator'
                          AND r.project_id = t.project_id) AS moderator
          FROM target t;
        """;

    private sealed record Row(
        Guid? DepartmentId,
        Guid? ProjectId,
        string? ProjectStatus,
        string? Name,
        string? ProjectName,
        bool Admin,
        bool Official,
        bool Head,
        bool Moderator
    );

    /// <summary>The scope, when the caller may read its figures (<paramref name="clients"/>: API clients too).</summary>
    public static async Task<FigureScope> RequireAsync(
        IDbConnection connection,
        Caller caller,
        FigureScopeType type,
        Guid? id,
        bool clients,
        CancellationToken ct
    )
    {
        var r = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(
                Sql,
                new
                {
                    Type = type.ToWire(),
                    Id = id,
                    UserId = caller.UserIdOrNull,
                    Language = RequestLanguage.Current,
                },
                cancellationToken: ct
            )
        );
        if (r is null)
            throw new NotFoundException("No such scope.");
        var reader = type switch
        {
            FigureScopeType.Platform => r.Admin || r.Official,
            FigureScopeType.Department => r.Admin || r.Official || r.Head,
            _ => r.Admin || r.Official || r.Head || r.Moderator,
        };
        var client = clients && caller.ClientIdOrNull is not null && caller.Scopes.Contains(ClientScope.StatisticsRead);
        if (r.ProjectStatus == "draft" && !reader)
            throw new NotFoundException("No such scope.");
        if (!reader && !client)
            throw new ForbiddenException();
        return new FigureScope(type, id, r.Name ?? "", r.DepartmentId, r.ProjectId, r.ProjectName);
    }
}
