using System.Data;
using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Grants;

/// <summary>
/// The one way to give or take a role: the grant row, the role-version bump (stale access tokens die),
/// refresh-token revocation on loss, the event (role.granted / role.revoked, in the audit log) and the e-mail to the
/// person, in the caller's transaction.
/// </summary>
/// <remarks>
/// Infrastructure should not depend on a feature: this service uses <see cref="EventRecorder"/> from Features/Events
/// until it moves into a feature folder of its own (issue 13).
/// </remarks>
public sealed class RoleGrants(EmailTemplates templates, EventRecorder events, RoleVersionCheck versions)
{
    public sealed record Grant(Guid Id, Guid UserId, string Role, string ScopeType, Guid? ScopeId);

    private const string Insert = """
        WITH granted AS (
            INSERT INTO user_roles (id, user_id, role, scope_type, scope_id, department_id, project_id, granted_by)
            VALUES (@Id, @UserId, @Role, @ScopeType, @ScopeId, CASE WHEN @ScopeType = 'department' THEN @ScopeId END,
                    CASE WHEN @ScopeType = 'project' THEN @ScopeId END, @ActorId)
            ON CONFLICT ON CONSTRAINT user_roles_unique DO NOTHING
            RETURNING id),
        bumped AS (UPDATE users SET role_version = role_version + 1 WHERE id = @UserId AND EXISTS (SELECT 1 FROM granted))
        SELECT id FROM granted;
        """;

    private const string Delete = """
        WITH revoked AS (
            DELETE FROM user_roles WHERE id = @GrantId AND user_id = @UserId
            RETURNING id, role, scope_type, scope_id),
        bumped AS (UPDATE users SET role_version = role_version + 1 WHERE id = @UserId AND EXISTS (SELECT 1 FROM revoked)),
        sessions AS (
            UPDATE refresh_tokens SET revoked_at = now()
             WHERE user_id = @UserId AND revoked_at IS NULL AND EXISTS (SELECT 1 FROM revoked))
        SELECT id, @UserId AS user_id, role, scope_type, scope_id FROM revoked;
        """;

    private const string Person = """
        SELECT u.email, u.first_name, u.locale, (SELECT name FROM platform_settings) AS platform_name,
               coalesce((SELECT d.name::text FROM departments d WHERE d.id = @ScopeId),
                        (SELECT p.title::text FROM projects p WHERE p.id = @ScopeId)) AS scope_name
          FROM users u WHERE u.id = @UserId;
        """;

    private sealed record PersonRow(string Email, string FirstName, string Locale, string PlatformName, string? ScopeName);

    /// <summary>Grants the role; returns null when the user already had it (nothing written, nothing sent).</summary>
    public async Task<Grant?> GrantAsync(
        IDbConnection connection,
        IDbTransaction tx,
        Guid userId,
        Role role,
        ScopeType scopeType,
        Guid? scopeId,
        Guid? actorId,
        string via,
        CancellationToken ct
    )
    {
        var (roleName, scopeName) = (role.ToWire(), scopeType.ToWire());
        versions.Forget(userId); // before the commit that changes the version: see RoleVersionCheck
        var id = await connection.QuerySingleOrDefaultAsync<Guid?>(
            new CommandDefinition(
                Insert,
                new
                {
                    Id = Guid.CreateVersion7(),
                    UserId = userId,
                    Role = roleName,
                    ScopeType = scopeName,
                    ScopeId = scopeId,
                    ActorId = actorId,
                },
                tx,
                cancellationToken: ct
            )
        );
        if (id is null)
            return null;
        var granted = new
        {
            role = roleName,
            scopeType = scopeName,
            scopeId,
        };
        await events.RecordAsync(
            tx,
            EventType.RoleGranted,
            Actor.UserOrSystem(actorId),
            userId,
            EventScope(scopeType, scopeId),
            before: null,
            after: granted,
            data: new
            {
                role = roleName,
                scopeType = scopeName,
                scopeId,
                via,
            },
            ct
        );
        await NotifyAsync(connection, tx, userId, roleName, scopeId, granted: true, ct);
        return new Grant(id.Value, userId, roleName, scopeName, scopeId);
    }

    /// <summary>Revokes the grant (<paramref name="actorId"/> null: by the platform itself); returns null when there was no
    /// such grant of that user.</summary>
    public async Task<Grant?> RevokeAsync(
        IDbConnection connection,
        IDbTransaction tx,
        Guid userId,
        Guid grantId,
        Guid? actorId,
        CancellationToken ct
    )
    {
        versions.Forget(userId);
        var grant = await connection.QuerySingleOrDefaultAsync<Grant>(
            new CommandDefinition(Delete, new { GrantId = grantId, UserId = userId }, tx, cancellationToken: ct)
        );
        if (grant is null)
            return null;
        var revoked = new
        {
            role = grant.Role,
            scopeType = grant.ScopeType,
            scopeId = grant.ScopeId,
        };
        await events.RecordAsync(
            tx,
            EventType.RoleRevoked,
            Actor.UserOrSystem(actorId),
            userId,
            EventScope(grant.ScopeType.ToEnum<ScopeType>(), grant.ScopeId),
            before: revoked,
            after: null,
            data: revoked,
            ct
        );
        await NotifyAsync(connection, tx, userId, grant.Role, grant.ScopeId, granted: false, ct);
        return grant;
    }

    /// <summary>Where a grant applies, for its event: the department (the audit log's department heads see it) or the project.</summary>
    private static Scope EventScope(ScopeType type, Guid? id) =>
        type switch
        {
            ScopeType.Department => Scope.Department(id),
            ScopeType.Project when id is { } project => Scope.Project(project),
            _ => Scope.Platform,
        };

    private async Task NotifyAsync(
        IDbConnection connection,
        IDbTransaction tx,
        Guid userId,
        string role,
        Guid? scopeId,
        bool granted,
        CancellationToken ct
    )
    {
        var p = await connection.QuerySingleAsync<PersonRow>(
            new CommandDefinition(Person, new { UserId = userId, ScopeId = scopeId }, tx, cancellationToken: ct)
        );
        var scope = p.ScopeName is null
            ? null
            : Infrastructure.Validation.LocalizedText.Pick(Infrastructure.Validation.LocalizedText.FromJson(p.ScopeName), p.Locale);
        await Outbox.EnqueueAsync(
            connection,
            tx,
            templates.RoleChanged(p.Locale, p.Email, p.FirstName, p.PlatformName, role, scope, granted),
            ct
        );
    }
}
