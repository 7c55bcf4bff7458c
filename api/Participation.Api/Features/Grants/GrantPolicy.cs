using System.Data;
using FluentValidation.Results;

namespace Participation.Api.Features.Grants;

/// <summary>
/// Who may grant, revoke or invite which role and scope, and whether the scope exists. Used by role
/// management and invitations alike, so both always agree.
/// </summary>
public static class GrantPolicy
{
    private const string DepartmentExists = "SELECT EXISTS (SELECT 1 FROM departments WHERE id = @Id);";

    /// <summary>The project's department, when the project exists.</summary>
    private const string ProjectDepartment = "SELECT department_id FROM projects WHERE id = @Id;";

    /// <summary>Throws 403 when the actor may not give this role and scope, 400 when the scope does not exist.</summary>
    public static async Task AuthorizeGrantAsync(
        IDbConnection connection,
        IDbTransaction tx,
        Guid actorId,
        Role role,
        ScopeType scopeType,
        Guid? scopeId,
        CancellationToken ct
    )
    {
        // Admins manage every role; department heads manage the moderators of their department's
        // projects; nobody else manages roles.
        var admin = await Roles.IsAdminAsync(connection, actorId, tx, ct);
        Guid? projectDepartment =
            scopeType == ScopeType.Project
                ? await connection.ExecuteScalarAsync<Guid?>(
                    new CommandDefinition(ProjectDepartment, new { Id = scopeId }, tx, cancellationToken: ct)
                )
                : null;
        var allowed =
            admin
            || (
                role == Role.ProjectModerator
                && projectDepartment is { } department
                && await Roles.HeadsDepartmentAsync(connection, actorId, department, tx, ct)
            );
        if (!allowed)
            throw new ForbiddenException();

        var exists = scopeType switch
        {
            ScopeType.Platform => true,
            ScopeType.Department => await connection.ExecuteScalarAsync<bool>(
                new CommandDefinition(DepartmentExists, new { Id = scopeId }, tx, cancellationToken: ct)
            ),
            ScopeType.Project => projectDepartment is not null,
            _ => false,
        };
        if (!exists)
            throw new ValidationException([new ValidationFailure("scopeId", Messages.Get("unknown_scope"))]);
    }
}
