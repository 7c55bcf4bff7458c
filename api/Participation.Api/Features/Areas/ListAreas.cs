using System.Text.Json;

namespace Participation.Api.Features.Areas;

/// <summary>
/// The areas (neighbourhoods) projects and ideas are tagged from, in the admins' order, with their polygon if drawn
/// (GeoJSON, WGS84). Public. Archived areas stay on old content and are listed only when asked for.
/// </summary>
/// <remarks>A city has tens of areas with polygons of at most <see cref="AreaGeometry.MaxVertices"/> points: one list.</remarks>
public static class ListAreas
{
    public sealed record Query(bool IncludeArchived) : IQuery<Response>;

    public sealed record Area(
        Guid Id,
        IReadOnlyDictionary<string, string> Name,
        IReadOnlyDictionary<string, string> Description,
        int SortOrder,
        bool Archived,
        int Version,
        JsonElement? Geometry
    );

    public sealed record Response(IReadOnlyList<Area> Items);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            SELECT id, name::text AS name, description::text AS description, sort_order, archived_at IS NOT NULL AS archived, version,
                   geometry::text AS geometry
              FROM areas
             WHERE @IncludeArchived OR archived_at IS NULL
             ORDER BY sort_order, lower(name ->> 'fr'), id
             LIMIT 1000;
            """;

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, q, cancellationToken: ct));
            return new Response(rows.Select(r => r.ToArea()).ToList());
        }
    }

    internal sealed record Row(Guid Id, string Name, string Description, int SortOrder, bool Archived, int Version, string? Geometry)
    {
        public Area ToArea() =>
            new(
                Id,
                LocalizedText.FromJson(Name),
                LocalizedText.FromJson(Description),
                SortOrder,
                Archived,
                Version,
                Geometry is null ? null : JsonSerializer.Deserialize<JsonElement>(Geometry)
            );
    }

    [EndpointSummary(
        "The areas (neighbourhoods) projects and ideas are tagged from, in order, with their polygons (archived ones when asked)."
    )]
    public static ValueTask<Response> Endpoint(bool? includeArchived, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(includeArchived ?? false), ct);
}
