using Participation.Api.Features.Events;

namespace Participation.Api.Features.Me;

/// <summary>
/// Changes the password (the current one is required). Every other session ends (all refresh tokens are
/// revoked); the caller gets a fresh session so they stay logged in.
/// </summary>
public static class ChangePassword
{
    public sealed record Request(string CurrentPassword, string NewPassword);

    public sealed record Command(Guid ActorId, string CurrentPassword, string NewPassword) : ICommand<AuthTokens>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CurrentPassword).RequiredText(Passwords.MaxLength);
            RuleFor(c => c.NewPassword).NewPassword();
        }
    }

    public sealed class Handler(CityDb db, TokenIssuer tokens, EventRecorder events) : ICommandHandler<Command, AuthTokens>
    {
        private const string Current = "SELECT password_hash, role_version FROM users WHERE id = @ActorId FOR UPDATE;";

        private const string Change = """
            UPDATE users SET password_hash = @Hash, updated_at = now() WHERE id = @ActorId;
            UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = @ActorId AND revoked_at IS NULL;
            """;

        private sealed record Row(string PasswordHash, int RoleVersion);

        public async ValueTask<AuthTokens> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var user = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Current, c, tx, cancellationToken: ct))
                ?? throw new NotFoundException();
            if (!Passwords.Verify(user.PasswordHash, c.CurrentPassword))
                throw new FluentValidation.ValidationException([
                    new FluentValidation.Results.ValidationFailure(nameof(Command.CurrentPassword), Messages.Get("current_password_wrong")),
                ]);
            await connection.ExecuteAsync(
                new CommandDefinition(Change, new { c.ActorId, Hash = Passwords.Hash(c.NewPassword) }, tx, cancellationToken: ct)
            );
            // Nothing about the password itself: not even a before and after.
            await events.RecordAsync(
                tx,
                EventType.UserPasswordChanged,
                Actor.User(c.ActorId),
                c.ActorId,
                Scope.Platform,
                data: new { via = "current_password" },
                ct: ct
            );
            var session = await tokens.IssueAsync(connection, tx, c.ActorId, user.RoleVersion, Guid.NewGuid(), ct);
            await tx.CommitAsync(ct);
            return session;
        }
    }

    [EndpointSummary("Change your password; you are logged out everywhere else and get a new session here.")]
    public static ValueTask<AuthTokens> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, body.CurrentPassword, body.NewPassword), ct);
}
