using System.Data;

namespace Participation.Api.Features.CalendarEvents;

/// <summary>
/// Who writes events: admins and communication managers (every event, platform-wide ones too), and for a project's event
/// its staff (moderators, heads of its department). Others get 404 for what they cannot see (a draft project's event)
/// and 403 otherwise.
/// </summary>
internal static class CalendarEventAccess
{
    private const string ProjectSql = $"""
        SELECT p.status, {CalendarEventRows.CanWrite} AS can_write
          FROM (SELECT @ProjectId AS id) x LEFT JOIN projects p ON p.id = x.id;
        """;

    private const string PlatformSql = """
        SELECT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = @ActorId AND r.role IN ('admin', 'communication_manager'));
        """;

    private sealed record ProjectRow(string? Status, bool CanWrite);

    /// <summary>The caller may create an event in the project (or platform-wide when <paramref name="projectId"/> is null).</summary>
    public static async Task RequireWriterAsync(
        IDbConnection connection,
        Guid actorId,
        Guid? projectId,
        IDbTransaction? tx,
        CancellationToken ct
    )
    {
        if (projectId is null)
        {
            if (
                !await connection.ExecuteScalarAsync<bool>(
                    new CommandDefinition(PlatformSql, new { ActorId = actorId }, tx, cancellationToken: ct)
                )
            )
                throw new ForbiddenException();
            return;
        }
        var row = await connection.QuerySingleAsync<ProjectRow>(
            new CommandDefinition(ProjectSql, new { ActorId = actorId, ProjectId = projectId }, tx, cancellationToken: ct)
        );
        if (row.Status is null || (!row.CanWrite && row.Status == "draft"))
            throw new NotFoundException("No such project.");
        if (!row.CanWrite)
            throw new ForbiddenException();
    }

    private const string EventSql = $"""
        SELECT e.id, e.project_id, e.status, {CalendarEventRows.IsPublic} AS public, {CalendarEventRows.CanWrite} AS can_write
          FROM calendar_events e LEFT JOIN projects p ON p.id = e.project_id
         WHERE e.id = @Id
           FOR UPDATE OF e;
        """;

    internal sealed record EventRow(Guid Id, Guid? ProjectId, string Status, bool Public, bool CanWrite);

    /// <summary>Locks the event for a writer (404 when the caller cannot see it, 403 when they may not write it).</summary>
    public static async Task<EventRow> LockForWriterAsync(
        IDbConnection connection,
        Guid actorId,
        Guid id,
        IDbTransaction tx,
        CancellationToken ct
    )
    {
        var row = await connection.QuerySingleOrDefaultAsync<EventRow>(
            new CommandDefinition(EventSql, new { ActorId = actorId, Id = id }, tx, cancellationToken: ct)
        ) ?? throw new NotFoundException("No such event.");
        if (!row.CanWrite && !row.Public)
            throw new NotFoundException("No such event.");
        if (!row.CanWrite)
            throw new ForbiddenException();
        return row;
    }
}
