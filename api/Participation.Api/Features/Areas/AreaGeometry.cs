using System.Text.Json;
using System.Text.Json.Nodes;

namespace Participation.Api.Features.Areas;

/// <summary>
/// An area's polygon: a GeoJSON Polygon or MultiPolygon (a Feature holding one is unwrapped) in WGS84 longitude,
/// latitude order; rings closed (first point = last), at least 4 points, coordinates in range, at most
/// <see cref="MaxVertices"/> points in all. Stored as {"type", "coordinates"} only (other members dropped).
/// </summary>
public static class AreaGeometry
{
    public const int MaxVertices = 5000;

    public static IRuleBuilderOptionsConditions<T, JsonElement?> Geometry<T>(this IRuleBuilder<T, JsonElement?> rule) =>
        rule.Custom(
            (g, context) =>
            {
                if (g is { } geometry && Problem(geometry) is { } problem)
                    context.AddFailure("geometry", Messages.Get("geometry_invalid", problem));
            }
        );

    /// <summary>The stored JSON (null when no polygon: an absent or null geometry).</summary>
    public static string? Normalize(JsonElement? geometry)
    {
        if (geometry is not { ValueKind: JsonValueKind.Object } g)
            return null;
        var inner = Unwrap(g);
        return new JsonObject
        {
            ["type"] = inner.GetProperty("type").GetString(),
            ["coordinates"] = JsonNode.Parse(inner.GetProperty("coordinates").GetRawText()),
        }.ToJsonString();
    }

    /// <summary>Why the geometry is refused (English, technical: it follows a translated sentence), or null.</summary>
    public static string? Problem(JsonElement geometry)
    {
        if (geometry.ValueKind == JsonValueKind.Null)
            return null;
        if (geometry.ValueKind != JsonValueKind.Object)
            return "not an object";
        var g = Unwrap(geometry);
        if (!g.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            return "no type";
        if (!g.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
            return "no coordinates";
        var vertices = 0;
        switch (type.GetString())
        {
            case "Polygon":
                return PolygonProblem(coordinates, ref vertices);
            case "MultiPolygon":
                if (coordinates.GetArrayLength() == 0)
                    return "no polygon";
                foreach (var polygon in coordinates.EnumerateArray())
                    if (PolygonProblem(polygon, ref vertices) is { } problem)
                        return problem;
                return null;
            default:
                return "type must be Polygon or MultiPolygon";
        }
    }

    private static JsonElement Unwrap(JsonElement g) =>
        g.TryGetProperty("type", out var t)
        && t.ValueKind == JsonValueKind.String
        && t.GetString() == "Feature"
        && g.TryGetProperty("geometry", out var inner)
        && inner.ValueKind == JsonValueKind.Object
            ? inner
            : g;

    private static string? PolygonProblem(JsonElement polygon, ref int vertices)
    {
        if (polygon.ValueKind != JsonValueKind.Array || polygon.GetArrayLength() == 0)
            return "a polygon is a non-empty list of rings";
        foreach (var ring in polygon.EnumerateArray())
        {
            if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4)
                return "a ring has at least 4 positions";
            vertices += ring.GetArrayLength();
            if (vertices > MaxVertices)
                return $"at most {MaxVertices} positions";
            (double Lon, double Lat)? first = null,
                last = null;
            foreach (var position in ring.EnumerateArray())
            {
                if (Position(position) is not { } p)
                    return "a position is [longitude, latitude] with longitude in -180..180 and latitude in -90..90";
                first ??= p;
                last = p;
            }
            if (first != last)
                return "a ring is closed (its last position repeats its first)";
        }
        return null;
    }

    private static (double Lon, double Lat)? Position(JsonElement p)
    {
        if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() is < 2 or > 3)
            return null;
        foreach (var n in p.EnumerateArray())
            if (n.ValueKind != JsonValueKind.Number)
                return null;
        var lon = p[0].GetDouble();
        var lat = p[1].GetDouble();
        return lon is >= -180 and <= 180 && lat is >= -90 and <= 90 ? (lon, lat) : null;
    }
}
