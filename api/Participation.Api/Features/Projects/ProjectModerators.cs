using Dapper;
using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Errors;
using Participation.Api.Infrastructure.OpenApi;

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

/// <summary>Admins and the department's heads assign a moderator to the project (a role grant, e-mailed and audited).</summary>
public static class AssignModerator
{
    public sealed record Command(Guid ActorId, Guid Id, Guid UserId) : ICommand;

    public sealed class Handler(NpgsqlDataSource db, RoleGrants grants) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ProjectModerators.RequireProjectAsync(connection, tx, c.Id, ct);
            await GrantPolicy.AuthorizeGrantAsync(connection, tx, c.ActorId, Role.ProjectModerator, ScopeType.Project, c.Id, ct);
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM users WHERE id = @UserId)", c, tx, cancellationToken: ct)))
                throw new NotFoundException("No such user.");
            await grants.GrantAsync(connection, tx, c.UserId, Role.ProjectModerator, ScopeType.Project, c.Id, c.ActorId, "project", ct);
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Make someone a moderator of the project (admins and the department's heads); idempotent.")]
    public static async Task<NoContent> Endpoint(Guid id, Guid userId, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id, userId), ct);
        return TypedResults.NoContent();
    }
}

/// <summary>Admins and the department's heads remove a moderator; the person's sessions end at once.</summary>
public static class RemoveModerator
{
    public sealed record Command(Guid ActorId, Guid Id, Guid UserId) : ICommand;

    public sealed class Handler(NpgsqlDataSource db, RoleGrants grants) : ICommandHandler<Command>
    {
        private const string Grant = "SELECT id FROM user_roles WHERE user_id = @UserId AND role = 'project_moderator' AND project_id = @Id;";

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ProjectModerators.RequireProjectAsync(connection, tx, c.Id, ct);
            await GrantPolicy.AuthorizeGrantAsync(connection, tx, c.ActorId, Role.ProjectModerator, ScopeType.Project, c.Id, ct);
            var grant = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(Grant, c, tx, cancellationToken: ct))
                ?? throw new NotFoundException("This person is not a moderator of the project.");
            await grants.RevokeAsync(connection, tx, c.UserId, grant, c.ActorId, ct);
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Remove a moderator from the project (admins and the department's heads).")]
    public static async Task<NoContent> Endpoint(Guid id, Guid userId, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id, userId), ct);
        return TypedResults.NoContent();
    }
}
