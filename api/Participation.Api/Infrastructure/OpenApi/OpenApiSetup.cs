using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Participation.Api.Infrastructure.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    /// <summary>
    /// The contract's semantic version (<c>info.version</c> of openapi.json), which the SDK packages take (`make sdk`).
    /// Compared with the last released contract (contracts/released/openapi.json) by `make contracts-compat`: a breaking
    /// change needs a new major, anything else a new minor or patch before `make contracts-release`. The URL keeps
    /// /api/v1 (<see cref="DocumentName"/>).
    /// </summary>
    public const string ContractVersion = "1.0.0";
    private const string Bearer = "Bearer";
    private const string ClientCredentials = "OAuth2";

    private static string ScopeDescription(string scope) =>
        scope switch
        {
            "projects:read" => "Published projects and their phases.",
            "ideas:read" => "Published ideas, their comments and reactions.",
            "results:read" => "Published results of votes, budgets and surveys.",
            "statistics:read" => "Participation statistics.",
            "webhooks:manage" => "The client's own webhook subscriptions and deliveries.",
            "ideas:feedback" => "The official answer on ideas (status and feedback).",
            _ => scope,
        };

    /// <summary>
    /// Operations open to API clients: the OAuth 2.0 requirement with the scopes they accept (beside the people's bearer
    /// token), and the 401 (token refused) and 403 (insufficient_scope) a client may get even where a visitor would not.
    /// </summary>
    private sealed class ClientScopesFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var accepted = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Auth.ClientScopesMetadata>().FirstOrDefault();
            operation.Responses ??= [];
            var problem = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository);
            // Any operation refuses an API client whose token lacks its scopes, or that it is not open to at all.
            var answers = accepted is null
                ? [("403", "Forbidden")]
                : new[] { ("401", "Unauthorized"), ("403", "Forbidden"), ("429", "Too Many Requests") };
            foreach (var (code, description) in answers)
                operation.Responses.TryAdd(
                    code,
                    new OpenApiResponse
                    {
                        Description = description,
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
                    }
                );
            if (accepted is null)
                return;
            operation.Security ??= [];
            if (operation.Security.Count == 0)
                operation.Security.Add(new OpenApiSecurityRequirement());
            operation.Security.Add(
                new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(ClientCredentials, context.Document)] = accepted
                        .Scopes.Select(s => s.ToWire())
                        .ToList(),
                }
            );
        }
    }

    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(
                DocumentName,
                new OpenApiInfo
                {
                    Title = "Participation API",
                    Version = ContractVersion,
                    Description =
                        "Citizen participation platform for municipalities. All routes live under /api/v1; "
                        + "errors are RFC 9457 problem+json. Authenticate with a bearer access token from POST /api/v1/auth/login. "
                        + "Keyset pages (`cursor`, `nextCursor`), rate limits (429 with `Retry-After`), versioning and "
                        + "deprecation (`Deprecation` and `Sunset` headers): see the integrators' guide, docs/integrators.md "
                        + "in the repository. SDKs: the npm package `@participation/client` and the NuGet package "
                        + "`Participation.Client`, versioned like this document.",
                }
            );
            o.SupportNonNullableReferenceTypes();
            o.NonNullableReferenceTypesAsRequired();
            o.CustomSchemaIds(SchemaId);
            o.AddSecurityDefinition(
                Bearer,
                new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "Access token from POST /api/v1/auth/login or /api/v1/auth/refresh.",
                }
            );
            o.AddSecurityDefinition(
                ClientCredentials,
                new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description =
                        "API clients (integrations): OAuth 2.0 client credentials at POST "
                        + Auth.ClientTokens.TokenPath
                        + ". Each operation open to clients lists the scopes it accepts; any other answers a client 403.",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow
                        {
                            TokenUrl = new Uri(Auth.ClientTokens.TokenPath, UriKind.Relative),
                            Scopes = Enums.WireEnum<Auth.ClientScope>.All.ToDictionary(s => s, ScopeDescription),
                        },
                    },
                }
            );
            o.OperationFilter<AuthorizationOperationFilter>();
            o.OperationFilter<ClientScopesFilter>();
            o.OperationFilter<OptionalFormFieldsFilter>();
            o.OperationFilter<IdempotencyHeaderFilter>();
            o.OperationFilter<PlumbingResponsesFilter>();
            o.OperationFilter<OptionalSecurityFilter>();
            o.SchemaFilter<DecimalSchemaFilter>();
            o.SchemaFilter<NullableReferencesSchemaFilter>();
            o.SchemaFilter<ValidationLimitsSchemaFilter>();
            o.SchemaFilter<OptionalNotNullSchemaFilter>();
            o.DocumentFilter<ClosedRequestSchemasDocumentFilter>();
            o.OperationFilter<DescriptionsFilter>();
            o.ParameterFilter<QueryNameFilter>();
            o.ParameterFilter<QueryEnumFilter>();
            o.SchemaFilter<EnumNamesFilter>();
            o.OperationFilter<FormEnumFilter>();
        });
        return services;
    }

    /// <summary>Swagger UI at /swagger (middleware, so it runs before the closed-by-default authorization).</summary>
    public static WebApplication UseSwaggerUserInterface(this WebApplication app)
    {
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", $"Participation API {ContractVersion}");
            o.DocumentTitle = "Participation API reference";
        });
        return app;
    }

    /// <summary>The OpenAPI 3.0 document at /swagger/v1/swagger.json, anonymous.</summary>
    public static WebApplication MapOpenApiDocument(this WebApplication app)
    {
        app.MapSwagger("/swagger/{documentName}/swagger.json", o => o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0).AllowAnonymous();
        return app;
    }

    /// <summary><c>Register+Request</c> → <c>RegisterRequest</c>, so NSwag generates readable type names.</summary>
    public static string SchemaId(Type type)
    {
        var name = type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`')] + string.Concat(type.GetGenericArguments().Select(SchemaId))
            : type.Name;
        return type.DeclaringType is { } outer ? SchemaId(outer) + name : name;
    }

    /// <summary>
    /// Optional multipart form fields are marked nullable, so generated clients accept leaving them out
    /// (NSwag otherwise refuses a null form parameter).
    /// </summary>
    private sealed class OptionalFormFieldsFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (
                operation.RequestBody?.Content?.TryGetValue("multipart/form-data", out var form) != true
                || form!.Schema is not OpenApiSchema schema
            )
                return;
            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
                if (schema.Required?.Contains(name) != true && property is OpenApiSchema p && p.Type is { } type)
                    p.Type = type | JsonSchemaType.Null;
        }
    }

    /// <summary>
    /// Query strings bound with <c>[AsParameters]</c> are records with PascalCase properties; on the wire, as in JSON
    /// bodies, their names are camelCase (binding ignores case). Headers keep their names.
    /// </summary>
    private sealed class QueryNameFilter : IParameterFilter
    {
        public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
        {
            if (parameter is OpenApiParameter { In: ParameterLocation.Query, Name: { } name } p)
                p.Name = Errors.ProblemExceptionHandler.Camel(name);
        }
    }

    /// <summary>A query-string parameter marked <see cref="Enums.QueryEnumAttribute{T}"/> refers to its enum's schema (a list of it when
    /// repeatable).</summary>
    private sealed class QueryEnumFilter : IParameterFilter
    {
        public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
        {
            // An [AsParameters] query string's property comes as the property (or as a parameter wrapping it).
            var (attributes, type) = context.PropertyInfo is { } property
                ? (property.GetCustomAttributes(false), property.PropertyType)
                : (context.ParameterInfo?.GetCustomAttributes(false) ?? [], context.ParameterInfo?.ParameterType);
            var marker = attributes.OfType<Enums.IQueryEnum>().FirstOrDefault();
            if (marker is null || parameter is not OpenApiParameter p)
                return;
            var schema = context.SchemaGenerator.GenerateSchema(marker.EnumType, context.SchemaRepository);
            // A repeatable parameter (string[]) is a list of the enum.
            p.Schema = type is { IsArray: true } ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema } : schema;
        }
    }

    /// <summary>
    /// An enum's schema lists its wire names (<c>under_consideration</c>) and, as <c>x-enumNames</c>, its members' names
    /// (<c>UnderConsideration</c>), which NSwag gives the generated TypeScript and .NET enums.
    /// </summary>
    private sealed class EnumNamesFilter : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (!context.Type.IsEnum || schema is not OpenApiSchema s)
                return;
            s.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            if (context.Type.IsDefined(typeof(Enums.ExtensibleEnumAttribute), false))
            {
                // The compatibility gate (contracts/compat) takes a value added to such an enum in an answer as compatible.
                s.Extensions["x-extensible-enum"] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create(true));
                s.Description =
                    (string.IsNullOrEmpty(s.Description) ? "" : s.Description + " ")
                    + "Extensible: new values are added in minor versions; treat a value you do not know as unknown, not as an error.";
            }
            s.Extensions["x-enumNames"] = new JsonNodeExtension(
                new System.Text.Json.Nodes.JsonArray(
                    Enum.GetNames(context.Type)
                        .Select(n => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(n)!)
                        .ToArray()
                )
            );
        }
    }

    /// <summary>The same for multipart form fields bound as text (<c>[FromForm, QueryEnum&lt;Role&gt;] string role</c>).</summary>
    private sealed class FormEnumFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (
                operation.RequestBody?.Content?.TryGetValue("multipart/form-data", out var form) != true
                || form!.Schema is not OpenApiSchema schema
                || schema.Properties is not { } properties
            )
                return;
            foreach (var parameter in context.MethodInfo.GetParameters())
                if (
                    parameter.GetCustomAttributes(false).OfType<Enums.IQueryEnum>().FirstOrDefault() is { } marker
                    && parameter.Name is { } name
                    && properties.ContainsKey(name)
                )
                    properties[name] = context.SchemaGenerator.GenerateSchema(marker.EnumType, context.SchemaRepository);
        }
    }

    /// <summary>Documents the optional Idempotency-Key header on the endpoints that honour it.</summary>
    private sealed class IdempotencyHeaderFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Idempotency.IdempotentMetadata>().Any())
                return;
            operation.Parameters ??= [];
            operation.Parameters.Add(
                new OpenApiParameter
                {
                    Name = Idempotency.IdempotencyMiddleware.Header,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description =
                        "Any unique value (e.g. a UUID): retrying with the same key and request "
                        + "replays the first response without a second effect.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                }
            );
        }
    }

    /// <summary>Marks operations that need a bearer token, from the endpoint's own authorization metadata.</summary>
    private sealed class AuthorizationOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any())
                return;
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] });
        }
    }
}
