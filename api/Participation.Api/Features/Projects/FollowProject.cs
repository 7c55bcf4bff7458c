using Participation.Api.Features.Events;

namespace Participation.Api.Features.Projects;

/// <summary>
/// Follow a published project (repeating it changes nothing); notifying followers is still to come (phase starts, results).
/// A draft is not found; an archived project has nothing more to tell (409).
/// </summary>
public static class FollowProject
{
    public sealed record Command(Guid ActorId, Guid ProjectId) : ICommand;

    /// <summary>The project's status, locked against a parallel status change (a draft or unknown project: null).</summary>
    internal const string StatusSql = "SELECT status FROM projects WHERE id = @ProjectId FOR SHARE;";

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql =
            "INSERT INTO project_follows (project_id, user_id) VALUES (@ProjectId, @ActorId) ON CONFLICT DO NOTHING RETURNING true;";

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var status = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(StatusSql, c, tx, cancellationToken: ct));
            if (status is null or "draft")
                throw new NotFoundException("No such project.");
            if (status != "published")
                throw new ConflictException(Messages.Get("project_not_followable"));
            await FollowChange.ApplyAsync(connection, tx, events, Sql, EventType.ProjectFollowed, c.ActorId, c.ProjectId, ct);
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Follow a project.")]
    public static async Task<NoContent> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id), ct);
        return TypedResults.NoContent();
    }
}

/// <summary>Stop following a project (repeating it changes nothing; allowed whatever the project's status).</summary>
public static class UnfollowProject
{
    public sealed record Command(Guid ActorId, Guid ProjectId) : ICommand;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = "DELETE FROM project_follows WHERE project_id = @ProjectId AND user_id = @ActorId RETURNING true;";

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var status = await connection.QuerySingleOrDefaultAsync<string>(
                new CommandDefinition(FollowProject.StatusSql, c, tx, cancellationToken: ct)
            );
            if (status is null)
                throw new NotFoundException("No such project.");
            await FollowChange.ApplyAsync(connection, tx, events, Sql, EventType.ProjectUnfollowed, c.ActorId, c.ProjectId, ct);
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Stop following a project.")]
    public static async Task<NoContent> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id), ct);
        return TypedResults.NoContent();
    }
}

/// <summary>What following and unfollowing share once the project's status is checked.</summary>
internal static class FollowChange
{
    /// <summary>Runs the follow's insert or delete (<paramref name="sql"/>: RETURNING true when a row changed) and records
    /// <paramref name="type"/> only then.</summary>
    public static async Task ApplyAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction tx,
        EventRecorder events,
        string sql,
        EventType type,
        Guid actorId,
        Guid projectId,
        CancellationToken ct
    )
    {
        var row = new { ActorId = actorId, ProjectId = projectId };
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, row, tx, cancellationToken: ct)))
            await events.RecordAsync(tx, type, Actor.User(actorId), projectId, Scope.Project(projectId), ct: ct);
    }
}
