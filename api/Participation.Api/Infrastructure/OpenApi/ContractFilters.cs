using System.Globalization;
using System.Reflection;
using FluentValidation.Internal;
using FluentValidation.Validators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Participation.Api.Infrastructure.OpenApi;

/// <summary>
/// The answers every operation can give because of the plumbing it goes through, derived from the endpoint's
/// metadata rather than listed by hand: 400 when it reads a body or a query, 401 when it needs a token, 404 when
/// its path names something, 413 and 415 when it takes a body, 429 (with Retry-After) when a rate limit applies,
/// and the headers of its answers (Location on 201 and on a 202 with a body, Idempotent-Replayed on idempotent operations,
/// Content-Disposition on files). Business answers (403, 409, 410...) stay declared by each slice.
/// </summary>
internal sealed class PlumbingResponsesFilter : IOperationFilter
{
    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [400] = "The request is invalid: `errors` lists the messages for each field, query parameter or header (in the caller's language).",
        [401] = "No valid access token: log in (or refresh the token) and retry.",
        [403] = "Signed in, but not allowed to do this here (a participation refusal carries `action` and `reason`).",
        [404] = "Nothing with this id exists, or the caller may not know it exists.",
        [409] = "A rule or the current state refuses the change (a field-level refusal carries `errors`).",
        [410] = "The link or token is unknown, expired, used or revoked.",
        [413] = "The request body is larger than the configured limit.",
        [415] = "The body's content type is not the one this operation reads.",
        [422] = "The Idempotency-Key was already used for a different request.",
        [429] = "Too many requests: wait for the number of seconds in Retry-After (also `retryAfter` in the body).",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var path = context.ApiDescription.RelativePath ?? "";
        operation.Responses ??= [];

        if (operation.RequestBody is not null)
        {
            Problem(operation, context, 400);
            Problem(operation, context, 413);
            Problem(operation, context, 415);
        }
        if (operation.Parameters?.Any(p => p.In is ParameterLocation.Query or ParameterLocation.Header) == true)
            Problem(operation, context, 400);
        if (path.Contains('{'))
            Problem(operation, context, 404);
        if (!metadata.OfType<IAllowAnonymous>().Any())
            Problem(operation, context, 401);
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
            Problem(operation, context, 429);
        var idempotent = metadata.OfType<Idempotency.IdempotentMetadata>().Any();
        if (idempotent)
        {
            Problem(operation, context, 400); // a malformed Idempotency-Key
            Problem(operation, context, 409);
            Problem(operation, context, 422);
        }

        // Files declared with .Produces(status, contentType: "text/csv") carry no schema: they are binary.
        foreach (var produces in metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>())
        {
            var code = produces.StatusCode.ToString(CultureInfo.InvariantCulture);
            foreach (var type in produces.ContentTypes.Where(t => !t.Contains("json", StringComparison.Ordinal)))
                if (operation.Responses.TryGetValue(code, out var declared) && declared is OpenApiResponse r)
                {
                    r.Content ??= new Dictionary<string, OpenApiMediaType>();
                    r.Content.TryAdd(type, new OpenApiMediaType());
                }
        }

        var deprecation = metadata.OfType<Deprecation>().FirstOrDefault();
        if (deprecation is not null)
            operation.Deprecated = true;

