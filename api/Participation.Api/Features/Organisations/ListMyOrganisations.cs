namespace Participation.Api.Features.Organisations;

/// <summary>
/// The organisations I belong to (the verified ones are those I may post as), and those inviting my
/// confirmed address.
/// </summary>
public static class ListMyOrganisations
{
    public sealed record Query(Guid ActorId) : IQuery<Response>;

    public sealed record Organisation(Guid Id, string Name, OrganisationStatus Status, Membership Membership);

    private sealed record Row(Guid Id, string Name, string Status, string Membership);

    public sealed record Response(IReadOnlyList<Organisation> Items);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            SELECT o.id, o.name, o.status, m.role AS membership
              FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id
             WHERE m.user_id = @ActorId
            UNION ALL
            SELECT o.id, o.name, o.status, 'invited'
              FROM users u
              JOIN organisation_invitations i ON i.email = u.email
              JOIN organisations o ON o.id = i.organisation_id
             WHERE u.id = @ActorId AND u.email_confirmed_at IS NOT NULL
             ORDER BY 4 DESC, 2
             LIMIT 200;
            """;

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            return new Response(
                (await connection.QueryAsync<Row>(new CommandDefinition(Sql, q, cancellationToken: ct)))
                    .Select(r => new Organisation(r.Id, r.Name, r.Status.ToEnum<OrganisationStatus>(), r.Membership.ToEnum<Membership>()))
                    .ToList()
            );
        }
    }

    [EndpointSummary("Your organisations and the invitations to join one.")]
    public static ValueTask<Response> Endpoint(Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId), ct);
}
