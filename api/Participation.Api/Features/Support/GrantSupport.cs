using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Support;

/// <summary>
/// An admin opens the city's staff area to the vendor's support for <c>Hours</c> hours (1 to 168, 48 by default). One grant
/// is active at a time: granting again while one is active extends or shortens it (its end becomes now + hours, its id stays,
/// so a support session under way goes on; a new reason replaces the old one); otherwise a new grant begins now. Audited
/// (support.granted, with the previous and new end). Support itself never grants nor revokes (a support session is refused).
/// </summary>
public static class GrantSupport
{
    public const int DefaultHours = 48;
    public const int MaxHours = 168;

    /// <param name="Hours">How long the access lasts from now, in hours (1 to 168; 48 when absent).</param>
    /// <param name="Reason">Why support needs access (optional, kept in the grants' history).</param>
    public sealed record Request(int? Hours, string? Reason);

    public sealed record Command(Guid ActorId, int Hours, string? Reason) : ICommand<SupportGrant>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Hours).InclusiveBetween(1, MaxHours).WithMessage(_ => Messages.Get("support_hours"));
            RuleFor(c => c.Reason).PlainText(500);
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events, SupportGrantCheck check) : ICommandHandler<Command, SupportGrant>
    {
        private const string Active = """
            SELECT id, ends_at FROM support_grants
             WHERE revoked_at IS NULL AND ends_at > now() ORDER BY starts_at DESC LIMIT 1 FOR UPDATE;
            """;

        private const string Extend = """
            UPDATE support_grants
               SET ends_at = now() + make_interval(hours => @Hours), extended_at = now(), reason = coalesce(@Reason, reason)
             WHERE id = @Id;
            """;

        private const string Insert = """
            INSERT INTO support_grants (id, granted_by, reason, ends_at)
            VALUES (@Id, @ActorId, @Reason, now() + make_interval(hours => @Hours));
            """;

        private sealed record Open(Guid Id, DateTime EndsAt);

        public async ValueTask<SupportGrant> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            // The city's admins decide on support access, never support itself (a support session acts as an admin).
            if (SupportSession.Current is not null || !await Roles.IsAdminAsync(connection, c.ActorId, tx, ct))
                throw new ForbiddenException();
            await connection.ExecuteAsync(new CommandDefinition(SupportGrants.LockCity, transaction: tx, cancellationToken: ct));
            var open = await connection.QuerySingleOrDefaultAsync<Open>(
                new CommandDefinition(Active, transaction: tx, cancellationToken: ct)
            );
            var reason = string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim();
            var id = open?.Id ?? Guid.CreateVersion7();
            var args = new
            {
                Id = id,
                c.ActorId,
                c.Hours,
                Reason = reason,
            };
            await connection.ExecuteAsync(new CommandDefinition(open is null ? Insert : Extend, args, tx, cancellationToken: ct));
            var grant = (
                await connection.QuerySingleAsync<SupportGrants.Row>(
                    new CommandDefinition(SupportGrants.Select + " WHERE g.id = @Id;", new { Id = id }, tx, cancellationToken: ct)
                )
            ).ToGrant();
            await events.RecordAsync(
                tx,
                EventType.SupportGranted,
                Actor.User(c.ActorId),
                id,
                Scope.Platform,
                before: open is null ? null : new { endsAt = open.EndsAt.AsUtc() },
                after: new { endsAt = grant.EndsAt },
                data: new
                {
                    hours = c.Hours,
                    reason,
                    extended = open is not null,
                },
                ct
            );
            await tx.CommitAsync(ct);
            check.Forget(id);
            return grant;
        }
    }

    [EndpointSummary("Open the city's staff area to the vendor's support for a time (admins; again while open: a new end).")]
    public static async Task<Ok<SupportGrant>> Endpoint(Request? body, Caller caller, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new Command(caller.UserId, body?.Hours ?? DefaultHours, body?.Reason), ct));
}
