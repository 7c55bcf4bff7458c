using System.Data;
using System.Text.Json.Serialization;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Reports;

/// <summary>A part of the report, shown in this fixed order when chosen.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum ReportSection
{
    Goals,
    Timeline,
    Figures,
    Phases,
    Conclusions,
}

/// <summary>
/// Who reads and who composes a project's results report. Readers: the project's overseers (its moderators, the heads of
/// its department, admins, and the elected officials of the platform or of that department; read-only for officials).
/// Writers (compose, send): its staff only (moderators, the department's heads, admins). An unknown project, or a draft
/// one for someone who does not oversee it: 404; anyone else: 403. API clients are refused (403).
/// </summary>
public static class ReportAccess
{
    /// <summary>The project as the report shows it, in the caller's language, and whether the caller may compose it.</summary>
    public sealed record Project(
        Guid Id,
        Guid DepartmentId,
        string Status,
        string Title,
        string DepartmentName,
        string? Goals,
        DateTime CreatedAt,
        bool Staff
    );

    private const string Sql = $"""
        SELECT p.id, p.department_id, p.status, coalesce(p.title ->> @Language, p.title ->> 'fr') AS title,
               coalesce(d.name ->> @Language, d.name ->> 'fr') AS department_name,
               coalesce(p.goals ->> @Language, p.goals ->> 'fr') AS goals, p.created_at,
               {ProjectStaff.IsStaffOf} AS staff, {ProjectStaff.OverseesOf} AS overseer
          FROM projects p JOIN departments d ON d.id = p.department_id
         WHERE p.id = @ProjectId;
        """;

    private sealed record Row(
        Guid Id,
        Guid DepartmentId,
        string Status,
        string Title,
        string DepartmentName,
        string? Goals,
        DateTime CreatedAt,
        bool Staff,
        bool Overseer
    );

    /// <summary>The project when the caller may read its report (<paramref name="write"/>: compose or send it).</summary>
    public static async Task<Project> RequireAsync(
        IDbConnection connection,
        Guid? actorId,
        Guid projectId,
        bool write,
        IDbTransaction? tx,
        CancellationToken ct
    )
    {
        var r = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(
                Sql,
                new
                {
                    ActorId = actorId,
                    ProjectId = projectId,
                    Language = RequestLanguage.Current,
                },
                tx,
                cancellationToken: ct
            )
        );
        if (r is null || (r.Status == "draft" && !r.Overseer))
            throw new NotFoundException("No such project.");
        if (!r.Overseer || (write && !r.Staff))
            throw new ForbiddenException();
        return new Project(r.Id, r.DepartmentId, r.Status, r.Title, r.DepartmentName, r.Goals, r.CreatedAt, r.Staff);
    }
}
