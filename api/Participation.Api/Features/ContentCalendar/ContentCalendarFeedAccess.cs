namespace Participation.Api.Features.ContentCalendar;

public static class ContentCalendarFeedAccess
{
    private const string StaffSql = """
        SELECT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = @ActorId
                          AND r.role IN ('admin', 'communication_manager', 'department_head', 'project_moderator'));
        """;

    public static async Task RequireStaffAsync(System.Data.IDbConnection connection, Guid actorId, CancellationToken ct)
    {
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(StaffSql, new { ActorId = actorId }, cancellationToken: ct)))
            throw new ForbiddenException();
    }

    /// <summary>The feed's path for a token (under the API's base address).</summary>
    public static string Path(string token) => $"/api/v1/content-calendar/feeds/{token}.ics";
}
