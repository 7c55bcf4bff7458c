namespace Participation.Api.Features.Operator;

/// <summary>
/// A person of the console chooses their own password (the current one is required; a new one, not the same). Every token
/// issued before is refused from then on (<c>credentials_version</c>), the need to change it (a password another operator
/// set) is met, and the caller gets a fresh token so they stay signed in. Audited (operator.password_changed), without
/// anything about the password itself.
/// </summary>
public static class ChangeOwnOperatorPassword
{
    public sealed record Request(string CurrentPassword, string NewPassword);

    public sealed record Command(Guid OperatorId, string CurrentPassword, string NewPassword) : ICommand<OperatorLogin.OperatorSession>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CurrentPassword).RequiredText(Passwords.MaxLength);
            RuleFor(c => c.NewPassword).NewPassword();
        }
    }

    public sealed class Handler(PlatformDb db, OperatorTokens tokens) : ICommandHandler<Command, OperatorLogin.OperatorSession>
    {
        private const string Current = """
            SELECT email, display_name, role, password_hash FROM operators WHERE id = @OperatorId AND disabled_at IS NULL FOR UPDATE;
            """;

        private const string Change = """
            UPDATE operators SET password_hash = @Hash, credentials_version = credentials_version + 1, password_change_required = false
             WHERE id = @OperatorId
            RETURNING credentials_version;
            """;

        private sealed record Row(string Email, string DisplayName, string Role, string PasswordHash);

        public async ValueTask<OperatorLogin.OperatorSession> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            // Disabled since the token was checked: nothing to change.
            var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Current, c, tx, cancellationToken: ct))
                ?? throw new NotFoundException();
            if (!Passwords.Verify(row.PasswordHash, c.CurrentPassword))
                throw Invalid(nameof(Command.CurrentPassword), "current_password_wrong");
            if (Passwords.Verify(row.PasswordHash, c.NewPassword))
                throw Invalid(nameof(Command.NewPassword), "password_unchanged");
            var version = await connection.ExecuteScalarAsync<int>(
                new CommandDefinition(Change, new { c.OperatorId, Hash = Passwords.Hash(c.NewPassword) }, tx, cancellationToken: ct)
            );
            await OperatorAudit.WriteAsync(connection, tx, c.OperatorId, "operator.password_changed", null, new { }, ct);
            await tx.CommitAsync(ct);
            return OperatorLogin.OperatorSession.Issue(
                tokens,
                new OperatorProfile(c.OperatorId, row.Email, row.DisplayName, row.Role.ToEnum<OperatorRole>(), false),
                version
            );
        }

        private static FluentValidation.ValidationException Invalid(string field, string message) =>
            new([new FluentValidation.Results.ValidationFailure(field, Messages.Get(message))]);
    }

    [EndpointSummary("Choose your own console password: the tokens issued before are refused; a new token is returned.")]
    public static ValueTask<OperatorLogin.OperatorSession> Endpoint(
        Request body,
        OperatorCaller caller,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Command(caller.Id, body.CurrentPassword, body.NewPassword), ct);
}
