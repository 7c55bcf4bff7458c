using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Projects;

/// <summary>Admins and the department's heads remove a moderator; the person's sessions end at once.</summary>
public static class RemoveModerator
{
    public sealed record Command(Guid ActorId, Guid Id, Guid UserId) : ICommand;

    public sealed class Handler(CityDb db, RoleGrants grants) : ICommandHandler<Command>
    {
        private const string Grant =
            "SELECT id FROM user_roles WHERE user_id = @UserId AND role = 'project_moderator' AND project_id = @Id;";

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
