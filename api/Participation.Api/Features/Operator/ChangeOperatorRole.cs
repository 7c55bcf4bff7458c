using System.Text.Json.Serialization;

namespace Participation.Api.Features.Operator;

/// <summary>
/// An operator makes another person of the console an operator or support staff. Their tokens name the old role and are
/// refused at once (<see cref="OperatorAuth"/> reads the role on every request): they sign in again. Nobody changes their
/// own role (403: another operator must); the last enabled operator is not demoted (409). The same role again changes
/// nothing and audits nothing. Audited (operator.role_changed).
/// </summary>
public static class ChangeOperatorRole
{
    public sealed record Request([property: JsonRequired] OperatorRole Role);

    public sealed record Command(Guid OperatorId, Guid Id, OperatorRole Role) : ICommand<OperatorAccount>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Role).IsInEnum();
    }

    public sealed class Handler(PlatformDb db) : ICommandHandler<Command, OperatorAccount>
    {
        private const string Change = "UPDATE operators SET role = @Role WHERE id = @Id;";

        public async ValueTask<OperatorAccount> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await OperatorAccounts.LockAsync(connection, tx, c.OperatorId, ct);
            var target = await OperatorAccounts.TargetAsync(connection, tx, c.OperatorId, c.Id, ct);
            var from = target.Role.ToEnum<OperatorRole>();
            if (from == c.Role)
                return target.ToAccount();
            if (from == OperatorRole.Operator && target.DisabledAt is null)
                await OperatorAccounts.KeepOneOperatorAsync(connection, tx, c.Id, ct);
            await connection.ExecuteAsync(new CommandDefinition(Change, new { c.Id, Role = c.Role.ToWire() }, tx, cancellationToken: ct));
            await OperatorAudit.WriteAsync(
                connection,
                tx,
                c.OperatorId,
                "operator.role_changed",
                null,
                new
                {
                    target = target.Target,
                    from = from.ToWire(),
                    to = c.Role.ToWire(),
                },
                ct
            );
            var account = await OperatorAccounts.ReadAsync(connection, tx, c.Id, ct);
            await tx.CommitAsync(ct);
            return account;
        }
    }

    [EndpointSummary("Make a person of the console an operator or support staff (operators; not oneself, not the last operator).")]
    public static ValueTask<OperatorAccount> Endpoint(Guid id, Request body, OperatorCaller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.Id, id, body.Role), ct);
}
