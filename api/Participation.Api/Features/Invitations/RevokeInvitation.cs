using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Invitations;

/// <summary>Withdraws an invitation that was not accepted; its links stop working. Idempotent.</summary>
public static class RevokeInvitation
{
    public sealed record Command(Guid ActorId, Guid Id) : ICommand;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Lock = """
            SELECT role, scope_type, scope_id, accepted_at IS NOT NULL AS accepted, revoked_at IS NOT NULL AS revoked,
                   expires_at <= now() AS expired
              FROM invitations WHERE id = @Id FOR UPDATE;
            """;

        private const string Revoke = """
            WITH dead AS (DELETE FROM invitation_tokens WHERE invitation_id = @Id)
            UPDATE invitations SET revoked_at = now(), revoked_by = @ActorId WHERE id = @Id;
            """;

        private sealed record Row(string Role, string ScopeType, Guid? ScopeId, bool Accepted, bool Revoked, bool Expired);

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var i = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Lock, c, tx, cancellationToken: ct));
            if (i is null)
            {
                if (!await Roles.IsAdminAsync(connection, c.ActorId, tx, ct))
                    throw new ForbiddenException();
                throw new NotFoundException("No such invitation.");
            }
            await GrantPolicy.AuthorizeGrantAsync(
                connection,
                tx,
                c.ActorId,
                i.Role.ToEnum<Role>(),
                i.ScopeType.ToEnum<ScopeType>(),
                i.ScopeId,
                ct
            );
            if (i.Accepted)
                throw new ConflictException("This invitation was accepted: remove the role from the person instead.");
            if (!i.Revoked)
            {
                await connection.ExecuteAsync(new CommandDefinition(Revoke, c, tx, cancellationToken: ct));
                await events.RecordAsync(
                    tx,
                    EventType.InvitationRevoked,
                    Actor.User(c.ActorId),
                    c.Id,
                    InvitationWriter.EventScope(i.ScopeType, i.ScopeId),
                    before: new { status = i.Expired ? InvitationStatus.Expired : InvitationStatus.Pending },
                    after: new { status = InvitationStatus.Revoked },
                    ct: ct
                );
            }
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Revoke an invitation that was not accepted.")]
    public static async Task<NoContent> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id), ct);
        return TypedResults.NoContent();
    }
}
