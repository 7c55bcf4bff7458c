using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Participation.Api.Tests.Infrastructure;

/// <summary>
/// Checks every response the test suite receives from /api/v1 against the committed openapi.json: the status is
/// listed for the operation, the content type is one documented for that status (no body when none is), and a
/// JSON body matches the documented schema (OpenAPI 3.0 semantics: <c>nullable</c>, <c>required</c>,
/// <c>additionalProperties</c>, <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c>, <c>enum</c>, types and formats).
/// Registered by <see cref="ApiFactory"/> as the outermost middleware, so it sees what a client sees;
/// <see cref="ApiTest"/> fails the test that received a non-conforming response.
/// A request no operation serves (an unknown path: 404; a verb the path does not have: 405) must still answer
/// a documented problem: its body is checked against <c>ProblemDetails</c>.
/// Nothing is exempt: <see cref="Exemptions"/> would list any operation left out, with its reason.
/// </summary>
public sealed class ContractCheck
{
    /// <summary>(method, path template, status) left unchecked, with the reason. Empty: every response is checked.</summary>
    public static readonly IReadOnlyDictionary<(string Method, string Path, int Status), string> Exemptions =
        new Dictionary<(string, string, int), string>();

    private static readonly Lazy<JsonNode> Document = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "openapi.json")))!
    );

    private readonly ConcurrentQueue<string> _violations = new();

    /// <summary>The violations seen since the last call, and forgets them.</summary>
    public IReadOnlyList<string> Take()
    {
        var taken = new List<string>();
        while (_violations.TryDequeue(out var v))
            taken.Add(v);
        return taken;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Participation.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Participation.sln not found above " + AppContext.BaseDirectory);
    }

    public sealed class StartupFilter(ContractCheck check) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                app.Use(
                    async (http, nextMiddleware) =>
                    {
                        // CORS preflights are answered by the CORS middleware for every path; they are not API operations.
                        var preflight =
                            HttpMethods.IsOptions(http.Request.Method) && http.Request.Headers.ContainsKey("Access-Control-Request-Method");
                        if (!http.Request.Path.StartsWithSegments("/api/v1") || preflight)
                        {
                            await nextMiddleware(http);
                            return;
                        }
                        var original = http.Response.Body;
                        await using var buffer = new MemoryStream();
                        http.Response.Body = buffer;
                        try
                        {
                            await nextMiddleware(http);
                        }
                        finally
                        {
                            http.Response.Body = original;
                        }
                        var body = buffer.ToArray();
                        try
                        {
                            check.Inspect(http, body);
                        }
                        catch (Exception ex)
                        {
                            check._violations.Enqueue($"{http.Request.Method} {http.Request.Path}: the check itself failed: {ex}");
                        }
                        if (body.Length > 0)
                            await original.WriteAsync(body);
                    }
                );
                next(app);
            };
    }

    private void Inspect(HttpContext http, byte[] body)
    {
        var method = http.Request.Method.ToLowerInvariant();
        var status = http.Response.StatusCode;
        // The exception handler clears the endpoint before writing its problem: match the path as routing did.
        var template = http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } raw }
            ? Template(raw)
            : Match(http.Request.Path.Value ?? "");
        var operation = template is null ? null : Document.Value["paths"]?[template]?[method];
        var where = $"{http.Request.Method} {http.Request.Path}{http.Request.QueryString} → {status}";
        if (http.Items.ContainsKey(Participation.Api.Infrastructure.Database.CityRouting.Refused))
        {
            // No city answers on this host (unknown: 404; suspended: 503), whatever the operation: a problem.
            if (status is not (404 or 503))
                _violations.Enqueue($"{where}: a request no city answered must be a 404 or 503 problem");
            CheckBody(where, "application/problem+json", Ref("ProblemDetails"), http.Response.ContentType, body);
            return;
        }
        if (operation is null)
        {
            // No operation serves this request: an unknown path or verb must answer a problem.
            if (status is not (404 or 405))
            {
                _violations.Enqueue($"{where}: no operation in openapi.json for {method} {template ?? "(no endpoint)"}");
                return;
            }
            CheckBody(where, "application/problem+json", Ref("ProblemDetails"), http.Response.ContentType, body);
            return;
        }
        if (Exemptions.ContainsKey((method, template!, status)))
            return;
        where = $"{operation["operationId"]} ({where})";
        var response = operation["responses"]?[status.ToString(CultureInfo.InvariantCulture)] ?? operation["responses"]?["default"];
        if (response is null)
        {
            _violations.Enqueue(
                $"{where}: status {status} is not documented "
                    + $"(documented: {string.Join(", ", operation["responses"]!.AsObject().Select(r => r.Key))}); body: {Preview(body)}"
            );
            return;
        }
        var content = response["content"]?.AsObject();
        if (content is null || content.Count == 0)
        {
            if (body.Length > 0)
                _violations.Enqueue($"{where}: documented without a body, got {http.Response.ContentType}: {Preview(body)}");
            return;
        }
        var mediaType = http.Response.ContentType?.Split(';')[0].Trim();
        var documented = content.FirstOrDefault(c => string.Equals(c.Key, mediaType, StringComparison.OrdinalIgnoreCase));
        if (documented.Value is null)
        {
            _violations.Enqueue(
                $"{where}: content type {mediaType ?? "(none)"} is not documented "
                    + $"(documented: {string.Join(", ", content.Select(c => c.Key))}); body: {Preview(body)}"
            );
            return;
        }
        CheckBody(where, documented.Key, documented.Value["schema"], mediaType, body);
    }

    private void CheckBody(string where, string expectedType, JsonNode? schema, string? contentType, byte[] body)
    {
        var mediaType = contentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, expectedType, StringComparison.OrdinalIgnoreCase))
        {
            _violations.Enqueue($"{where}: content type {mediaType ?? "(none)"}, documented {expectedType}; body: {Preview(body)}");
            return;
        }
        if (schema is null || !(expectedType.EndsWith("json", StringComparison.Ordinal)))
            return;
        if (body.Length == 0)
        {
            _violations.Enqueue($"{where}: documented a {expectedType} body, got none");
            return;
        }
        JsonNode? value;
        try
        {
            value = JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            _violations.Enqueue($"{where}: the body is not JSON ({ex.Message}): {Preview(body)}");
            return;
        }
        var errors = new List<string>();
        Validate(value, schema, "$", errors, 0);
        if (errors.Count > 0)
            _violations.Enqueue(
                $"{where}: the body does not match its schema: {string.Join("; ", errors.Take(5))}"
                    + $"{(errors.Count > 5 ? $" (+{errors.Count - 5} more)" : "")}; body: {Preview(body)}"
            );
    }

    private static JsonNode Ref(string name) => new JsonObject { ["$ref"] = $"#/components/schemas/{name}" };

    private static string Preview(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body);
        return text.Length > 400 ? text[..400] + "…" : text;
    }

    private static readonly Lazy<List<(string Template, Regex Pattern, int Literals)>> Paths = new(() =>
        Document.Value["paths"]!
            .AsObject()
            .Select(p =>
                (
                    p.Key,
                    new Regex("^" + Regex.Replace(Regex.Escape(p.Key), @"\\\{[^}]+}", "[^/]+") + "/?$"),
                    p.Key.Split('/').Count(segment => !segment.StartsWith('{'))
                )
            )
            .ToList()
    );

    /// <summary>The documented path a request path falls under; literal segments win over parameters, as in routing.</summary>
    private static string? Match(string path) =>
        Paths.Value.Where(p => p.Pattern.IsMatch(path)).OrderByDescending(p => p.Literals).Select(p => p.Template).FirstOrDefault();

    /// <summary><c>/api/v1/projects/{id:guid}/</c> → <c>/api/v1/projects/{id}</c>, as the document spells paths.</summary>
    private static string Template(string raw)
    {
        var path = Regex.Replace(raw, @"\{\*?([A-Za-z0-9_]+)[^}]*\}", "{$1}");
        if (!path.StartsWith('/'))
            path = "/" + path;
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    /// <summary>An OpenAPI 3.0 schema check, enough for what Swashbuckle writes.</summary>
    private static void Validate(JsonNode? value, JsonNode? schema, string path, List<string> errors, int depth)
    {
        if (schema is not JsonObject s || depth > 64)
            return;
        if (s["$ref"] is JsonValue reference)
        {
            var name = reference.GetValue<string>().Split('/')[^1];
            Validate(value, Document.Value["components"]!["schemas"]![name], path, errors, depth + 1);
            return;
        }
        if (value is null)
        {
            var constrained =
                s.ContainsKey("type")
                || s.ContainsKey("allOf")
                || s.ContainsKey("oneOf")
                || s.ContainsKey("anyOf")
                || s.ContainsKey("properties")
                || s.ContainsKey("enum");
            if (constrained && s["nullable"]?.GetValue<bool>() != true)
                errors.Add($"{path}: null, but the schema is not nullable");
            return;
        }
        foreach (var part in s["allOf"]?.AsArray() ?? [])
            Validate(value, part, path, errors, depth + 1);
        foreach (var key in new[] { "oneOf", "anyOf" })
        {
            if (s[key] is not JsonArray options)
                continue;
            var matches = options.Count(o =>
            {
                var e = new List<string>();
                Validate(value, o, path, e, depth + 1);
                return e.Count == 0;
            });
            if (matches == 0 || (key == "oneOf" && matches > 1))
                errors.Add($"{path}: matches {matches} of the {key} schemas");
        }
        if (s["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value)))
            errors.Add($"{path}: {value.ToJsonString()} is not one of {values.ToJsonString()}");
        var type = s["type"]?.GetValue<string>();
        var kind = value.GetValueKind();
        switch (type)
        {
            case "string" when kind != JsonValueKind.String:
            case "boolean" when kind is not (JsonValueKind.True or JsonValueKind.False):
            case "number" when kind != JsonValueKind.Number:
            case "array" when kind != JsonValueKind.Array:
            case "object" when kind != JsonValueKind.Object:
                errors.Add($"{path}: expected {type}, got {kind}: {Short(value)}");
                return;
            case "integer"
                when kind != JsonValueKind.Number
                    || !decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                    || n != decimal.Truncate(n):
                errors.Add($"{path}: expected integer, got {Short(value)}");
                return;
        }
        if (kind == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            var format = s["format"]?.GetValue<string>();
            if (format == "uuid" && !Guid.TryParse(text, out _))
                errors.Add($"{path}: not a uuid: {text}");
            if (format == "date-time" && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                errors.Add($"{path}: not a date-time: {text}");
            if (s["maxLength"] is JsonValue max && text.Length > max.GetValue<int>())
                errors.Add($"{path}: longer than {max}");
            if (s["minLength"] is JsonValue min && text.Length < min.GetValue<int>())
                errors.Add($"{path}: shorter than {min}");
        }
        if (kind == JsonValueKind.Number)
        {
            var number = decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            if (s["minimum"] is JsonValue min && number < min.GetValue<decimal>())
                errors.Add($"{path}: below {min}");
            if (s["maximum"] is JsonValue max && number > max.GetValue<decimal>())
                errors.Add($"{path}: above {max}");
        }
        if (value is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
                Validate(array[i], s["items"], $"{path}[{i}]", errors, depth + 1);
        }
        if (value is JsonObject obj)
        {
            var properties = s["properties"]?.AsObject();
            foreach (var required in s["required"]?.AsArray() ?? [])
                if (!obj.ContainsKey(required!.GetValue<string>()))
                    errors.Add($"{path}: missing required property '{required}'");
            foreach (var (name, child) in obj)
            {
                if (properties?[name] is { } propertySchema)
                    Validate(child, propertySchema, $"{path}.{name}", errors, depth + 1);
                else if (s["additionalProperties"] is JsonValue allowed && !allowed.GetValue<bool>())
                    errors.Add($"{path}: unexpected property '{name}'");
                else if (s["additionalProperties"] is JsonObject extra)
                    Validate(child, extra, $"{path}.{name}", errors, depth + 1);
                else if (
                    properties is not null
                    && !s.ContainsKey("additionalProperties")
                    && s["type"]?.GetValue<string>() == "object"
                    && !s.ContainsKey("allOf")
                )
                    errors.Add($"{path}: property '{name}' is not in the schema");
            }
        }
    }

    private static string Short(JsonNode value)
    {
        var text = value.ToJsonString();
        return text.Length > 80 ? text[..80] + "…" : text;
    }
}
