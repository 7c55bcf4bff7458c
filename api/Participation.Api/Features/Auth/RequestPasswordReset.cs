using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Auth;

/// <summary>
/// Always answers 202, whether the address has an account or not (no enumeration). When it does, a reset
/// link valid for one hour is e-mailed, at most once per 20 seconds per address; older links stop working.
/// </summary>
public static class RequestPasswordReset
{
    public sealed record Command(string Email) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Email).EmailAddress();
    }

    public sealed class Handler(CityDb db, EmailTemplates templates) : ICommandHandler<Command>
    {
        // Parallel requests for one address queue on the row lock; the check that follows runs in a
        // statement of its own, so it sees the token a request before it committed.
        private const string LockUser = """
            SELECT u.id, u.email, u.first_name, u.locale, (SELECT name FROM platform_settings) AS platform_name
              FROM users u WHERE u.email = @Email FOR UPDATE OF u;
            """;

        internal const string SentRecently = """
            SELECT EXISTS (SELECT 1 FROM user_tokens WHERE user_id = @UserId AND purpose = @Purpose
                            AND created_at > now() - interval '20 seconds');
            """;

        private const string Replace = """
            UPDATE user_tokens SET used_at = now() WHERE user_id = @UserId AND purpose = 'password_reset' AND used_at IS NULL;
            INSERT INTO user_tokens (token_hash, user_id, purpose, expires_at)
            VALUES (@Hash, @UserId, 'password_reset', now() + interval '1 hour');
            """;

        private sealed record Row(Guid Id, string Email, string FirstName, string Locale, string PlatformName);

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var user = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(LockUser, new { Email = TextRules.NormalizeEmail(c.Email) }, tx, cancellationToken: ct)
            );
            if (
                user is null
                || await connection.ExecuteScalarAsync<bool>(
                    new CommandDefinition(SentRecently, new { UserId = user.Id, Purpose = "password_reset" }, tx, cancellationToken: ct)
                )
            )
                return Unit.Value;

            var token = SecureTokens.New();
            await connection.ExecuteAsync(
                new CommandDefinition(Replace, new { Hash = SecureTokens.Hash(token), UserId = user.Id }, tx, cancellationToken: ct)
            );
            await Outbox.EnqueueAsync(
                connection,
                tx,
                templates.PasswordReset(user.Locale, user.Email, user.FirstName, user.PlatformName, token),
                ct
            );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Ask for a password reset link by e-mail (always 202).")]
    public static async Task<Accepted> Endpoint(Command command, ISender sender, CancellationToken ct)
    {
        await sender.Send(command, ct);
        return TypedResults.Accepted((string?)null);
    }
}
