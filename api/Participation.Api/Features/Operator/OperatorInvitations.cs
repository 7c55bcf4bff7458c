using System.Data;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Operator;

/// <summary>
/// What inviting a person to the console shares (adding them, resending): a new random token whose hash alone is kept
/// (<c>operator_invitations</c>, one per person: a new token replaces the old one, which stops working), valid for
/// <see cref="Lifetime"/>, and its e-mail in the platform's outbox, in the caller's transaction (the e-mail leaves only if
/// the change is committed). The link opens the console's page on the install's address (<c>Email:AppBaseUrl</c>): the
/// console belongs to no city.
/// </summary>
internal static class OperatorInvitations
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>Still to be accepted, whatever its expiry: the person has no password yet.</summary>
    public const string Pending = "EXISTS (SELECT 1 FROM operator_invitations i WHERE i.operator_id = o.id)";

    private const string Upsert = """
        INSERT INTO operator_invitations (operator_id, token_hash, locale, invited_by, expires_at)
        VALUES (@OperatorId, @Hash, @Locale, @InvitedBy, @ExpiresAt)
        ON CONFLICT (operator_id) DO UPDATE
           SET token_hash = excluded.token_hash, locale = coalesce(@NewLocale, operator_invitations.locale),
               invited_by = excluded.invited_by, created_at = now(), expires_at = excluded.expires_at
        RETURNING locale;
        """;

    private const string Inviter = "SELECT display_name FROM operators WHERE id = @Id;";

    /// <summary>(Re)issues the person's invitation and queues its e-mail; <paramref name="locale"/> null keeps the one it
    /// had (a resend), or French.</summary>
    public static async Task IssueAsync(
        IDbConnection connection,
        IDbTransaction tx,
        OperatorAccounts.Row person,
        Guid invitedBy,
        string? locale,
        TimeProvider clock,
        EmailOptions email,
        CancellationToken ct
    )
    {
        var token = SecureTokens.New();
        var expiresAt = clock.GetUtcNow().Add(Lifetime);
        var chosen = await connection.ExecuteScalarAsync<string>(
            new CommandDefinition(
                Upsert,
                new
                {
                    OperatorId = person.Id,
                    Hash = SecureTokens.Hash(token),
                    Locale = locale ?? "fr",
                    NewLocale = locale,
                    InvitedBy = invitedBy,
                    ExpiresAt = expiresAt,
                },
                tx,
                cancellationToken: ct
            )
        );
        var inviter = await connection.ExecuteScalarAsync<string>(
            new CommandDefinition(Inviter, new { Id = invitedBy }, tx, cancellationToken: ct)
        );
        var mail = EmailTemplates.OperatorInvitation(
            chosen ?? "fr",
            person.Email,
            person.DisplayName,
            inviter ?? "",
            person.Role,
            token,
            expiresAt,
            AppAddress.Of(email).AppBaseUrl
        );
        await Outbox.EnqueuePlatformAsync(connection, tx, mail, ct);
    }
}
