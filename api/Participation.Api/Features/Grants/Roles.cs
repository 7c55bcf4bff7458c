using System.Data;
using System.Text.Json.Serialization;

namespace Participation.Api.Features.Grants;

/// <summary>A staff role (every registered user is also a resident).</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum Role
{
    Admin,
    DepartmentHead,
    ProjectModerator,
    CommunicationManager,
    ItManager,
    ElectedOfficial,
}

/// <summary>Where a role applies: the whole platform, one department or one project.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum ScopeType
{
    Platform,
    Department,
    Project,
}

/// <summary>Which scopes each role may have, and who is an admin or heads a department.</summary>
public static class Roles
{
    public static bool ScopeAllowed(Role role, ScopeType scopeType) =>
        role switch
        {
            Role.Admin or Role.CommunicationManager or Role.ItManager => scopeType == ScopeType.Platform,
            Role.DepartmentHead => scopeType == ScopeType.Department,
            Role.ProjectModerator => scopeType == ScopeType.Project,
            Role.ElectedOfficial => scopeType is ScopeType.Platform or ScopeType.Department,
            _ => false,
        };

    private const string IsAdminSql = "SELECT EXISTS (SELECT 1 FROM user_roles WHERE user_id = @ActorId AND role = 'admin');";

    private const string HeadsSql = """
        SELECT EXISTS (SELECT 1 FROM user_roles
                        WHERE user_id = @ActorId AND role = 'department_head' AND department_id = @DepartmentId);
        """;

    /// <summary>What a staff list may show the caller: everything (admin) or the departments they head.</summary>
    public sealed class Reach
    {
        public bool Admin { get; init; }
        public Guid[] Departments { get; init; } = [];
        public bool None => !Admin && Departments.Length == 0;
    }

    private const string ReachSql = """
        SELECT coalesce(bool_or(role = 'admin'), false) AS admin,
               coalesce(array_agg(department_id) FILTER (WHERE role = 'department_head'), '{}') AS departments
          FROM user_roles WHERE user_id = @ActorId;
        """;

    public static Task<Reach> ReachAsync(IDbConnection connection, Guid actorId, CancellationToken ct) =>
        connection.QuerySingleAsync<Reach>(new CommandDefinition(ReachSql, new { ActorId = actorId }, cancellationToken: ct));

    public static Task<bool> IsAdminAsync(IDbConnection connection, Guid actorId, IDbTransaction? tx, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(IsAdminSql, new { ActorId = actorId }, tx, cancellationToken: ct));

    public static Task<bool> HeadsDepartmentAsync(
        IDbConnection connection,
        Guid actorId,
        Guid departmentId,
        IDbTransaction? tx,
        CancellationToken ct
    ) =>
        connection.ExecuteScalarAsync<bool>(
            new CommandDefinition(HeadsSql, new { ActorId = actorId, DepartmentId = departmentId }, tx, cancellationToken: ct)
        );
}
