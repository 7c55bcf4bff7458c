namespace Participation.Api.Features.Organisations;

/// <summary>
/// An organisation's profile. Verified ones are public; pending or rejected ones are seen by their members
/// and admins only. Members (names, never e-mails) are listed for members and admins. A closed organisation (its last
/// member deleted their account: <c>closedAt</c>) keeps its page, as its ideas and comments still name it.
/// </summary>
public static class GetOrganisation
{
    public sealed record Query(Guid? ActorId, Guid Id) : IQuery<Response>;

    public sealed record Member(Guid UserId, string FirstName, string LastName, OrganisationRole Role);

    private sealed record MemberRow(Guid UserId, string FirstName, string LastName, string Role);

    public sealed record Response(
        Guid Id,
        string Name,
        string Description,
        string? Website,
        OrganisationStatus Status,
        bool Verified,
        string? StatusReason,
        int MemberCount,
        OrganisationRole? MyRole,
        bool InvitedMe,
        bool CanReview,
        IReadOnlyList<Member>? Members,
        IReadOnlyList<string>? PendingInvitations,
        DateTimeOffset? ClosedAt
    );

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            SELECT o.id, o.name, o.description, o.website, o.status, o.status_reason, o.closed_at,
                   (SELECT count(*)::int FROM organisation_members m WHERE m.organisation_id = o.id) AS member_count,
                   (SELECT m.role FROM organisation_members m WHERE m.organisation_id = o.id AND m.user_id = @ActorId) AS my_role,
                   EXISTS (SELECT 1 FROM organisation_invitations i JOIN users u ON u.email = i.email
                            WHERE i.organisation_id = o.id AND u.id = @ActorId AND u.email_confirmed_at IS NOT NULL) AS invited_me,
                   EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = @ActorId AND r.role = 'admin') AS admin
              FROM organisations o WHERE o.id = @Id;
            SELECT m.user_id, u.first_name, u.last_name, m.role
              FROM organisation_members m JOIN users u ON u.id = m.user_id
             WHERE m.organisation_id = @Id ORDER BY m.role DESC, lower(u.last_name), lower(u.first_name);
            SELECT email FROM organisation_invitations WHERE organisation_id = @Id ORDER BY created_at;
            """;

        private sealed record Row(
            Guid Id,
            string Name,
            string Description,
            string? Website,
            string Status,
            string? StatusReason,
            DateTime? ClosedAt,
            int MemberCount,
            string? MyRole,
            bool InvitedMe,
            bool Admin
        );

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, q, cancellationToken: ct));
            var o = await results.ReadSingleOrDefaultAsync<Row>() ?? throw new NotFoundException("No such organisation.");
            var members = (await results.ReadAsync<MemberRow>())
                .Select(m => new Member(m.UserId, m.FirstName, m.LastName, m.Role.ToEnum<OrganisationRole>()))
                .ToList();
            var invited = (await results.ReadAsync<string>()).AsList();
            var insider = o.MyRole is not null || o.Admin;
            if (o.Status != "verified" && !insider && !o.InvitedMe)
                throw new NotFoundException("No such organisation.");
            return new Response(
                o.Id,
                o.Name,
                o.Description,
                o.Website,
                o.Status.ToEnum<OrganisationStatus>(),
                o.Status == "verified",
                insider ? o.StatusReason : null,
                o.MemberCount,
                o.MyRole.ToEnumOrNull<OrganisationRole>(),
                o.InvitedMe && o.MyRole is null,
                o.Admin,
                insider ? members : null,
                o.MyRole == "owner" ? invited : null, // invitees' addresses: only the owner who typed them
                o.ClosedAt is { } closed ? new DateTimeOffset(DateTime.SpecifyKind(closed, DateTimeKind.Utc)) : null
            );
        }
    }

    [EndpointSummary("An organisation's profile (verified ones are public).")]
    public static ValueTask<Response> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserIdOrNull, id), ct);
}
