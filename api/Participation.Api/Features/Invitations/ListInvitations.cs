using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Invitations;

/// <summary>
/// Invitations, newest first, with their status and e-mail delivery state. Admins see all; department
/// heads those scoped to their departments; nobody else any.
/// </summary>
public static class ListInvitations
{
    public sealed record Query(Guid ActorId, InvitationStatus? Status, Role? Role, string? Cursor, int? Limit) : IQuery<Response>;

    public sealed record Person(Guid Id, string FirstName, string LastName);

    public sealed record Invitation(
        Guid Id,
        string Email,
        string? FirstName,
        string? LastName,
        string Locale,
        Role Role,
        ScopeType ScopeType,
        Guid? ScopeId,
        IReadOnlyDictionary<string, string>? ScopeName,
        InvitationStatus Status,
        EmailDeliveryState? DeliveryState,
        Person? InvitedBy,
        DateTimeOffset CreatedAt,
        DateTimeOffset ExpiresAt,
        DateTimeOffset? AcceptedAt,
        DateTimeOffset? RevokedAt,
        DateTimeOffset? ReminderSentAt
    );

    public sealed record Response(IReadOnlyList<Invitation> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).IsInEnum().WithMessage(_ => Messages.Get("one_of_invitation_statuses"));
            RuleFor(q => q.Role).IsInEnum().WithMessage(_ => Messages.Get("unknown_role"));
            RuleFor(q => q.Limit).PageSize();
        }
    }

    internal sealed record Key(DateTime At, Guid Id);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        internal const string StatusSql = """
            CASE WHEN i.accepted_at IS NOT NULL THEN 'accepted' WHEN i.revoked_at IS NOT NULL THEN 'revoked'
                 WHEN i.expires_at <= now() THEN 'expired' ELSE 'pending' END
            """;

        private const string Sql = $"""
            SELECT i.id, i.email, i.first_name, i.last_name, i.locale, i.role, i.scope_type, i.scope_id,
                   coalesce(d.name, p.title)::text AS scope_name,
                   {StatusSql} AS status, o.status AS delivery_state,
                   inviter.id AS inviter_id, inviter.first_name AS inviter_first_name, inviter.last_name AS inviter_last_name,
                   i.created_at, i.expires_at, i.accepted_at, i.revoked_at, i.reminder_sent_at
              FROM invitations i
              LEFT JOIN departments d ON d.id = i.department_id
              LEFT JOIN projects p ON p.id = i.project_id
              LEFT JOIN email_outbox o ON o.id = i.email_id
              LEFT JOIN users inviter ON inviter.id = i.invited_by
             WHERE (@Admin OR i.department_id = ANY(@Departments) OR p.department_id = ANY(@Departments))
               AND (@Role::text IS NULL OR i.role = @Role)
               AND (@Status::text IS NULL OR {StatusSql} = @Status)
               AND (@AfterAt::timestamptz IS NULL OR (i.created_at, i.id) < (@AfterAt, @AfterId))
             ORDER BY i.created_at DESC, i.id DESC
             LIMIT @Take;
            """;

        private sealed record Row(
            Guid Id,
            string Email,
            string? FirstName,
            string? LastName,
            string Locale,
            string Role,
            string ScopeType,
            Guid? ScopeId,
            string? ScopeName,
            string Status,
            string? DeliveryState,
            Guid? InviterId,
            string? InviterFirstName,
            string? InviterLastName,
            DateTime CreatedAt,
            DateTime ExpiresAt,
            DateTime? AcceptedAt,
            DateTime? RevokedAt,
            DateTime? ReminderSentAt
        );

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<Key>(q.Cursor);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            var visibility = await Roles.ReachAsync(connection, q.ActorId, ct);
            if (visibility.None)
                throw new ForbiddenException();
            var rows = (
                await connection.QueryAsync<Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            visibility.Admin,
                            visibility.Departments,
                            Role = q.Role.ToWire(),
                            Status = q.Status.ToWire(),
                            AfterAt = after?.At,
                            AfterId = after?.Id,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(r.CreatedAt, r.Id));
            return new Response(
                page.Select(r => new Invitation(
                        r.Id,
                        r.Email,
                        r.FirstName,
                        r.LastName,
                        r.Locale,
                        r.Role.ToEnum<Role>(),
                        r.ScopeType.ToEnum<ScopeType>(),
                        r.ScopeId,
                        r.ScopeName is null ? null : LocalizedText.FromJson(r.ScopeName),
                        r.Status.ToEnum<InvitationStatus>(),
                        r.DeliveryState.ToEnumOrNull<EmailDeliveryState>(),
                        r.InviterId is { } id ? new Person(id, r.InviterFirstName!, r.InviterLastName!) : null,
                        r.CreatedAt.AsUtc(),
                        r.ExpiresAt.AsUtc(),
                        r.AcceptedAt.AsUtc(),
                        r.RevokedAt.AsUtc(),
                        r.ReminderSentAt.AsUtc()
                    ))
                    .ToList(),
                next
            );
        }
    }

    /// <summary>The query string: status and role filters and the page.</summary>
    public sealed record QueryString(
        [property: QueryEnum<InvitationStatus>] string? Status,
        [property: QueryEnum<Role>] string? Role,
        string? Cursor,
        int? Limit
    );

    [EndpointSummary(
        "Invitations with status and e-mail delivery state, newest first (admins: all; department heads: their departments')."
    )]
    public static ValueTask<Response> Endpoint([AsParameters] QueryString q, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(
            new Query(caller.UserId, WireEnum.FromQuery<InvitationStatus>(q.Status), WireEnum.FromQuery<Role>(q.Role), q.Cursor, q.Limit),
            ct
        );
}
