using System.Data;
using Participation.Api.Features.Ideas;

namespace Participation.Api.Features.Moderation;

public sealed record Person(Guid Id, string Name);

public sealed record IdeaNote(Guid Id, Person? Author, string Body, IReadOnlyList<Person> Mentions, DateTimeOffset CreatedAt);

/// <summary>The project's staff (moderators, heads of its department, admins): who can read notes and be mentioned.</summary>
internal static class ProjectTeam
{
    private const string Sql = """
        SELECT DISTINCT u.id, u.first_name || ' ' || u.last_name AS name
          FROM user_roles r JOIN users u ON u.id = r.user_id
         WHERE r.role = 'admin' OR (r.role = 'department_head' AND r.department_id = @DepartmentId)
            OR (r.role = 'project_moderator' AND r.project_id = @ProjectId)
         ORDER BY name;
        """;

    public static async Task<List<Person>> ListAsync(IDbConnection connection, IdeaAccess idea, IDbTransaction? tx, CancellationToken ct) =>
        (
            await connection.QueryAsync<Person>(
                new CommandDefinition(Sql, new { idea.DepartmentId, idea.ProjectId }, tx, cancellationToken: ct)
            )
        ).AsList();
}
