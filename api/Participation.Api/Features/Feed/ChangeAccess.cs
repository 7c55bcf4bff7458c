using System.Data;

namespace Participation.Api.Features.Feed;

/// <summary>Who reads the change feed, and which kinds: clients by their scopes; admins and the IT manager everything.</summary>
public static class ChangeAccess
{
    private const string StaffSql = """
        SELECT EXISTS (SELECT 1 FROM user_roles WHERE user_id = @UserId AND role IN ('admin', 'it_manager'));
        """;

    public static async Task<IReadOnlySet<ChangeKind>> KindsAsync(IDbConnection connection, Caller caller, CancellationToken ct)
    {
        if (caller.ClientIdOrNull is not null)
            return Enum.GetValues<ChangeKind>().Where(k => caller.Scopes.Contains(ChangeFeed.ScopeOf(k))).ToHashSet();
        if (
            caller.UserIdOrNull is { } user
            && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(StaffSql, new { UserId = user }, cancellationToken: ct))
        )
            return Enum.GetValues<ChangeKind>().ToHashSet();
        throw new ForbiddenException();
    }
}
