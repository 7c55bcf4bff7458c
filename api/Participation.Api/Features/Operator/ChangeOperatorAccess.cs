namespace Participation.Api.Features.Operator;

/// <summary>
/// An operator disables another person of the console (they cannot sign in, and their tokens are refused at once:
/// <see cref="OperatorAuth"/> reads the account on every request) or enables them again. Nobody disables themselves (403:
/// another operator must); the last enabled operator is not disabled (409), even by two parallel requests (the changes
/// are serialised, <see cref="OperatorAccounts"/>). Disabling a disabled account or enabling an enabled one changes
/// nothing and audits nothing. Audited (operator.disabled, operator.enabled).
/// </summary>
public static class ChangeOperatorAccess
{
    public sealed record Command(Guid OperatorId, Guid Id, bool Enabled) : ICommand<OperatorAccount>;

    public sealed class Handler(PlatformDb db) : ICommandHandler<Command, OperatorAccount>
    {
        private const string Change = """
            UPDATE operators SET disabled_at = CASE WHEN @Enabled THEN NULL ELSE now() END WHERE id = @Id;
            """;

        public async ValueTask<OperatorAccount> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await OperatorAccounts.LockAsync(connection, tx, c.OperatorId, ct);
            var target = await OperatorAccounts.TargetAsync(connection, tx, c.OperatorId, c.Id, ct);
            if (target.DisabledAt is null == c.Enabled)
                return target.ToAccount();
            if (!c.Enabled && target.Role == OperatorTokens.OperatorRole)
                await OperatorAccounts.KeepOneOperatorAsync(connection, tx, c.Id, ct);
            await connection.ExecuteAsync(new CommandDefinition(Change, new { c.Id, c.Enabled }, tx, cancellationToken: ct));
            await OperatorAudit.WriteAsync(
                connection,
                tx,
                c.OperatorId,
                c.Enabled ? "operator.enabled" : "operator.disabled",
                null,
                new { target = target.Target, role = target.Role },
                ct
            );
            var account = await OperatorAccounts.ReadAsync(connection, tx, c.Id, ct);
            await tx.CommitAsync(ct);
            return account;
        }
    }

    [EndpointSummary("Disable a person of the console: no sign-in, their tokens refused at once (not oneself, not the last operator).")]
    public static ValueTask<OperatorAccount> Disable(Guid id, OperatorCaller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.Id, id, false), ct);

    [EndpointSummary("Enable a disabled person of the console again: they sign in with their password.")]
    public static ValueTask<OperatorAccount> Enable(Guid id, OperatorCaller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.Id, id, true), ct);
}
