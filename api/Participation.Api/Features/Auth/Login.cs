using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Auth;

/// <summary>E-mail + password → access token (≤ 15 min) and refresh token (a new family).</summary>
public static class Login
{
    public sealed record Command(string Email, string Password) : ICommand<AuthTokens>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).RequiredText(254);
            RuleFor(c => c.Password).RequiredText(Passwords.MaxLength);
        }
    }

    public sealed class Handler(CityDb db, TokenIssuer tokens, LoginThrottle throttle) : ICommandHandler<Command, AuthTokens>
    {
        private const string Sql = "SELECT id, password_hash, role_version FROM users WHERE email = @Email;";

        private sealed record Row(Guid Id, string PasswordHash, int RoleVersion);

        public async ValueTask<AuthTokens> Handle(Command c, CancellationToken ct)
        {
            var email = TextRules.NormalizeEmail(c.Email);
            await throttle.CheckAsync(email, ct);
            await using var connection = await db.OpenConnectionAsync(ct);
            var user = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(Sql, new { Email = email }, cancellationToken: ct)
            );
            // Same work and the same answer whether the account exists or not: no enumeration.
            if (!Passwords.Verify(user?.PasswordHash, c.Password) || user is null)
                throw new UnauthorizedException("Wrong e-mail address or password.");
            return await tokens.IssueAsync(connection, null, user.Id, user.RoleVersion, Guid.NewGuid(), ct);
        }
    }

    [EndpointSummary("Log in with e-mail and password.")]
    public static ValueTask<AuthTokens> Endpoint(Command command, ISender sender, CancellationToken ct) => sender.Send(command, ct);
}
