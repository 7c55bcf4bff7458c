using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Storage;

namespace Participation.Api.Features.PersonalData;

/// <summary>
/// Deletes the caller's account, confirmed with their password. What they did stays counted under a new "former
/// participant" account with a fresh random id (ideas, comments, reactions, votes, baskets, survey answers, registrations;
/// see <see cref="AccountDeletionRules"/>); what is personal goes (tokens and sessions, notifications, preferences,
/// follows, consents, memberships, e-mails to them still in the outbox, invitations to their address, export files, the
/// avatar's picture).
/// Organisations they own pass to their longest-standing member when no other owner is left. The id is replaced in the
/// event log's payloads too, so neither the id nor the address remains anywhere. The person's row is locked first, so
/// parallel requests delete once (the others: 404). Staff accounts are closed by an admin, not here (409).
/// </summary>
public static class DeleteAccount
{
    public sealed record Request(string Password);

    public sealed record Command(Guid ActorId, string Password) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Password).RequiredText(Passwords.MaxLength);
    }

    public sealed class Handler(NpgsqlDataSource db, EventRecorder events, IFileStorage storage) : ICommandHandler<Command>
    {
        private const string Lock = """
            SELECT email, password_hash,
                   EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id) AS staff
              FROM users u WHERE u.id = @ActorId AND u.deleted_at IS NULL FOR UPDATE;
            """;

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

        private const string Remove = "DELETE FROM users WHERE id = @Old;";

        private sealed record Row(string Email, string PasswordHash, bool Staff);

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var me = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Lock, c, tx, cancellationToken: ct))
                ?? throw new NotFoundException();
            if (!Passwords.Verify(me.PasswordHash, c.Password))
                throw new FluentValidation.ValidationException([
                    new FluentValidation.Results.ValidationFailure(nameof(Command.Password), Messages.Get("current_password_wrong")),
                ]);
            if (me.Staff)
                throw new ConflictException(Messages.Get("account_deletion_staff"));
            var ghost = Guid.NewGuid();
            var args = new
            {
                Old = c.ActorId,
                Ghost = ghost,
                OldText = c.ActorId.ToString(),
                GhostText = ghost.ToString(),
                me.Email,
                Hash = Passwords.Hash(SecureTokens.New()),
            };
            await connection.ExecuteAsync(new CommandDefinition(Ghost, args, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(Before, args, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(AccountDeletionRules.ReassignSql, args, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(Payloads, args, tx, cancellationToken: ct));
            var files = (await connection.QueryAsync<string>(new CommandDefinition(Personal, args, tx, cancellationToken: ct))).AsList();
            await connection.ExecuteAsync(new CommandDefinition(Addressed, args, tx, cancellationToken: ct));
            await events.RecordAsync(tx, EventType.UserAccountDeleted, Actor.User(ghost), ghost, Scope.Platform, ct: ct);
            await connection.ExecuteAsync(new CommandDefinition(Remove, args, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            foreach (var file in files)
                await storage.DeleteAsync(file, CancellationToken.None);
            return Unit.Value;
        }
    }

    [EndpointSummary("Delete your account (password required): your contributions stay as a former participant's, the rest goes.")]
    public static async Task<IResult> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, body.Password), ct);
        return TypedResults.NoContent();
    }
}
