using System.Data;
using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Invitations;

/// <summary>One person to invite, as typed in the form or read from a CSV row.</summary>
public sealed record Invitee(string? Email, string? FirstName, string? LastName, string? Locale);

/// <summary>What happened to each row: created, skipped (nothing to do) or refused with a reason.</summary>
public sealed record InvitationReport(
    IReadOnlyList<InvitationReport.Created> Invited,
    IReadOnlyList<InvitationReport.Skipped> Skips,
    IReadOnlyList<InvitationReport.RowError> Errors
)
{
    public sealed record Created(int Row, Guid Id, string Email);

    public sealed record Skipped(int Row, string Email, InvitationSkipReason Reason);

    public sealed record RowError(int Row, string? Email, InvitationRowErrorCode Code, string Message);
}

/// <summary>
/// Writes invitations for a list of invitees with one role and scope, in the caller's transaction:
/// per-row validation, an advisory lock per address (parallel requests cannot invite one person twice),
/// the invitation, its token, its e-mail and its event (invitation.created, in the audit log).
/// </summary>
public sealed class InvitationWriter(EmailTemplates templates, TimeProvider clock, EventRecorder events)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    /// <param name="AppBaseUrl">The web app's address for the invitation's link when the current city's is not known yet (a
    /// city being created: its domains are not committed); else the current city's (<see cref="CityAddresses"/>).</param>
    /// <param name="InviterName">Who invites, when no person of the city does (the vendor's operator).</param>
    public sealed record Scope(
        string Role,
        string ScopeType,
        Guid? ScopeId,
        string? Message,
        string? AppBaseUrl = null,
        string? InviterName = null
    );

    /// <summary>Where an invitation's events happen: its department or project (heads of that department see them).</summary>
    public static Events.Scope EventScope(string scopeType, Guid? scopeId) =>
        (scopeType.ToEnum<ScopeType>(), scopeId) switch
        {
            (ScopeType.Department, _) => Events.Scope.Department(scopeId),
            (ScopeType.Project, { } project) => Events.Scope.Project(project),
            _ => Events.Scope.Platform,
        };

    private const string Context = """
        SELECT (SELECT name FROM platform_settings) AS platform_name,
               (SELECT first_name || ' ' || last_name FROM users WHERE id = @ActorId) AS inviter_name,
               coalesce((SELECT name::text FROM departments WHERE id = @ScopeId),
                        (SELECT title::text FROM projects WHERE id = @ScopeId)) AS scope_name;
        """;

    private const string Lock = "SELECT pg_advisory_xact_lock(hashtextextended('invite:' || @Email, 0));";

    private const string State = """
        SELECT EXISTS (SELECT 1 FROM user_roles r JOIN users u ON u.id = r.user_id
                        WHERE u.email = @Email AND r.role = @Role AND r.scope_type = @ScopeType
                          AND r.scope_id IS NOT DISTINCT FROM @ScopeId) AS has_role,
               EXISTS (SELECT 1 FROM invitations i
                        WHERE i.email = @Email AND i.role = @Role AND i.scope_type = @ScopeType
                          AND i.scope_id IS NOT DISTINCT FROM @ScopeId
                          AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()) AS pending,
               (SELECT first_name FROM users WHERE email = @Email) AS account_first_name,
               EXISTS (SELECT 1 FROM users WHERE email = @Email) AS account_exists;
        """;

    private const string Insert = """
        WITH invitation AS (
            INSERT INTO invitations (id, email, first_name, last_name, locale, role, scope_type, scope_id, department_id, project_id,
                                     message, invited_by, expires_at, email_id)
            VALUES (@Id, @Email, @FirstName, @LastName, @Locale, @Role, @ScopeType, @ScopeId,
                    CASE WHEN @ScopeType = 'department' THEN @ScopeId END, CASE WHEN @ScopeType = 'project' THEN @ScopeId END,
                    @Message, @ActorId, @ExpiresAt, @EmailId)
            RETURNING id)
        INSERT INTO invitation_tokens (token_hash, invitation_id) SELECT @Hash, id FROM invitation;
        """;

    private sealed record ContextRow(string PlatformName, string? InviterName, string? ScopeName);

    private sealed record StateRow(bool HasRole, bool Pending, string? AccountFirstName, bool AccountExists);

    public async Task<InvitationReport> WriteAsync(
        IDbConnection connection,
        IDbTransaction tx,
        Guid? actorId,
        Scope scope,
        IReadOnlyList<(int Row, Invitee Invitee)> rows,
        CancellationToken ct
    )
    {
        var invited = new List<InvitationReport.Created>();
        var skipped = new List<InvitationReport.Skipped>();
        var errors = new List<InvitationReport.RowError>();
        var context = await connection.QuerySingleAsync<ContextRow>(
            new CommandDefinition(Context, new { ActorId = actorId, scope.ScopeId }, tx, cancellationToken: ct)
        );
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var eventScope = EventScope(scope.ScopeType, scope.ScopeId);

        foreach (var (row, invitee) in rows)
        {
            if (Check(row, invitee) is { } error)
            {
                errors.Add(error);
                continue;
            }
            var email = TextRules.NormalizeEmail(invitee.Email!);
            if (!seen.Add(email))
            {
                errors.Add(new(row, email, InvitationRowErrorCode.DuplicateInRequest, "This address appears more than once."));
                continue;
            }

            var args = new
            {
                Email = email,
                scope.Role,
                scope.ScopeType,
                scope.ScopeId,
            };
            await connection.ExecuteAsync(new CommandDefinition(Lock, args, tx, cancellationToken: ct));
            var state = await connection.QuerySingleAsync<StateRow>(new CommandDefinition(State, args, tx, cancellationToken: ct));
            if (state.HasRole)
            {
                skipped.Add(new(row, email, InvitationSkipReason.AlreadyHasRole));
                continue;
            }
            if (state.Pending)
            {
                skipped.Add(new(row, email, InvitationSkipReason.AlreadyInvited));
                continue;
            }

            var id = Guid.CreateVersion7();
            var token = SecureTokens.New();
            var expiresAt = clock.GetUtcNow().Add(Lifetime);
            var locale = invitee.Locale ?? "fr";
            var scopeName = context.ScopeName is null ? null : LocalizedText.Pick(LocalizedText.FromJson(context.ScopeName), locale);
            var mail = templates.Invitation(
                locale,
                email,
                Clean(invitee.FirstName) ?? state.AccountFirstName,
                context.PlatformName,
                scope.InviterName ?? context.InviterName ?? "",
                scope.Role,
                scopeName,
                scope.Message,
                token,
                expiresAt,
                state.AccountExists,
                reminder: false,
                scope.AppBaseUrl
            );
            var emailId = await Outbox.EnqueueAsync(connection, tx, mail, ct);
            await connection.ExecuteAsync(
                new CommandDefinition(
                    Insert,
                    new
                    {
                        Id = id,
                        Email = email,
                        FirstName = Clean(invitee.FirstName),
                        LastName = Clean(invitee.LastName),
                        Locale = locale,
                        scope.Role,
                        scope.ScopeType,
                        scope.ScopeId,
                        Message = Clean(scope.Message),
                        ActorId = actorId,
                        ExpiresAt = expiresAt,
                        EmailId = emailId,
                        Hash = SecureTokens.Hash(token),
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            // The audit data keeps the invitee's address, as it always did; before/after never hold an e-mail.
            await events.RecordAsync(
                tx,
                EventType.InvitationCreated,
                Actor.UserOrSystem(actorId),
                id,
                eventScope,
                before: null,
                after: new
                {
                    scope.Role,
                    scope.ScopeType,
                    scope.ScopeId,
                    Locale = locale,
                    ExpiresAt = expiresAt.AddTicks(-(expiresAt.Ticks % 10)),
                }, // as stored: µs
                data: new
                {
                    Email = email,
                    scope.Role,
                    scope.ScopeType,
                    scope.ScopeId,
                },
                ct
            );
            invited.Add(new(row, id, email));
        }
        return new InvitationReport(invited, skipped, errors);
    }

    private static InvitationReport.RowError? Check(int row, Invitee i)
    {
        var email = i.Email?.Trim();
        if (!TextRules.IsEmail(email))
            return new(row, email, InvitationRowErrorCode.InvalidEmail, "Not a valid e-mail address.");
        if (!NameOk(i.FirstName) || !NameOk(i.LastName))
            return new(row, email, InvitationRowErrorCode.InvalidName, "Names have at most 100 characters, without control characters.");
        if (i.Locale is not null && !TextRules.Locales.Contains(i.Locale))
            return new(row, email, InvitationRowErrorCode.InvalidLocale, "Language must be fr, nl or en.");
        return null;
    }

    private static bool NameOk(string? name) => name is null || (name.Trim().Length <= 100 && !name.Any(TextRules.IsForbidden));

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
