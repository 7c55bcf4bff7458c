using System.Text.Json;
using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Users;

/// <summary>
/// An admin blocks a user platform-wide until a date, with a reason the person receives by e-mail.
/// Blocked users still log in and read; every participation answers "blocked". Blocking again replaces the period.
/// </summary>
public static class BlockUser
{
    public sealed record Request(DateTimeOffset Until, string Reason);

    public sealed record Command(Guid ActorId, Guid UserId, DateTimeOffset Until, string Reason) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Until)
                .Must(u => u > DateTimeOffset.UtcNow && u < DateTimeOffset.UtcNow.AddYears(100))
                .WithMessage(_ => Messages.Get("future_date"));
            RuleFor(c => c.Reason).NotEmpty().WithMessage(_ => Messages.Get("required"));
            RuleFor(c => c.Reason).PlainText(1000);
            RuleFor(c => c.UserId).Must((c, id) => id != c.ActorId).WithMessage(_ => Messages.Get("block_self"));
        }
    }

    public sealed class Handler(CityDb db, EmailTemplates templates, EventRecorder events) : ICommandHandler<Command>
    {
        // The block being replaced, if any, read under a row lock by its own statement (a FOR UPDATE in the upsert's
        // statement would skip the row the upsert changes).
        private const string Previous = "SELECT until, reason FROM user_blocks WHERE user_id = @UserId FOR UPDATE;";

        // The audit data is built by the database as it always was (the timestamp in PostgreSQL's JSON form).
        private const string Sql = """
            WITH blocked AS (
                INSERT INTO user_blocks (user_id, blocked_by, reason, until)
                SELECT id, @ActorId, @Reason, @Until FROM users WHERE id = @UserId
                ON CONFLICT (user_id) DO UPDATE SET blocked_by = EXCLUDED.blocked_by, reason = EXCLUDED.reason, until = EXCLUDED.until,
                       blocked_at = now()
                RETURNING user_id, until, reason)
            SELECT u.email, u.first_name, u.locale, (SELECT name FROM platform_settings) AS platform_name, b.until, b.reason,
                   jsonb_build_object('until', @Until, 'reason', @Reason)::text AS data
              FROM users u JOIN blocked b ON b.user_id = u.id;
            """;

        private sealed record Block(DateTime? Until, string? Reason);

        private sealed record Row(
            string Email,
            string FirstName,
            string Locale,
            string PlatformName,
            DateTime Until,
            string Reason,
            string Data
        );

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, tx, ct))
                throw new ForbiddenException();
            var previous = await connection.QuerySingleOrDefaultAsync<Block>(new CommandDefinition(Previous, c, tx, cancellationToken: ct))
                ?? new Block(null, null);
            var user = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(
                    Sql,
                    new
                    {
                        c.ActorId,
                        c.UserId,
                        Reason = c.Reason.Trim(),
                        Until = c.Until.UtcDateTime,
                    },
                    tx,
                    cancellationToken: ct
                )
            ) ?? throw new NotFoundException("No such user.");
            await events.RecordAsync(
                tx,
                EventType.UserBlocked,
                Actor.User(c.ActorId),
                c.UserId,
                Scope.Platform,
                before: new { until = previous.Until.AsUtc(), reason = previous.Reason },
                after: new { until = user.Until.AsUtc(), reason = user.Reason },
                data: JsonSerializer.Deserialize<JsonElement>(user.Data),
                ct
            );
            await Outbox.EnqueueAsync(
                connection,
                tx,
                templates.Blocked(user.Locale, user.Email, user.FirstName, user.PlatformName, c.Until, c.Reason.Trim()),
                ct
            );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Block a user from participating until a date, with a reason (admin); they are told by e-mail.")]
    public static async Task<NoContent> Endpoint(Guid userId, Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, userId, body.Until, body.Reason), ct);
        return TypedResults.NoContent();
    }
}
