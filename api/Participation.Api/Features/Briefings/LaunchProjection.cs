using System.Data;
using Participation.Api.Features.Events;

namespace Participation.Api.Features.Briefings;

/// <summary>
/// "At launch": a consumer of project.status_changed. When a project becomes published, each elected official whose
/// scope covers it (platform-wide, or its department) gets a pending launch e-mail, written in the transaction that
/// publishes it; the primary key (official, project) makes it once per official and project, whatever happens to the
/// project afterwards (archived and published again: no second e-mail). <see cref="BriefingJob"/> renders and queues it.
/// </summary>
public sealed class LaunchProjection : IEventProjection
{
    private const string Sql = """
        INSERT INTO briefing_launches (official_id, project_id)
        SELECT DISTINCT r.user_id, p.id
          FROM projects p
          JOIN user_roles r ON r.role = 'elected_official' AND (r.scope_type = 'platform' OR r.department_id = p.department_id)
         WHERE p.id = @ProjectId
        ON CONFLICT DO NOTHING;
        """;

    public Task ProjectAsync(IDbConnection connection, IDbTransaction tx, RecordedEvent e, CancellationToken ct) =>
        e.Type == EventType.ProjectStatusChanged
        && e.After is { } after
        && after.TryGetProperty("status", out var status)
        && status.GetString() == "published"
        && Guid.TryParse(e.SubjectId, out var projectId)
            ? connection.ExecuteAsync(new CommandDefinition(Sql, new { ProjectId = projectId }, tx, cancellationToken: ct))
            : Task.CompletedTask;
}
