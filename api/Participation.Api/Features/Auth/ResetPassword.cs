using Participation.Api.Features.Events;

namespace Participation.Api.Features.Auth;

/// <summary>Sets a new password with a reset token; every session of the account is ended.</summary>
public static class ResetPassword
{
    public sealed record Command(string Token, string NewPassword) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Token).RequiredText(200);
            RuleFor(c => c.NewPassword).NewPassword();
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        // The link proves ownership of the address, so it also confirms it (the account is locked: "old" tells
        // whether it was confirmed before).
        private const string Sql = """
            WITH consumed AS (
                UPDATE user_tokens SET used_at = now()
                 WHERE token_hash = @Hash AND purpose = 'password_reset' AND used_at IS NULL AND expires_at > now()
                RETURNING user_id),
            changed AS (
                UPDATE users u SET password_hash = @PasswordHash, updated_at = now(),
                       email_confirmed_at = coalesce(u.email_confirmed_at, now())
                  FROM consumed, (SELECT id, email_confirmed_at FROM users WHERE id IN (SELECT user_id FROM consumed) FOR UPDATE) old
                 WHERE u.id = consumed.user_id AND old.id = u.id
                RETURNING u.id, old.email_confirmed_at IS NULL AS confirmed_now),
            revoked AS (
                UPDATE refresh_tokens r SET revoked_at = now()
                  FROM changed WHERE r.user_id = changed.id AND r.revoked_at IS NULL)
            SELECT id, confirmed_now FROM changed;
            """;

        private sealed record Row(Guid Id, bool ConfirmedNow);

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(
                    Sql,
                    new { Hash = SecureTokens.Hash(c.Token), PasswordHash = Passwords.Hash(c.NewPassword) },
                    tx,
                    cancellationToken: ct
                )
            ) ?? throw new GoneException();
            // Nothing about the password itself: not even a before and after.
            await events.RecordAsync(
                tx,
                EventType.UserPasswordChanged,
                Actor.User(row.Id),
                row.Id,
                Scope.Platform,
                data: new { via = "reset_link" },
                ct: ct
            );
            if (row.ConfirmedNow)
                await events.RecordAsync(
                    tx,
                    EventType.UserEmailConfirmed,
                    Actor.User(row.Id),
                    row.Id,
                    Scope.Platform,
                    new { emailConfirmed = false },
                    new { emailConfirmed = true },
                    new { via = "reset_link" },
                    ct
                );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Choose a new password with the token from the e-mailed link; all sessions end.")]
    public static async Task<NoContent> Endpoint(Command command, ISender sender, CancellationToken ct)
    {
        await sender.Send(command, ct);
        return TypedResults.NoContent();
    }
}
