namespace Participation.Api.Features.Auth;

/// <summary>
/// Rotates a refresh token: the presented token is consumed (single use) and a new pair is issued in the
/// same family. Presenting an already used token revokes the whole family (theft detection).
/// </summary>
public static class Refresh
{
    public sealed record Command(string RefreshToken) : ICommand<AuthTokens>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.RefreshToken).RequiredText(200);
    }

    public sealed class Handler(CityDb db, TokenIssuer tokens) : ICommandHandler<Command, AuthTokens>
    {
        private const string Consume = """
            WITH consumed AS (
                UPDATE refresh_tokens SET used_at = now()
                 WHERE token_hash = @Hash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
                RETURNING user_id, family_id)
            SELECT c.user_id, c.family_id, u.role_version FROM consumed c JOIN users u ON u.id = c.user_id;
            """;

        private const string RevokeReusedFamily = """
            UPDATE refresh_tokens SET revoked_at = now()
             WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = @Hash AND used_at IS NOT NULL)
               AND revoked_at IS NULL;
            """;

        private sealed record Row(Guid UserId, Guid FamilyId, int RoleVersion);

        public async ValueTask<AuthTokens> Handle(Command c, CancellationToken ct)
        {
            var hash = SecureTokens.Hash(c.RefreshToken);
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(Consume, new { Hash = hash }, tx, cancellationToken: ct)
            );
            if (row is null)
            {
                await connection.ExecuteAsync(new CommandDefinition(RevokeReusedFamily, new { Hash = hash }, tx, cancellationToken: ct));
                await tx.CommitAsync(ct);
                throw new UnauthorizedException("The session has expired: log in again.");
            }
            var pair = await tokens.IssueAsync(connection, tx, row.UserId, row.RoleVersion, row.FamilyId, ct);
            await tx.CommitAsync(ct);
            return pair;
        }
    }

    [EndpointSummary("Exchange a refresh token for a new token pair (the old refresh token stops working).")]
    public static ValueTask<AuthTokens> Endpoint(Command command, ISender sender, CancellationToken ct) => sender.Send(command, ct);
}
