using System.Data;
using Dapper;
using FluentValidation;
using FluentValidation.Results;
using Participation.Api.Infrastructure.Errors;

namespace Participation.Api.Infrastructure.Auth;

/// <summary>
/// Who may grant, revoke or invite which role and scope, and whether the scope exists. Used by role
/// management and invitations alike, so both always agree.
/// </summary>
public static class GrantPolicy
{
    private const string DepartmentExists = "SELECT EXISTS (SELECT 1 FROM departments WHERE id = @Id);";

    /// <summary>Throws 403 when the actor may not give this role and scope, 400 when the scope does not exist.</summary>
    public static async Task AuthorizeGrantAsync(IDbConnection connection, IDbTransaction tx, Guid actorId, string role, string scopeType, Guid? scopeId, CancellationToken ct)
    {
        // Admins manage every role. Department heads will manage the moderators of their department's
        // projects once projects exist (projects issue); nobody else manages roles.
        if (!await Roles.IsAdminAsync(connection, actorId, tx, ct)) throw new ForbiddenException();

        var exists = scopeType switch
        {
            Roles.Platform => true,
            Roles.Department => await connection.ExecuteScalarAsync<bool>(new CommandDefinition(DepartmentExists, new { Id = scopeId }, tx, cancellationToken: ct)),
            _ => false, // project scopes: projects issue
        };
        if (!exists) throw new ValidationException([new ValidationFailure("scopeId", "Unknown scope.")]);
    }
}
