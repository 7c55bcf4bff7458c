namespace Participation.Api.Features.Operator;

/// <summary>
/// What the console invitation behind a token is, for its page (anonymous: the token is the proof): the person's name,
/// the address they will sign in with (the one the link was sent to), their role and the link's expiry. Unknown, expired,
/// used, resent (an older token) or revoked → 410 without detail, as a city's invitations answer.
/// </summary>
public static class LookupOperatorInvitation
{
    public sealed record Command(string Token) : ICommand<Response>;

    /// <param name="Email">The address the invitation was sent to: the person signs in to the console with it.</param>
    public sealed record Response(string DisplayName, string Email, OperatorRole Role, DateTimeOffset ExpiresAt);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Token).RequiredText(200);
    }

    public sealed class Handler(PlatformDb db) : ICommandHandler<Command, Response>
    {
        /// <summary>A usable invitation: not expired, its person not disabled (accepting deletes it; revoking, its person).</summary>
        internal const string Valid = "i.expires_at > now() AND o.disabled_at IS NULL";

        private const string Sql = $"""
            SELECT o.display_name, o.email, o.role, i.expires_at
              FROM operator_invitations i JOIN operators o ON o.id = i.operator_id
             WHERE i.token_hash = @Hash AND {Valid};
            """;

        private sealed record Row(string DisplayName, string Email, string Role, DateTime ExpiresAt);

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(Sql, new { Hash = SecureTokens.Hash(c.Token) }, cancellationToken: ct)
            ) ?? throw new GoneException();
            return new Response(row.DisplayName, row.Email, row.Role.ToEnum<OperatorRole>(), row.ExpiresAt.AsUtc());
        }
    }

    [EndpointSummary("Describe the console invitation behind a token (whose, which role, until when); 410 when it is no longer valid.")]
    public static ValueTask<Response> Endpoint(Command command, ISender sender, CancellationToken ct) => sender.Send(command, ct);
}
