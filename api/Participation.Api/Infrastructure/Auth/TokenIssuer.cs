using System.Data;
using Microsoft.Extensions.Options;

namespace Participation.Api.Infrastructure.Auth;

/// <summary>The token pair answered by login and refresh.</summary>
public sealed record AuthTokens(
    string AccessToken,
    DateTimeOffset AccessTokenExpiresAt,
    string RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt,
    string TokenType = "Bearer"
);

/// <summary>
/// Issues a token pair; the refresh token joins the given family (one family per login). A pair is issued on sign-in and
/// on each refresh, which is the person's activity for the retention of inactive accounts: <c>users.last_active_at</c> is
/// written at most once a day (and at once when a retention warning is pending, which it withdraws).
/// </summary>
public sealed class TokenIssuer(AccessTokens accessTokens, IOptions<AuthOptions> options, TimeProvider clock)
{
    private const string InsertRefresh = """
        INSERT INTO refresh_tokens (token_hash, user_id, family_id, expires_at)
        VALUES (@Hash, @UserId, @FamilyId, @ExpiresAt);
        UPDATE users SET last_active_at = @Now, retention_warned_at = NULL
         WHERE id = @UserId AND (last_active_at < @Now - interval '1 day' OR retention_warned_at IS NOT NULL);
        """;

    public async Task<AuthTokens> IssueAsync(
        IDbConnection connection,
        IDbTransaction? tx,
        Guid userId,
        int roleVersion,
        Guid familyId,
        CancellationToken ct
    )
    {
        var (access, accessExpires) = accessTokens.Issue(userId, roleVersion);
        var refresh = SecureTokens.New();
        var now = clock.GetUtcNow();
        var refreshExpires = now.AddDays(options.Value.RefreshTokenDays);
        await connection.ExecuteAsync(
            new CommandDefinition(
                InsertRefresh,
                new
                {
                    Hash = SecureTokens.Hash(refresh),
                    UserId = userId,
                    FamilyId = familyId,
                    ExpiresAt = refreshExpires,
                    Now = now,
                },
                tx,
                cancellationToken: ct
            )
        );
        return new AuthTokens(access, accessExpires, refresh, refreshExpires);
    }
}
