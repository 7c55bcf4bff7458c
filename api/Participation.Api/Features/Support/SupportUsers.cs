using System.Data;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Support;

/// <summary>
/// The users a city keeps for the vendor's support people (users.support_operator_id): one per operator, named
/// "« name » (support Participation)", with a password nobody knows and an address that receives nothing
/// (<c>.invalid</c>), holding the admin role while a grant is active. Roles go through <see cref="RoleGrants"/>, so role
/// versions, the audit log and the role checks stay right.
/// </summary>
public static class SupportUsers
{
    public const string LastName = "(support Participation)";

    private const string Find = "SELECT id, role_version FROM users WHERE support_operator_id = @OperatorId;";

    private const string Insert = """
        INSERT INTO users (id, email, password_hash, first_name, last_name, email_confirmed_at, support_operator_id)
        VALUES (@Id, @Email, @Hash, @FirstName, @LastName, now(), @OperatorId)
        ON CONFLICT (city_id, support_operator_id) WHERE support_operator_id IS NOT NULL DO NOTHING;
        """;

    private const string Rename = "UPDATE users SET first_name = @FirstName WHERE id = @Id AND first_name <> @FirstName;";

    private const string AdminRoles = """
        SELECT r.id, r.user_id FROM user_roles r JOIN users u ON u.id = r.user_id
         WHERE u.support_operator_id IS NOT NULL AND r.role = 'admin';
        """;

    public sealed record Account(Guid Id, int RoleVersion);

    /// <summary>The city's user for <paramref name="operatorId"/> (made on first use), an admin; its current role version.</summary>
    public static async Task<Account> EnsureAdminAsync(
        IDbConnection connection,
        IDbTransaction tx,
        RoleGrants roles,
        Guid operatorId,
        string operatorName,
        CancellationToken ct
    )
    {
        var firstName = operatorName.Length is > 0 and <= 100 ? operatorName : "Support";
        var existing = await connection.QuerySingleOrDefaultAsync<Account>(
            new CommandDefinition(Find, new { OperatorId = operatorId }, tx, cancellationToken: ct)
        );
        if (existing is null)
        {
            await connection.ExecuteAsync(
                new CommandDefinition(
                    Insert,
                    new
                    {
                        Id = Guid.CreateVersion7(),
                        Email = $"support-{operatorId:N}@support.invalid",
                        Hash = Passwords.Hash(SecureTokens.New()),
                        FirstName = firstName,
                        LastName,
                        OperatorId = operatorId,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            existing = await connection.QuerySingleAsync<Account>(
                new CommandDefinition(Find, new { OperatorId = operatorId }, tx, cancellationToken: ct)
            );
        }
        else
            await connection.ExecuteAsync(
                new CommandDefinition(Rename, new { existing.Id, FirstName = firstName }, tx, cancellationToken: ct)
            );
        await roles.GrantAsync(connection, tx, existing.Id, Role.Admin, ScopeType.Platform, null, null, "support", ct);
        return await connection.QuerySingleAsync<Account>(
            new CommandDefinition(Find, new { OperatorId = operatorId }, tx, cancellationToken: ct)
        );
    }

    /// <summary>Takes the admin role from every support user of the city (the grant was revoked by
    /// <paramref name="actorId"/>, or ended: null).</summary>
    public static async Task RevokeRolesAsync(
        IDbConnection connection,
        IDbTransaction tx,
        RoleGrants roles,
        Guid? actorId,
        CancellationToken ct
    )
    {
        var held = await connection.QueryAsync<(Guid Id, Guid UserId)>(
            new CommandDefinition(AdminRoles, transaction: tx, cancellationToken: ct)
        );
        foreach (var (id, user) in held)
            await roles.RevokeAsync(connection, tx, user, id, actorId, ct);
    }
}
