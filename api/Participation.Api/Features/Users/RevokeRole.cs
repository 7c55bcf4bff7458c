using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Users;

/// <summary>
/// Takes a role away. Takes effect at once: the user's access tokens are refused and their sessions end.
/// The last admin cannot be removed.
/// </summary>
public static class RevokeRole
{
    public sealed record Command(Guid ActorId, Guid UserId, Guid GrantId) : ICommand;

    public sealed class Handler(CityDb db, RoleGrants grants) : ICommandHandler<Command>
    {
        private const string Lookup = """
            SELECT role, scope_type, scope_id FROM user_roles WHERE id = @GrantId AND user_id = @UserId FOR UPDATE;
            """;

        // Serialises concurrent removals of admins, so two admins cannot remove each other at once. Every admin grant is
        // locked in one order before any single one: two removals locking "their" grant first would deadlock.
        private const string LockAdmins = """
            SELECT count(*) FROM (SELECT 1 FROM user_roles WHERE role = 'admin' ORDER BY id FOR UPDATE) admins;
            """;

        private const string IsAdminGrant =
            "SELECT EXISTS (SELECT 1 FROM user_roles WHERE id = @GrantId AND user_id = @UserId AND role = 'admin')";

        private sealed record Row(string Role, string ScopeType, Guid? ScopeId);

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            // A grant's role never changes (grants are added and removed), so this unlocked look decides the lock order.
            var admins = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(IsAdminGrant, c, tx, cancellationToken: ct))
                ? await connection.ExecuteScalarAsync<long>(new CommandDefinition(LockAdmins, transaction: tx, cancellationToken: ct))
                : (long?)null;
            var grant = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Lookup, c, tx, cancellationToken: ct));
            if (grant is null)
            {
                // Someone who may not manage roles learns nothing about grants.
                if (!await Roles.IsAdminAsync(connection, c.ActorId, tx, ct))
                    throw new ForbiddenException();
                throw new NotFoundException("No such role grant.");
            }
            await GrantPolicy.AuthorizeGrantAsync(
                connection,
                tx,
                c.ActorId,
                grant.Role.ToEnum<Role>(),
                grant.ScopeType.ToEnum<ScopeType>(),
                grant.ScopeId,
                ct
            );
            if (
                grant.Role.ToEnum<Role>() == Role.Admin
                && (
                    admins
                    ?? await connection.ExecuteScalarAsync<long>(new CommandDefinition(LockAdmins, transaction: tx, cancellationToken: ct))
                ) <= 1
            )
                throw new ConflictException("The platform needs at least one admin: make someone else admin first.");

            await grants.RevokeAsync(connection, tx, c.UserId, c.GrantId, c.ActorId, ct);
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Take a role away; the person is logged out and told by e-mail.")]
    public static async Task<NoContent> Endpoint(Guid userId, Guid grantId, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, userId, grantId), ct);
        return TypedResults.NoContent();
    }
}
