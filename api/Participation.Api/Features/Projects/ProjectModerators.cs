namespace Participation.Api.Features.Projects;

/// <summary>What assigning and removing a moderator share.</summary>
internal static class ProjectModerators
{
    private const string ProjectExists = "SELECT EXISTS (SELECT 1 FROM projects WHERE id = @Id);";

    /// <summary>The project is in the path, so an unknown one is a 404 (not a 400 on a scope the request does not carry).</summary>
    public static async Task RequireProjectAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, CancellationToken ct)
    {
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(ProjectExists, new { Id = id }, tx, cancellationToken: ct)))
            throw new NotFoundException("No such project.");
    }
}
