using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Auth;

/// <summary>Sends a new confirmation link to the signed-in user (at most one per 20 seconds).</summary>
public static class ResendConfirmation
{
    public sealed record Command(Guid ActorId) : ICommand;

    public sealed class Handler(CityDb db, EmailTemplates templates) : ICommandHandler<Command>
    {
        // Locks the user row so two parallel requests cannot both pass the 20-second check.
        private const string LockUser = """
            SELECT u.email, u.first_name, u.locale, u.email_confirmed_at IS NOT NULL AS confirmed,
                   (SELECT name FROM platform_settings) AS platform_name
              FROM users u WHERE u.id = @ActorId FOR UPDATE OF u;
            """;

        private const string ExpireOld =
            "UPDATE user_tokens SET used_at = now() WHERE user_id = @ActorId AND purpose = 'confirm_email' AND used_at IS NULL;";

        private sealed record Row(string Email, string FirstName, string Locale, bool Confirmed, string PlatformName);

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var user = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(LockUser, c, tx, cancellationToken: ct))
                ?? throw new NotFoundException();
            if (user.Confirmed)
                throw new ConflictException("Your e-mail address is already confirmed.");
            if (
                await connection.ExecuteScalarAsync<bool>(
                    new CommandDefinition(
                        RequestPasswordReset.Handler.SentRecently,
                        new { UserId = c.ActorId, Purpose = "confirm_email" },
                        tx,
                        cancellationToken: ct
                    )
                )
            )
                throw new TooManyRequestsException(TimeSpan.FromSeconds(20));

            var token = SecureTokens.New();
            await connection.ExecuteAsync(new CommandDefinition(ExpireOld, c, tx, cancellationToken: ct));
            await connection.ExecuteAsync(
                new CommandDefinition(
                    Register.Handler.InsertToken,
                    new { Hash = SecureTokens.Hash(token), UserId = c.ActorId },
                    tx,
                    cancellationToken: ct
                )
            );
            await Outbox.EnqueueAsync(
                connection,
                tx,
                templates.ConfirmEmail(user.Locale, user.Email, user.FirstName, user.PlatformName, token),
                ct
            );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("E-mail a new confirmation link to the signed-in user.")]
    public static async Task<Accepted> Endpoint(Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId), ct);
        return TypedResults.Accepted((string?)null);
    }
}
