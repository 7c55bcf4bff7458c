using System.Data;
using Participation.Api.Features.Events;

namespace Participation.Api.Features.PersonalData;

/// <summary>
/// Erases one account, in the caller's transaction (the person's row locked by the caller): what they did moves to a new
/// "former participant" account with a fresh random id (<see cref="AccountDeletionRules"/>), what is personal goes, the
/// id is replaced in payloads, and the person's row is deleted. Organisations they own pass to their longest-standing
/// member when no other owner is left; an organisation with no other member is closed (<c>organisations.closed_at</c>:
/// hidden from the lists, its ideas and comments still the organisation's; <c>organisation.closed</c>). The deletion is
/// recorded as the event type given, naming only the former-participant account. Used by <see cref="DeleteAccount"/>
/// and by the retention of inactive accounts (<see cref="AccountRetentionJob"/>).
/// </summary>
public static class AccountEraser
{
    private const string Ghost = """
        INSERT INTO users (id, email, password_hash, first_name, last_name, locale, deleted_at)
        VALUES (@Ghost, 'former-' || @Ghost::text || '@deleted.invalid', @Hash, 'Ancien', 'participant', 'fr', now());
        """;

    private const string Before = """
        DELETE FROM survey_responses WHERE user_id = @Old AND status = 'draft';
        UPDATE organisation_members m SET role = 'owner'
          FROM (SELECT DISTINCT ON (om.organisation_id) om.organisation_id, om.user_id
                  FROM organisation_members om
                  JOIN organisation_members mine ON mine.organisation_id = om.organisation_id
                                                AND mine.user_id = @Old AND mine.role = 'owner'
                 WHERE om.user_id <> @Old
                   AND NOT EXISTS (SELECT 1 FROM organisation_members o WHERE o.organisation_id = om.organisation_id
                                      AND o.role = 'owner' AND o.user_id <> @Old)
                 ORDER BY om.organisation_id, om.joined_at, om.user_id) heir
         WHERE m.organisation_id = heir.organisation_id AND m.user_id = heir.user_id;
        """;

    // The id in payloads (events, notifications of others, webhook deliveries) becomes the former participant's.
    private const string Payloads = """
        UPDATE events
           SET before = replace(replace(before::text, @OldText, @GhostText), @Email, '')::jsonb,
               after = replace(replace(after::text, @OldText, @GhostText), @Email, '')::jsonb,
               data = replace(replace(data::text, @OldText, @GhostText), @Email, '')::jsonb,
               subject_id = replace(subject_id, @OldText, @GhostText)
         WHERE strpos(coalesce(before::text, '') || coalesce(after::text, '') || data::text || subject_id, @OldText) > 0
            OR strpos(coalesce(before::text, '') || coalesce(after::text, '') || data::text, @Email) > 0;
        UPDATE notifications SET data = replace(data::text, @OldText, @GhostText)::jsonb
         WHERE strpos(data::text, @OldText) > 0;
        UPDATE webhook_deliveries SET payload = replace(payload, @OldText, @GhostText)
         WHERE strpos(payload, @OldText) > 0;
        """;

    private const string Personal = """
        SELECT file_key FROM exports WHERE requested_by = @Old AND file_key IS NOT NULL
        UNION ALL
        SELECT file_key FROM personal_data_exports WHERE user_id = @Old AND file_key IS NOT NULL
        UNION ALL
        SELECT 'avatars/' || avatar_key FROM users WHERE id = @Old AND avatar_key IS NOT NULL;
        """;

    private const string Addressed = """
        DELETE FROM email_outbox WHERE to_address = @Email;
        DELETE FROM invitations WHERE email = @Email;
        DELETE FROM organisation_invitations WHERE email = @Email;
        """;

    // The person's rate-limit windows go too: their keys name the user id ("write:<id>", RateLimits.PerUser).
    private const string Remove = """
        DELETE FROM rate_limit_counters WHERE key LIKE '%:' || @Old::text;
        DELETE FROM users WHERE id = @Old;
        """;

    // An organisation with no other member is closed (its content stays the organisation's), not left memberless; the
    // invitations it had sent go with it.
    private const string Close = """
        WITH closing AS (
            UPDATE organisations o SET closed_at = now(), updated_at = now()
             WHERE o.closed_at IS NULL
               AND EXISTS (SELECT 1 FROM organisation_members m WHERE m.organisation_id = o.id AND m.user_id = @Old)
               AND NOT EXISTS (SELECT 1 FROM organisation_members m WHERE m.organisation_id = o.id AND m.user_id <> @Old)
            RETURNING o.id),
        uninvited AS (DELETE FROM organisation_invitations WHERE organisation_id IN (SELECT id FROM closing))
        SELECT id FROM closing;
        """;

    /// <summary>The former participant's id, and the person's files to delete once the transaction is committed.</summary>
    public sealed record Erased(Guid Ghost, IReadOnlyList<string> Files);

    /// <summary>Erases the account in <paramref name="tx"/>; the caller commits, then deletes <see cref="Erased.Files"/>.</summary>
    public static async Task<Erased> EraseAsync(
        IDbConnection connection,
        IDbTransaction tx,
        EventRecorder events,
        RoleVersionCheck versions,
        Guid userId,
        string email,
        EventType type,
        CancellationToken ct
    )
    {
        var ghost = Guid.NewGuid();
        var args = new
        {
            Old = userId,
            Ghost = ghost,
            OldText = userId.ToString(),
            GhostText = ghost.ToString(),
            Email = email,
            Hash = Passwords.Hash(SecureTokens.New()),
        };
        await connection.ExecuteAsync(new CommandDefinition(Ghost, args, tx, cancellationToken: ct));
        var closed = (await connection.QueryAsync<Guid>(new CommandDefinition(Close, args, tx, cancellationToken: ct))).AsList();
        await connection.ExecuteAsync(new CommandDefinition(Before, args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(AccountDeletionRules.ReassignSql, args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(Payloads, args, tx, cancellationToken: ct));
        var files = (await connection.QueryAsync<string>(new CommandDefinition(Personal, args, tx, cancellationToken: ct))).AsList();
        await connection.ExecuteAsync(new CommandDefinition(Addressed, args, tx, cancellationToken: ct));
        foreach (var organisation in closed)
            await events.RecordAsync(tx, EventType.OrganisationClosed, Actor.System, organisation, Scope.Platform, ct: ct);
        var actor = type == EventType.UserAccountDeleted ? Actor.User(ghost) : Actor.System;
        await events.RecordAsync(tx, type, actor, ghost, Scope.Platform, ct: ct);
        versions.Forget(userId); // before the commit that deletes the account: its access tokens die with it
        await connection.ExecuteAsync(new CommandDefinition(Remove, args, tx, cancellationToken: ct));
        return new Erased(ghost, files);
    }
}
