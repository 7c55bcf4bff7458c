using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Invitations;

/// <summary>Sends a pending or expired invitation again: a new token and 30 more days; earlier links stop working.</summary>
public static class ResendInvitation
{
    public sealed record Command(Guid ActorId, Guid Id) : ICommand<Response>;

    public sealed record Response(Guid Id, DateTimeOffset ExpiresAt);

    public sealed class Handler(CityDb db, EmailTemplates templates, TimeProvider clock, EventRecorder events)
        : ICommandHandler<Command, Response>
    {
        private const string Lock = """
            SELECT i.id, i.email, i.first_name, i.locale, i.role, i.scope_type, i.scope_id, i.message,
                   i.expires_at, i.accepted_at IS NOT NULL AS accepted, i.revoked_at IS NOT NULL AS revoked,
                   coalesce(d.name, p.title)::text AS scope_name, (SELECT name FROM platform_settings) AS platform_name,
                   (SELECT first_name || ' ' || last_name FROM users WHERE id = @ActorId) AS inviter_name,
                   (SELECT first_name FROM users WHERE email = i.email) AS account_first_name,
                   EXISTS (SELECT 1 FROM users WHERE email = i.email) AS account_exists
              FROM invitations i LEFT JOIN departments d ON d.id = i.department_id
              LEFT JOIN projects p ON p.id = i.project_id
             WHERE i.id = @Id
               FOR UPDATE OF i;
            """;

        private const string Renew = """
            WITH dead AS (DELETE FROM invitation_tokens WHERE invitation_id = @Id),
            token AS (INSERT INTO invitation_tokens (token_hash, invitation_id) VALUES (@Hash, @Id))
            UPDATE invitations SET expires_at = @ExpiresAt, reminder_sent_at = NULL, email_id = @EmailId, invited_by = @ActorId
             WHERE id = @Id
            RETURNING expires_at;
            """;

        private sealed record Row(
            Guid Id,
            string Email,
            string? FirstName,
            string Locale,
            string Role,
            string ScopeType,
            Guid? ScopeId,
            string? Message,
            DateTime ExpiresAt,
            bool Accepted,
            bool Revoked,
            string? ScopeName,
            string PlatformName,
            string InviterName,
            string? AccountFirstName,
            bool AccountExists
        );

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var i = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Lock, c, tx, cancellationToken: ct));
            if (i is null)
            {
                if (!await Roles.IsAdminAsync(connection, c.ActorId, tx, ct))
                    throw new ForbiddenException();
                throw new NotFoundException("No such invitation.");
            }
            await GrantPolicy.AuthorizeGrantAsync(
                connection,
                tx,
                c.ActorId,
                i.Role.ToEnum<Role>(),
                i.ScopeType.ToEnum<ScopeType>(),
                i.ScopeId,
                ct
            );
            if (i.Accepted || i.Revoked)
                throw new ConflictException("Only a pending or expired invitation can be sent again.");

            var token = SecureTokens.New();
            var expiresAt = clock.GetUtcNow().Add(InvitationWriter.Lifetime);
            var scopeName = i.ScopeName is null ? null : LocalizedText.Pick(LocalizedText.FromJson(i.ScopeName), i.Locale);
            var emailId = await Outbox.EnqueueAsync(
                connection,
                tx,
                templates.Invitation(
                    i.Locale,
                    i.Email,
                    i.FirstName ?? i.AccountFirstName,
                    i.PlatformName,
                    i.InviterName,
                    i.Role,
                    scopeName,
                    i.Message,
                    token,
                    expiresAt,
                    i.AccountExists,
                    reminder: false
                ),
                ct
            );
            var renewed = await connection.QuerySingleAsync<DateTime>(
                new CommandDefinition(
                    Renew,
                    new
                    {
                        c.Id,
                        c.ActorId,
                        Hash = SecureTokens.Hash(token),
                        ExpiresAt = expiresAt,
                        EmailId = emailId,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            await events.RecordAsync(
                tx,
                EventType.InvitationResent,
                Actor.User(c.ActorId),
                c.Id,
                InvitationWriter.EventScope(i.ScopeType, i.ScopeId),
                before: new { expiresAt = i.ExpiresAt.AsUtc() },
                after: new { expiresAt = renewed.AsUtc() },
                ct: ct
            );
            await tx.CommitAsync(ct);
            return new Response(c.Id, expiresAt);
        }
    }

    [EndpointSummary("Send an invitation again with a new link valid 30 days; the old link stops working.")]
    public static ValueTask<Response> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id), ct);
}
