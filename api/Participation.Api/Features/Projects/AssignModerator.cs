using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Projects;

/// <summary>Admins and the department's heads assign a moderator to the project (a role grant, e-mailed and audited).</summary>
public static class AssignModerator
{
    public sealed record Command(Guid ActorId, Guid Id, Guid UserId) : ICommand;

    public sealed class Handler(CityDb db, RoleGrants grants) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ProjectModerators.RequireProjectAsync(connection, tx, c.Id, ct);
            await GrantPolicy.AuthorizeGrantAsync(connection, tx, c.ActorId, Role.ProjectModerator, ScopeType.Project, c.Id, ct);
            if (
                !await connection.ExecuteScalarAsync<bool>(
                    new CommandDefinition("SELECT EXISTS (SELECT 1 FROM users WHERE id = @UserId)", c, tx, cancellationToken: ct)
                )
            )
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