        foreach (var (code, response) in operation.Responses)
        {
            if (response is not OpenApiResponse r)
                continue;
            var status = int.Parse(code, CultureInfo.InvariantCulture);
            if (deprecation is not null)
                DeprecationHeaders(r, deprecation);
            // A slice's own description of an answer (ProducesResponseType's Description) wins over the generic one.
            var own = metadata
                .OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>()
                .FirstOrDefault(m => m.StatusCode == status && !string.IsNullOrEmpty(m.Description))
                ?.Description;
            if (own is not null)
                r.Description = own;
            else if (
                Descriptions.TryGetValue(status, out var description)
                && (string.IsNullOrEmpty(r.Description) || r.Description == ReasonPhrase(status))
            )
                r.Description = description;
            if (status == 429)
                Header(
                    r,
                    "Retry-After",
                    "Seconds to wait before retrying.",
                    new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" }
                );
            if (status == 201)
                Header(r, "Location", "The URL of the created resource.", new OpenApiSchema { Type = JsonSchemaType.String });
            // A 202 that describes the accepted work (a body) also says where to follow it.
            if (
                status == 202
                && metadata
                    .OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>()
                    .Any(m => m.StatusCode == 202 && m.Type is { } t && t != typeof(void))
            )
                Header(r, "Location", "The URL to follow the accepted work at.", new OpenApiSchema { Type = JsonSchemaType.String });
            if (idempotent && status is >= 200 and < 300)
                Header(
                    r,
                    "Idempotent-Replayed",
                    "`true` when this answer replays the first response to the same Idempotency-Key.",
                    new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("true")] }
                );
            foreach (var (type, media) in r.Content ?? new Dictionary<string, OpenApiMediaType>())
            {
                if (type.StartsWith("application/json", StringComparison.Ordinal) || type.EndsWith("+json", StringComparison.Ordinal))
                    continue;
                // A file: generated clients return it as a stream (FileResponse) with its name.
                media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
                Header(
                    r,
                    "Content-Disposition",
                    "`attachment` with the suggested file name.",
                    new OpenApiSchema { Type = JsonSchemaType.String }
                );
            }
        }
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    private static void Problem(OpenApiOperation operation, OperationFilterContext context, int status)
    {
        var code = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(code))
            return;
        var type = status == 400 ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
        operation.Responses[code] = new OpenApiResponse
        {
            Description = Descriptions.GetValueOrDefault(status, ReasonPhrase(status)),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository) },
            },
        };
        // Keep the responses in status order, as the declared ones are.
        var sorted = operation.Responses.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (k, v) in sorted)
            operation.Responses[k] = v;
    }

    /// <summary>The headers <see cref="EndpointConventions.Deprecated"/> adds to every answer of a deprecated operation.</summary>
    private static void DeprecationHeaders(OpenApiResponse response, Deprecation deprecation)
    {
        var text = new OpenApiSchema { Type = JsonSchemaType.String };
        Header(response, "Deprecation", $"RFC 9745: deprecated since this instant (`{deprecation.DeprecationHeader}`).", text);
        Header(response, "Sunset", $"RFC 8594: may stop working after this date (`{deprecation.SunsetHeader}`).", text);
        if (deprecation.Link is not null)
            Header(response, "Link", "`rel=\"deprecation\"`: what to use instead.", text);
    }

    private static void Header(OpenApiResponse response, string name, string description, OpenApiSchema schema)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers.TryAdd(name, new OpenApiHeader { Description = description, Schema = schema });
    }
}

/// <summary>
/// Anonymous operations that read the caller when a token is sent (their answer depends on who asks) say so:
/// <c>security: [{}, {Bearer: []}]</c>, the token optional.
/// </summary>
internal sealed class OptionalSecurityFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAllowAnonymous>().Any() || context.MethodInfo is null)
            return;
        if (!context.MethodInfo.GetParameters().Any(p => p.ParameterType == typeof(Auth.Caller)))
            return;
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement());
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] });
    }
}

/// <summary>Money and other <c>decimal</c> values are exact: <c>type: number, format: decimal</c>, not double.</summary>
internal sealed class DecimalSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if ((Nullable.GetUnderlyingType(context.Type) ?? context.Type) == typeof(decimal) && schema is OpenApiSchema s)
            s.Format = "decimal";
    }
}

