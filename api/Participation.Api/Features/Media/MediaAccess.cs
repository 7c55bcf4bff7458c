namespace Participation.Api.Features.Media;

/// <summary>Who may upload images for rich texts, and where an image lives.</summary>
internal static class MediaAccess
{
    /// <summary>The path every rich text's images point at (the sanitiser keeps no other image source).</summary>
    public const string UrlPrefix = "/api/v1/media/";

    /// <summary>
    /// The people who write staff texts anywhere: admins and communication managers (platform), heads of a department and
    /// moderators of a project (any). IT managers and elected officials write none; residents never.
    /// </summary>
    private const string Sql = """
        SELECT EXISTS (SELECT 1 FROM user_roles
                        WHERE user_id = @ActorId AND role IN ('admin', 'communication_manager', 'department_head', 'project_moderator'));
        """;

    public static async Task RequireUploaderAsync(System.Data.IDbConnection connection, Guid actorId, CancellationToken ct)
    {
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Sql, new { ActorId = actorId }, cancellationToken: ct)))
            throw new ForbiddenException();
    }

    public static string StorageKey(string key) => $"media/{key}";

    public static string UrlOf(string key) => UrlPrefix + key;

    /// <summary>Keys are generated (32 hex digits and the format's extension); anything else names no image.</summary>
    public static bool IsKey(string? key) => key is not null && Infrastructure.Content.RichText.MediaKey().IsMatch(key);
}
