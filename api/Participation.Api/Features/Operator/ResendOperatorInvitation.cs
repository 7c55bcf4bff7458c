using Microsoft.Extensions.Options;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Operator;

/// <summary>
/// An operator sends an invited person a new link (theirs expired, or the e-mail was lost): a new token, valid for a week
/// from now, replaces the old one, which stops working at once. Only for a person still invited (409 otherwise: they
/// already chose a password); not for oneself (403). Serialised with the other changes of the console's people; audited
/// (operator.invitation_resent).
/// </summary>
public static class ResendOperatorInvitation
{
    public sealed record Command(Guid OperatorId, Guid Id) : ICommand<OperatorAccount>;

    public sealed class Handler(PlatformDb db, TimeProvider clock, IOptions<EmailOptions> email) : ICommandHandler<Command, OperatorAccount>
    {
        public async ValueTask<OperatorAccount> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await OperatorAccounts.LockAsync(connection, tx, c.OperatorId, ct);
            var target = await OperatorAccounts.TargetAsync(connection, tx, c.OperatorId, c.Id, ct);
            if (target.InvitationExpiresAt is null)
                throw new ConflictException("This person has no pending invitation: they already chose their password.");
            await OperatorInvitations.IssueAsync(connection, tx, target, c.OperatorId, null, clock, email.Value, ct);
            await OperatorAudit.WriteAsync(
                connection,
                tx,
                c.OperatorId,
                "operator.invitation_resent",
                null,
                new { target = target.Target },
                ct
            );
            var account = await OperatorAccounts.ReadAsync(connection, tx, c.Id, ct);
            await tx.CommitAsync(ct);
            return account;
        }
    }

    [EndpointSummary("Send an invited person of the console a new link (the previous one stops working; valid a week).")]
    public static ValueTask<OperatorAccount> Endpoint(Guid id, OperatorCaller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.Id, id), ct);
}
