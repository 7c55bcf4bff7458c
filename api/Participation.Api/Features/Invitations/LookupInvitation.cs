using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Invitations;

/// <summary>What the invitation behind a token is, for the acceptance page. Not valid → 410, no detail.</summary>
public static class LookupInvitation
{
    public sealed record Command(string Token) : ICommand<Response>;

    public sealed record Response(
        string Email,
        string InviterName,
        Role Role,
        ScopeType ScopeType,
        Guid? ScopeId,
        IReadOnlyDictionary<string, string>? ScopeName,
        string? Message,
        string? FirstName,
        string? LastName,
        string Locale,
        DateTimeOffset ExpiresAt,
        bool AccountExists
    );

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Token).RequiredText(200);
    }

    public sealed class Handler(CityDb db) : ICommandHandler<Command, Response>
    {
        internal const string Valid = """
            i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
            """;

        private const string Sql = $"""
            SELECT i.email, coalesce(inviter.first_name || ' ' || inviter.last_name, '') AS inviter_name, i.role, i.scope_type, i.scope_id,
                   coalesce(d.name, p.title)::text AS scope_name, i.message, i.first_name, i.last_name, i.locale, i.expires_at,
                   EXISTS (SELECT 1 FROM users u WHERE u.email = i.email) AS account_exists
              FROM invitation_tokens t
              JOIN invitations i ON i.id = t.invitation_id
              LEFT JOIN users inviter ON inviter.id = i.invited_by
              LEFT JOIN departments d ON d.id = i.department_id
              LEFT JOIN projects p ON p.id = i.project_id
             WHERE t.token_hash = @Hash AND {Valid};
            """;

        private sealed record Row(
            string Email,
            string InviterName,
            string Role,
            string ScopeType,
            Guid? ScopeId,
            string? ScopeName,
            string? Message,
            string? FirstName,
            string? LastName,
            string Locale,
            DateTime ExpiresAt,
            bool AccountExists
        );

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var r = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(Sql, new { Hash = SecureTokens.Hash(c.Token) }, cancellationToken: ct)
            ) ?? throw new GoneException();
            return new Response(
                r.Email,
                r.InviterName,
                r.Role.ToEnum<Role>(),
                r.ScopeType.ToEnum<ScopeType>(),
                r.ScopeId,
                r.ScopeName is null ? null : LocalizedText.FromJson(r.ScopeName),
                r.Message,
                r.FirstName,
                r.LastName,
                r.Locale,
                r.ExpiresAt.AsUtc(),
                r.AccountExists
            );
        }
    }

    [EndpointSummary("Describe the invitation behind a token (who invites, to which role, until when).")]
    public static ValueTask<Response> Endpoint(Command command, ISender sender, CancellationToken ct) => sender.Send(command, ct);
}
