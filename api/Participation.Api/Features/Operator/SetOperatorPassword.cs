namespace Participation.Api.Features.Operator;

/// <summary>
/// An operator gives another person of the console a new password (they forgot theirs), handed over out of band as the
/// first one was: their tokens are refused at once, and they must choose their own at their next sign-in
/// (<see cref="OperatorPasswordChange"/>). Not for oneself (403: use the change of one's own password, which asks for the
/// current one). A person still invited by e-mail is given this password instead: their invitation's link stops working.
/// Serialised with the other changes of the console's people; audited (operator.password_set), without the
/// password.
/// </summary>
public static class SetOperatorPassword
{
    /// <param name="Password">The new password, to be replaced by its owner at their next sign-in (12 to 128 characters).</param>
    public sealed record Request(string Password);

    public sealed record Command(Guid OperatorId, Guid Id, string Password) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Password).NewPassword();
    }

    public sealed class Handler(PlatformDb db) : ICommandHandler<Command>
    {
        private const string Change = """
            UPDATE operators SET password_hash = @Hash, credentials_version = credentials_version + 1, password_change_required = true
             WHERE id = @Id;
            DELETE FROM operator_invitations WHERE operator_id = @Id;
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            var hash = Passwords.Hash(c.Password);
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await OperatorAccounts.LockAsync(connection, tx, c.OperatorId, ct);
            var target = await OperatorAccounts.TargetAsync(connection, tx, c.OperatorId, c.Id, ct);
            await connection.ExecuteAsync(new CommandDefinition(Change, new { c.Id, Hash = hash }, tx, cancellationToken: ct));
            await OperatorAudit.WriteAsync(connection, tx, c.OperatorId, "operator.password_set", null, new { target = target.Target }, ct);
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Give another person of the console a new password (they must replace it at their next sign-in).")]
    public static async Task<NoContent> Endpoint(Guid id, Request body, OperatorCaller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.Id, id, body.Password), ct);
        return TypedResults.NoContent();
    }
}
