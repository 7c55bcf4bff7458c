using System.Data;
using Dapper;
using FluentValidation;
using FluentValidation.Results;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Errors;

namespace Participation.Api.Features.Users;

/// <summary>Who may grant or revoke which role and scope, and whether the scope exists.</summary>
internal static class Scopes
{
    private const string DepartmentExists = "SELECT EXISTS (SELECT 1 FROM departments WHERE id = @Id);";

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
