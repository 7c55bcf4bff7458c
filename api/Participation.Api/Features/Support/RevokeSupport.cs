using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Support;

/// <summary>
/// An admin closes a support grant before its end: support's requests under it are refused at once (their tokens name the
/// grant), and the city's support users lose the admin role they held for it. Revoking a revoked grant changes nothing; an
/// expired one cannot be revoked (409). Audited (support.revoked).
/// </summary>
public static class RevokeSupport
{
    public sealed record Command(Guid ActorId, Guid Id) : ICommand;

    public sealed class Handler(CityDb db, EventRecorder events, RoleGrants roles, SupportGrantCheck check) : ICommandHandler<Command>
    {
        private const string Lock = """
            SELECT revoked_at IS NOT NULL AS revoked, ends_at <= now() AS expired, ends_at
              FROM support_grants WHERE id = @Id FOR UPDATE;
            """;

        private const string Revoke = "UPDATE support_grants SET revoked_at = now(), revoked_by = @ActorId WHERE id = @Id;";

        private sealed record Row(bool Revoked, bool Expired, DateTime EndsAt);

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            // The city's admins decide on support access, never support itself (a support session acts as an admin).
            if (SupportSession.Current is not null || !await Roles.IsAdminAsync(connection, c.ActorId, tx, ct))
                throw new ForbiddenException();
            await connection.ExecuteAsync(new CommandDefinition(SupportGrants.LockCity, transaction: tx, cancellationToken: ct));
            var g = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Lock, c, tx, cancellationToken: ct))
                ?? throw new NotFoundException("No such support grant.");
            if (g.Revoked)
                return Unit.Value;
            if (g.Expired)
                throw new ConflictException("This support access has already ended.");
            await connection.ExecuteAsync(new CommandDefinition(Revoke, c, tx, cancellationToken: ct));
            await events.RecordAsync(
                tx,
                EventType.SupportRevoked,
                Actor.User(c.ActorId),
                c.Id,
                Scope.Platform,
                before: new { status = SupportGrantStatus.Active, endsAt = g.EndsAt.AsUtc() },
                after: new { status = SupportGrantStatus.Revoked },
                ct: ct
            );
            await SupportUsers.RevokeRolesAsync(connection, tx, roles, c.ActorId, ct);
            await tx.CommitAsync(ct);
            check.Forget(c.Id);
            return Unit.Value;
        }
    }

    [EndpointSummary("Close the vendor's support access before its end (admins): support is refused at once.")]
    public static async Task<NoContent> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id), ct);
        return TypedResults.NoContent();
    }
}