/// <summary>
/// The limits the server enforces, read from the FluentValidation rules of the request's command or query (the
/// validator of the type itself, or of its slice's <c>Command</c>/<c>Query</c> for the properties they share):
/// NotNull/NotEmpty → required (and minLength 1 for text), Length/MaximumLength → minLength/maxLength,
/// InclusiveBetween and comparisons with a constant → minimum/maximum, Matches → pattern. Conditional rules
/// (When/Unless) are left out: they do not always apply.
/// </summary>
internal sealed class ValidationLimitsSchemaFilter(IServiceProvider services) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } s || context.Type.Assembly != typeof(Program).Assembly)
            return;
        foreach (var (path, rules) in RulesFor(context.Type))
        {
            var property = context.Type.GetProperty(path, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
                continue;
            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            if (!s.Properties!.TryGetValue(name, out var target))
                continue;
            foreach (var (validator, component) in rules)
            {
                if (component.HasCondition || component.HasAsyncCondition)
                    continue;
                Apply(s, name, target as OpenApiSchema, property.PropertyType, validator);
            }
        }
    }

    private static void Apply(OpenApiSchema owner, string name, OpenApiSchema? target, Type type, IPropertyValidator validator)
    {
        switch (validator)
        {
            case INotNullValidator or INotEmptyValidator:
                owner.Required ??= new HashSet<string>();
                owner.Required.Add(name);
                if (validator is INotEmptyValidator && type == typeof(string) && target is not null)
                    target.MinLength ??= 1;
                break;
            case ILengthValidator length when target is not null:
                if (length.Max > 0)
                    target.MaxLength = target.MaxLength is { } m ? Math.Min(m, length.Max) : length.Max;
                if (length.Min > 0)
                    target.MinLength = Math.Max(target.MinLength ?? 0, length.Min);
                break;
            case IBetweenValidator { From: IConvertible from, To: IConvertible to }
                when target is not null && validator.Name == "InclusiveBetweenValidator":
                target.Minimum = Convert.ToDecimal(from, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                target.Maximum = Convert.ToDecimal(to, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                break;
            case IComparisonValidator { ValueToCompare: IConvertible value } comparison when target is not null && value is not string:
                var bound = Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                if (comparison.Comparison == Comparison.GreaterThanOrEqual)
                    target.Minimum = bound;
                if (comparison.Comparison == Comparison.LessThanOrEqual)
                    target.Maximum = bound;
                break;
            case IRegularExpressionValidator regex when target is not null:
                target.Pattern = regex.Expression;
                break;
        }
    }

    /// <summary>The unconditional rules per property name of <paramref name="type"/>, from its own validator and its slice's
    /// message's.</summary>
    private IEnumerable<(string Property, IEnumerable<(IPropertyValidator Validator, IRuleComponent Options)> Rules)> RulesFor(Type type)
    {
        foreach (var (validated, prefix) in Candidates(type))
        {
            // Every validator of the type (a type may have several, e.g. a phase's fields and its settings): the
            // registration order must not decide what the contract says.
            var validators =
                services.GetService(typeof(IEnumerable<>).MakeGenericType(typeof(IValidator<>).MakeGenericType(validated)))
                    as IEnumerable<object>
                ?? [];
            foreach (var rule in validators.OfType<IValidator>().SelectMany(v => v.CreateDescriptor().Rules))
            {
                // A rule inside When(...) or with When/Unless does not always apply: it says nothing the contract can promise.
                if (
                    rule.HasCondition
                    || rule.HasAsyncCondition
                    || rule is IIncludeRule
                    || rule.GetType().Name.StartsWith("CollectionPropertyRule", StringComparison.Ordinal)
                )
                    continue;
                var path = rule.PropertyName;
                if (string.IsNullOrEmpty(path))
                    continue; // a rule over a computed value
                if (prefix.Length > 0)
                {
                    if (!path.StartsWith(prefix + ".", StringComparison.Ordinal))
                        continue;
                    path = path[(prefix.Length + 1)..];
                }
                if (path.Contains('.') || path.Contains('['))
                    continue;
                yield return (path, rule.Components.Select(c => (c.Validator, c)));
            }
        }
    }

    /// <summary>The type itself, and its slice's Command/Query: directly (same property names) or through a property of this
    /// type.</summary>
    private static IEnumerable<(Type Validated, string Prefix)> Candidates(Type type)
    {
        yield return (type, "");
        if (type.DeclaringType is not { } slice)
            yield break;
        foreach (var message in new[] { "Command", "Query" }.Select(slice.GetNestedType).OfType<Type>().Where(t => t != type))
        {
            yield return (message, "");
            foreach (var carrier in message.GetProperties().Where(p => p.PropertyType == type))
                yield return (message, carrier.Name);
        }
    }
}

/// <summary>
/// A property whose type is one of our schemas but may be null is written <c>allOf: [{$ref}]</c> + <c>nullable: true</c>:
/// OpenAPI 3.0 ignores <c>nullable</c> beside a bare <c>$ref</c>, so generated clients would say "never null".
/// Non-nullable references stay bare <c>$ref</c>s; enum and other referenced schemas pass through untouched.
/// </summary>
internal sealed class NullableReferencesSchemaFilter : ISchemaFilter
{
    private readonly NullabilityInfoContext _nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } s)
            return;
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name
                ?? char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            if (!s.Properties!.TryGetValue(name, out var found) || found is not OpenApiSchemaReference reference)
                continue;
            bool nullable;
            lock (_nullability)
                nullable =
                    Nullable.GetUnderlyingType(property.PropertyType) is not null
                    || (!property.PropertyType.IsValueType && _nullability.Create(property).ReadState == NullabilityState.Nullable);
            if (nullable)
                s.Properties[name] = new OpenApiSchema { AllOf = [reference], Type = JsonSchemaType.Null };
        }
    }
}

