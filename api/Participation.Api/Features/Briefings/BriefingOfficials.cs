using System.Data;
using Participation.Api.Features.Figures;

namespace Participation.Api.Features.Briefings;

/// <summary>A briefing's scope as shown: the platform or a department, with its name in the caller's language.</summary>
/// <param name="Type">platform or department.</param>
/// <param name="Id">The department (none for the platform).</param>
/// <param name="Name">The department's name, or the platform's.</param>
public sealed record BriefingScopeView(FigureScopeType Type, Guid? Id, string Name);

/// <summary>An elected official's briefing scope: their platform-wide role, else the department they are given (or their first).</summary>
internal static class BriefingOfficials
{
    private const string Sql = """
        SELECT r.scope_type, r.department_id AS scope_id, u.email, u.first_name, u.locale,
               coalesce(np.channel, 'email') <> 'email' AS opted_out
          FROM user_roles r
          JOIN users u ON u.id = r.user_id
          LEFT JOIN notification_preferences np ON np.user_id = r.user_id AND np.category = 'briefing'
         WHERE r.user_id = @OfficialId AND r.role = 'elected_official'
           AND (@DepartmentId::uuid IS NULL OR r.department_id = @DepartmentId)
         ORDER BY (r.scope_type = 'platform') DESC, r.department_id
         LIMIT 1;
        """;

    private sealed record Row(string ScopeType, Guid? ScopeId, string Email, string FirstName, string Locale, bool OptedOut);

    /// <summary>The official's scope and address; 404 when the person is no elected official (of that department).</summary>
    public static async Task<(BriefingScope Scope, BriefingReader Reader, bool OptedOut)> RequireAsync(
        IDbConnection connection,
        Guid officialId,
        Guid? departmentId,
        IDbTransaction? tx,
        CancellationToken ct
    )
    {
        var r = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(Sql, new { OfficialId = officialId, DepartmentId = departmentId }, tx, cancellationToken: ct)
        ) ?? throw new NotFoundException("No such elected official.");
        return (BriefingScope.Of(r.ScopeType, r.ScopeId), new BriefingReader(officialId, r.Email, r.FirstName, r.Locale), r.OptedOut);
    }
}
