using System.Text.Json.Nodes;

namespace Participation.Api.Tests.Security;

/// <summary>The document's schemas: a plausible instance of each, and its null mutations.</summary>
internal sealed class ContractSchemas(JsonNode document, RealResources world)
{
    private JsonObject Resolve(JsonNode schema)
    {
        var s = schema.AsObject();
        if (s["$ref"]?.GetValue<string>() is { } reference)
            return Resolve(document["components"]!["schemas"]![reference.Split('/')[^1]]!);
        foreach (var combinator in new[] { "allOf", "oneOf", "anyOf" })
            if (s[combinator] is JsonArray { Count: > 0 } parts)
            {
                var merged = new JsonObject();
                foreach (var (key, value) in s)
                    if (key != combinator)
                        merged[key] = value?.DeepClone();
                foreach (var (key, value) in Resolve(parts[0]!))
                    merged[key] ??= value?.DeepClone();
                return merged;
            }
        return s;
    }

    private static string? Type(JsonObject s) =>
        s["type"] switch
        {
            JsonValue v => v.GetValue<string>(),
            JsonArray a => a.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
            _ => s["properties"] is not null ? "object" : null,
        };

    private JsonNode? Instance(JsonNode schema, string? name, string url, int depth)
    {
        var s = Resolve(schema);
        // A closed set: the sample its validator accepts in this request (an idea status a moderator may set...), else its first value.
        if (s["enum"] is JsonArray { Count: > 0 } values)
            return world.Sample(name, url) ?? values.FirstOrDefault(v => v is not null)?.DeepClone();
        switch (Type(s))
        {
            case "object" when s["properties"] is JsonObject properties:
                var o = new JsonObject();
                if (depth < 6)
                    foreach (var (key, property) in properties)
                        o[key] = Instance(property!, key, url, depth + 1);
                return o;
            case "object":
                return s["additionalProperties"] is JsonObject values2
                    ? new JsonObject { ["fr"] = Instance(values2, null, url, depth + 1) }
                    : new JsonObject();
            case "array":
                return depth < 6 ? new JsonArray(Instance(s["items"]!, name, url, depth + 1)) : new JsonArray();
            case "integer" or "number":
                return name == "version" ? 0 : 1;
            case "boolean":
                return true;
            case "string":
                if (world.Sample(name, url) is { } sample)
                    return sample;
                return s["format"]?.GetValue<string>() switch
                {
                    "uuid" => s["nullable"]?.GetValue<bool>() == true ? null : world.C.P1.ToString(),
                    "date-time" => DateTimeOffset.UtcNow.AddDays(1).ToString("O"),
                    _ => "Un texte valide",
                };
            default:
                return null;
        }
    }

    /// <summary>Variants of a plausible instance, each with one null somewhere (paths labelled).</summary>
    private IEnumerable<(string Label, JsonNode? Node)> Mutations(JsonNode schema, string? name, string url, int depth)
    {
        if (depth > 6)
            yield break;
        var s = Resolve(schema);
        switch (Type(s))
        {
            case "object" when s["properties"] is JsonObject properties:
                foreach (var (key, property) in properties)
                {
                    var alone = new JsonObject { [key] = null };
                    if (depth == 0)
                        yield return ($"{{{key}:null}}", alone);
                    var withNull = (JsonObject)Instance(s, name, url, depth)!;
                    withNull[key] = null;
                    yield return (key, withNull);
                    foreach (var (label, inner) in Mutations(property!, key, url, depth + 1))
                    {
                        var mutated = (JsonObject)Instance(s, name, url, depth)!;
                        mutated[key] = inner;
                        yield return ($"{key}.{label}", mutated);
                    }
                }
                break;
            case "object" when s["additionalProperties"] is JsonObject values:
                yield return ("fr", new JsonObject { ["fr"] = null });
                foreach (var (label, inner) in Mutations(values, null, url, depth + 1))
                    yield return ($"fr.{label}", new JsonObject { ["fr"] = inner });
                break;
            case "array":
                yield return ("[null]", new JsonArray((JsonNode?)null));
                foreach (var (label, inner) in Mutations(s["items"]!, name, url, depth + 1))
                    yield return ($"[0].{label}", new JsonArray(inner));
                break;
        }
    }

    /// <summary>A plausible instance of <paramref name="schema"/> (its values from the world's resources).</summary>
    public JsonNode? Plausible(JsonNode schema, string url) => Instance(schema, null, url, 0);

    public IEnumerable<(string Label, JsonNode? Body)> NullMutations(JsonNode schema, string url) => Mutations(schema, null, url, 0);
}
