using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;

namespace Participation.Api.Infrastructure.Auth;

/// <summary>
/// What an API client (an integration, not a person) may do: each endpoint open to clients names the scopes it accepts
/// (<see cref="ClientScopeConventions.AcceptClients"/>), and a client's token carries the scopes granted to it. Read
/// scopes show only what is public; the one write scope is the official answer on ideas.
/// </summary>
[JsonConverter(typeof(Enums.WireEnumConverter))]
[ExtensibleEnum]
public enum ClientScope
{
    /// <summary>Published projects and their phases.</summary>
    [JsonStringEnumMemberName("projects:read")]
    ProjectsRead,

    /// <summary>Published ideas, their comments and reactions.</summary>
    [JsonStringEnumMemberName("ideas:read")]
    IdeasRead,

    /// <summary>Results of votes, budgets and surveys where the phase publishes them.</summary>
    [JsonStringEnumMemberName("results:read")]
    ResultsRead,

    /// <summary>Participation statistics (figures per platform, department, project and phase).</summary>
    [JsonStringEnumMemberName("statistics:read")]
    StatisticsRead,

    /// <summary>The client's own webhook subscriptions and their deliveries.</summary>
    [JsonStringEnumMemberName("webhooks:manage")]
    WebhooksManage,

    /// <summary>Writes the official answer on ideas (status and feedback), as the city's case-management system would.</summary>
    [JsonStringEnumMemberName("ideas:feedback")]
    IdeasFeedback,
}

/// <summary>The scopes an endpoint accepts from API clients; without it, a client's call is refused (403).</summary>
public sealed record ClientScopesMetadata(IReadOnlyList<ClientScope> Scopes);

public static class ClientScopeConventions
{
    /// <summary>Opens the endpoint to API clients holding any of <paramref name="scopes"/> (people are unaffected).</summary>
    public static TBuilder AcceptClients<TBuilder>(this TBuilder builder, params ClientScope[] scopes)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ClientScopesMetadata(scopes));

    /// <summary>
    /// The scope gate: a request made with a client's token reaches only endpoints that accept one of its scopes; any other
    /// answers 403 (insufficient_scope) before the endpoint runs. Requests by people and visitors pass untouched.
    /// </summary>
    public static WebApplication UseClientScopes(this WebApplication app)
    {
        app.Use(
            (http, next) =>
            {
                // A client's token that did not validate (expired, revoked client, rotated-out secret) is a 401 everywhere,
                // public reads included: an integration must learn that its credentials stopped working (RFC 6750 §3.1).
                if (http.User.ClientIdOrNull() is null && AuthSetup.IsClientToken(http))
                    return http.ChallengeAsync(AuthSetup.ClientTokenScheme);
                if (http.User.ClientIdOrNull() is null)
                    return next(http);
                var accepted = http.GetEndpoint()?.Metadata.GetMetadata<ClientScopesMetadata>()?.Scopes ?? [];
                var held = http.User.ClientScopes();
                if (accepted.Any(held.Contains))
                    return next(http);
                throw new Errors.InsufficientScopeException(accepted.Select(s => s.ToWire()).ToArray());
            }
        );
        return app;
    }
}
