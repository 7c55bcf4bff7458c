namespace Participation.Api.Features.Support;

/// <summary>
/// The vendor's console: the cities whose admins grant support access now (active grants only), for a support person to
/// choose one. Reads across cities, so through the owner's connections (<see cref="PlatformDb"/>) with an explicit query
/// on the grants and their cities: the one place outside Features/Operator that may (architecture test).
/// </summary>
public static class ListSupportCities
{
    public sealed record Query : IQuery<Response>;

    /// <param name="Id">The city.</param>
    /// <param name="Host">Its first address (null for a single-city install with no domain).</param>
    /// <param name="GrantId">The active grant.</param>
    /// <param name="GrantEndsAt">When the access ends.</param>
    public sealed record City(Guid Id, string Slug, string Name, string? Host, Guid GrantId, DateTimeOffset GrantEndsAt);

    public sealed record Response(IReadOnlyList<City> Items);

    public sealed class Handler(PlatformDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            SELECT c.id, c.slug, c.name,
                   (SELECT d.host FROM city_domains d WHERE d.city_id = c.id ORDER BY d.position, d.host LIMIT 1) AS host,
                   g.id AS grant_id, g.ends_at AS grant_ends_at
              FROM support_grants g
              JOIN cities c ON c.id = g.city_id
             WHERE g.revoked_at IS NULL AND g.ends_at > now() AND c.status = 'active'
             ORDER BY c.name, c.id;
            """;

        private sealed record Row(Guid Id, string Slug, string Name, string? Host, Guid GrantId, DateTime GrantEndsAt);

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, cancellationToken: ct));
            return new Response(rows.Select(r => new City(r.Id, r.Slug, r.Name, r.Host, r.GrantId, r.GrantEndsAt.AsUtc())).ToList());
        }
    }

    [EndpointSummary("The cities that grant the vendor's support access now (operators and support staff).")]
    public static ValueTask<Response> Endpoint(ISender sender, CancellationToken ct) => sender.Send(new Query(), ct);
}
