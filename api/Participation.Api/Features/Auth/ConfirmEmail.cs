using Participation.Api.Features.Events;

namespace Participation.Api.Features.Auth;

/// <summary>Consumes an e-mail confirmation token (single use, 7 days).</summary>
public static class ConfirmEmail
{
    public sealed record Command(string Token) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Token).RequiredText(200);
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        // One statement: a token is consumed at most once, even under parallel requests. The account is locked
        // ("old"): whether it was already confirmed (by a password reset, say) is what this statement replaced.
        private const string Sql = """
            WITH consumed AS (
                UPDATE user_tokens SET used_at = now()
                 WHERE token_hash = @Hash AND purpose = 'confirm_email' AND used_at IS NULL AND expires_at > now()
                RETURNING user_id)
            UPDATE users u SET email_confirmed_at = coalesce(u.email_confirmed_at, now()), updated_at = now()
              FROM consumed, (SELECT id, email_confirmed_at FROM users WHERE id IN (SELECT user_id FROM consumed) FOR UPDATE) old
             WHERE u.id = consumed.user_id AND old.id = u.id
            RETURNING u.id, old.email_confirmed_at IS NULL AS confirmed_now;
            """;

        private sealed record Row(Guid Id, bool ConfirmedNow);

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(Sql, new { Hash = SecureTokens.Hash(c.Token) }, tx, cancellationToken: ct)
            ) ?? throw new GoneException();
            if (row.ConfirmedNow) // an address confirmed already (by a password reset link) is no new fact
                await events.RecordAsync(
                    tx,
                    EventType.UserEmailConfirmed,
                    Actor.User(row.Id),
                    row.Id,
                    Scope.Platform,
                    new { emailConfirmed = false },
                    new { emailConfirmed = true },
                    ct: ct
                );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Confirm an e-mail address with the token from the e-mailed link.")]
    public static async Task<NoContent> Endpoint(Command command, ISender sender, CancellationToken ct)
    {
        await sender.Send(command, ct);
        return TypedResults.NoContent();
    }
}
