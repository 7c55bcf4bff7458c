namespace Participation.Api.Features.Operator;

/// <summary>
/// An operator withdraws a pending invitation: the account, which was never used (no password, no sign-in, nothing in the
/// audit by it), is removed with its invitation, so the link is dead and the address may be invited again later. Only for
/// a person still invited (409 otherwise: disable an active person instead); not for oneself (403). Serialised with the
/// other changes of the console's people; audited (operator.invitation_revoked, naming the person).
/// </summary>
public static class RevokeOperatorInvitation
{
    public sealed record Command(Guid OperatorId, Guid Id) : ICommand;

    public sealed class Handler(PlatformDb db) : ICommandHandler<Command>
    {
        private const string Remove = "DELETE FROM operators WHERE id = @Id AND password_hash IS NULL;";

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await OperatorAccounts.LockAsync(connection, tx, c.OperatorId, ct);
            var target = await OperatorAccounts.TargetAsync(connection, tx, c.OperatorId, c.Id, ct);
            if (
                target.InvitationExpiresAt is null
                || await connection.ExecuteAsync(new CommandDefinition(Remove, new { c.Id }, tx, cancellationToken: ct)) == 0
            )
                throw new ConflictException("This person has no pending invitation: disable their account instead.");
            await OperatorAudit.WriteAsync(
                connection,
                tx,
                c.OperatorId,
                "operator.invitation_revoked",
                null,
                new { target = target.Target, role = target.Role },
                ct
            );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Withdraw a pending console invitation: the unused account is removed and its link stops working.")]
    public static async Task<NoContent> Endpoint(Guid id, OperatorCaller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.Id, id), ct);
        return TypedResults.NoContent();
    }
}