/// <summary>
/// Request bodies refuse unknown properties (System.Text.Json's UnmappedMemberHandling.Disallow), so the object
/// schemas they use say <c>additionalProperties: false</c>.
/// </summary>
internal sealed class ClosedRequestSchemasDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var requestSchemas = new HashSet<string>();
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        foreach (var (type, media) in operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>())
            if (type.Contains("json", StringComparison.Ordinal) && media.Schema is { } s)
                CollectReferences(s, schemas, requestSchemas);
        foreach (var id in requestSchemas)
            if (schemas.TryGetValue(id, out var schema) && schema is OpenApiSchema { Properties.Count: > 0 } s)
                s.AdditionalPropertiesAllowed = false;
    }

    private static void CollectReferences(IOpenApiSchema schema, IDictionary<string, IOpenApiSchema> schemas, HashSet<string> found)
    {
        if (schema is OpenApiSchemaReference { Reference.Id: { } id })
        {
            if (found.Add(id) && schemas.TryGetValue(id, out var target))
                CollectReferences(target, schemas, found);
            return;
        }
        if (schema is not OpenApiSchema s)
            return;
        foreach (
            var child in (s.Properties?.Values ?? [])
                .Concat(s.AllOf ?? [])
                .Concat(s.OneOf ?? [])
                .Concat(s.AnyOf ?? [])
                .Append(s.Items)
                .Append(s.AdditionalProperties)
                .OfType<IOpenApiSchema>()
        )
            CollectReferences(child, schemas, found);
    }
}

/// <summary>
/// A request property that may be left out but is never sent as null (<see cref="OptionalNotNullAttribute"/>): optional in
/// the contract, without <c>nullable</c>. For a field that was required and becomes optional in a 1.x contract (making it
/// nullable would change what clients may send).
/// </summary>
internal sealed class OptionalNotNullSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } s)
            return;
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<OptionalNotNullAttribute>() is null)
                continue;
            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            s.Required?.Remove(name);
            if (s.Properties!.TryGetValue(name, out var found) && found is OpenApiSchema { Type: { } type } target)
                target.Type = type & ~JsonSchemaType.Null;
        }
    }
}
