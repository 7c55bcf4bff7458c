namespace Participation.Api.Features.Auth;

/// <summary>Ends a session: revokes the refresh token's whole family. Idempotent.</summary>
public static class Logout
{
    public sealed record Command(string RefreshToken) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.RefreshToken).RequiredText(200);
    }

    public sealed class Handler(CityDb db) : ICommandHandler<Command>
    {
        private const string Sql = """
            UPDATE refresh_tokens SET revoked_at = now()
             WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = @Hash)
               AND revoked_at IS NULL;
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await connection.ExecuteAsync(
                new CommandDefinition(Sql, new { Hash = SecureTokens.Hash(c.RefreshToken) }, cancellationToken: ct)
            );
            return Unit.Value;
        }
    }

    [EndpointSummary("Log out: the refresh token and every token rotated from the same login stop working.")]
    public static async Task<NoContent> Endpoint(Command command, ISender sender, CancellationToken ct)
    {
        await sender.Send(command, ct);
        return TypedResults.NoContent();
    }
}
