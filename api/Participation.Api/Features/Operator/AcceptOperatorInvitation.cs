namespace Participation.Api.Features.Operator;

/// <summary>
/// The invited person chooses their password with the e-mailed link's token (anonymous: the token is the proof): the
/// invitation is consumed by the one statement that checks it (two parallel accepts: exactly one succeeds, the other is a
/// 410), the account gets its password and is active, and the answer is a console session, as signing in gives (the
/// person lands in the console). Expired, used, resent or revoked → 410, nothing written. Audited
/// (operator.invitation_accepted, by the person), without anything about the password.
/// </summary>
public static class AcceptOperatorInvitation
{
    public sealed record Command(string Token, string Password) : ICommand<OperatorLogin.OperatorSession>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Token).RequiredText(200);
            RuleFor(c => c.Password).NewPassword();
        }
    }

    public sealed class Handler(PlatformDb db, OperatorTokens tokens) : ICommandHandler<Command, OperatorLogin.OperatorSession>
    {
        private const string Consume = $"""
            DELETE FROM operator_invitations i USING operators o
             WHERE i.token_hash = @Hash AND o.id = i.operator_id AND {LookupOperatorInvitation.Handler.Valid}
            RETURNING i.operator_id;
            """;

        private const string Activate = """
            UPDATE operators SET password_hash = @Hash, credentials_version = credentials_version + 1, password_change_required = false
             WHERE id = @Id
            RETURNING id, email, display_name, role, credentials_version;
            """;

        private sealed record Row(Guid Id, string Email, string DisplayName, string Role, int CredentialsVersion);

        public async ValueTask<OperatorLogin.OperatorSession> Handle(Command c, CancellationToken ct)
        {
            var hash = Passwords.Hash(c.Password);
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var id = await connection.QuerySingleOrDefaultAsync<Guid?>(
                new CommandDefinition(Consume, new { Hash = SecureTokens.Hash(c.Token) }, tx, cancellationToken: ct)
            ) ?? throw new GoneException();
            var row = await connection.QuerySingleAsync<Row>(
                new CommandDefinition(Activate, new { Id = id, Hash = hash }, tx, cancellationToken: ct)
            );
            await OperatorAudit.WriteAsync(
                connection,
                tx,
                row.Id,
                "operator.invitation_accepted",
                null,
                new { target = new OperatorAccounts.AuditTarget(row.Id, row.Email, row.DisplayName) },
                ct
            );
            await tx.CommitAsync(ct);
            return OperatorLogin.OperatorSession.Issue(
                tokens,
                new OperatorProfile(row.Id, row.Email, row.DisplayName, row.Role.ToEnum<OperatorRole>(), false),
                row.CredentialsVersion
            );
        }
    }

    [EndpointSummary("Accept a console invitation: choose your password (the account becomes active); answers a console session.")]
    public static ValueTask<OperatorLogin.OperatorSession> Endpoint(Command command, ISender sender, CancellationToken ct) =>
        sender.Send(command, ct);
}
