using System.Text.Json.Serialization;

namespace Participation.Api.Features.Operator;

/// <summary>
/// An operator or support person signs in to the console with e-mail and password: an operator token (its own audience,
/// refused by every city endpoint; <see cref="OperatorTokens"/>) valid for an hour, without refresh. Answers the same for
/// an unknown address, a wrong password, a disabled account and a person still invited (no password yet). The sign-in is
/// audited. A person whose password another operator set gets a token that opens only their password change
/// (<see cref="OperatorPasswordChange"/>).
/// </summary>
public static class OperatorLogin
{
    public sealed record Command(string Email, string Password) : ICommand<OperatorSession>;

    /// <param name="AccessToken">The bearer token of the console's requests.</param>
    /// <param name="ExpiresAt">When it stops working: sign in again.</param>
    public sealed record OperatorSession(
        string AccessToken,
        DateTimeOffset ExpiresAt,
        OperatorProfile Operator,
        [property: JsonRequired] string TokenType = "Bearer"
    )
    {
        /// <summary>A session for <paramref name="profile"/>: a token of its role, credentials version and pending password
        /// change (signing in, and choosing one's own password, which answers with a fresh session).</summary>
        internal static OperatorSession Issue(OperatorTokens tokens, OperatorProfile profile, int credentialsVersion)
        {
            var (token, expires) = tokens.Issue(
                profile.Id,
                profile.Role.ToWire(),
                credentialsVersion,
                profile.PasswordChangeRequired == true
            );
            return new OperatorSession(token, expires, profile);
        }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).RequiredText(254);
            RuleFor(c => c.Password).RequiredText(Passwords.MaxLength);
        }
    }

    public sealed class Handler(PlatformDb db, OperatorTokens tokens) : ICommandHandler<Command, OperatorSession>
    {
        private const string Sql = """
            SELECT id, email, display_name, password_hash, role, credentials_version, password_change_required
              FROM operators WHERE email = @Email AND disabled_at IS NULL;
            """;

        private sealed record Row(
            Guid Id,
            string Email,
            string DisplayName,
            string? PasswordHash, // null: invited by e-mail, no password yet (nothing signs in)
            string Role,
            int CredentialsVersion,
            bool PasswordChangeRequired
        );

        public async ValueTask<OperatorSession> Handle(Command c, CancellationToken ct)
        {
            var email = TextRules.NormalizeEmail(c.Email);
            await using var connection = await db.OpenConnectionAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(Sql, new { Email = email }, cancellationToken: ct)
            );
            // Same work and the same answer whether the account exists or not: no enumeration.
            if (!Passwords.Verify(row?.PasswordHash, c.Password) || row is null)
                throw new UnauthorizedException("Wrong e-mail address or password.");
            await OperatorAudit.WriteAsync(connection, null, row.Id, "operator.signed_in", null, new { }, ct);
            return OperatorSession.Issue(
                tokens,
                new OperatorProfile(row.Id, row.Email, row.DisplayName, row.Role.ToEnum<OperatorRole>(), row.PasswordChangeRequired),
                row.CredentialsVersion
            );
        }
    }

    [EndpointSummary("Sign in to the vendor's console (operators and support staff): an operator token, not valid in any city.")]
    public static ValueTask<OperatorSession> Endpoint(Command command, ISender sender, CancellationToken ct) => sender.Send(command, ct);
}
