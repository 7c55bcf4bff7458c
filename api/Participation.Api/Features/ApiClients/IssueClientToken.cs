using System.Text.Json.Serialization;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Participation.Api.Features.ApiClients;

/// <summary>
/// The OAuth 2.0 token endpoint for API clients (client credentials, RFC 6749 §4.4). OpenIddict has read the form and
/// refused what is not a client credentials request; this use case finds the client by its secret's digest, so an
/// unknown client, a wrong secret, a rotated-out secret and a revoked client all get the same invalid_client answer (no
/// enumeration). The token carries the scopes asked for (all the client's when none is asked), never more.
/// </summary>
public static class IssueClientToken
{
    public sealed record Command(string ClientId, string ClientSecret, IReadOnlyList<string> Scopes) : ICommand<Outcome>;

    /// <summary>The client and secret to issue for, with the granted scopes; or the RFC 6749 error.</summary>
    public sealed record Outcome(Guid ClientId, Guid SecretId, IReadOnlyList<string> Scopes, string? Error);

    /// <summary>The token request (RFC 6749 §4.4.2), form-encoded; the client may authenticate with HTTP Basic instead.</summary>
    /// <param name="GrantType">Always client_credentials.</param>
    /// <param name="Scope">Space-separated scopes wanted; none: every scope the client has.</param>
    public sealed record TokenRequest(
        [property: JsonPropertyName("grant_type")] string GrantType,
        [property: JsonPropertyName("client_id")] string? ClientId,
        [property: JsonPropertyName("client_secret")] string? ClientSecret,
        [property: JsonPropertyName("scope")] string? Scope
    );

    /// <summary>The access token (RFC 6749 §5.1): a JWT (RFC 9068) to send as "Authorization: Bearer".</summary>
    /// <param name="ExpiresIn">Seconds until it expires; ask for a new one then (there is no refresh token).</param>
    /// <param name="Scope">The scopes granted, space-separated.</param>
    public sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("scope")] string? Scope
    );

    /// <summary>An error answer (RFC 6749 §5.2): invalid_request, invalid_client (401), unsupported_grant_type, invalid_scope.</summary>
    public sealed record TokenError(
        [property: JsonPropertyName("error")] string Error,
        [property: JsonPropertyName("error_description")] string? ErrorDescription,
        [property: JsonPropertyName("error_uri")] string? ErrorUri
    );

    public sealed class Handler(CityDb db) : ICommandHandler<Command, Outcome>
    {
        private const string FindSql = """
            SELECT c.id AS client_id, s.id AS secret_id, c.scopes
              FROM api_client_secrets s
              JOIN api_clients c ON c.id = s.client_id
             WHERE s.hash = @Hash AND c.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now());
            """;

        private const string UsedSql = """
            UPDATE api_clients SET last_used_at = now() WHERE id = @ClientId;
            UPDATE api_client_secrets SET last_used_at = now() WHERE id = @SecretId;
            """;

        private sealed class Found
        {
            public Guid ClientId { get; init; }
            public Guid SecretId { get; init; }
            public string[] Scopes { get; init; } = [];
        }

        public async ValueTask<Outcome> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var found = await connection.QuerySingleOrDefaultAsync<Found>(
                new CommandDefinition(FindSql, new { Hash = SecureTokens.Hash(c.ClientSecret) }, cancellationToken: ct)
            );
            if (found is null || !string.Equals(found.ClientId.ToString(), c.ClientId.Trim(), StringComparison.OrdinalIgnoreCase))
                return new Outcome(Guid.Empty, Guid.Empty, [], Errors.InvalidClient);
            if (c.Scopes.Except(found.Scopes, StringComparer.Ordinal).Any())
                return new Outcome(found.ClientId, found.SecretId, [], Errors.InvalidScope);
            await connection.ExecuteAsync(new CommandDefinition(UsedSql, new { found.ClientId, found.SecretId }, cancellationToken: ct));
            return new Outcome(found.ClientId, found.SecretId, c.Scopes.Count == 0 ? found.Scopes : c.Scopes.Distinct().ToList(), null);
        }
    }

    /// <summary>
    /// OpenIddict's hook for checking a token request (required in degraded mode): runs the use case, answers its RFC
    /// 6749 error, or keeps its outcome for the endpoint, which OpenIddict then passes the request through to.
    /// </summary>
    public sealed class CredentialsCheck(ISender sender) : IOpenIddictServerHandler<ValidateTokenRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor
                .CreateBuilder<ValidateTokenRequestContext>()
                .UseScopedHandler<CredentialsCheck>()
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public async ValueTask HandleAsync(ValidateTokenRequestContext context)
        {
            var request = context.Request;
            var outcome = await sender.Send(
                new Command(request.ClientId ?? "", request.ClientSecret ?? "", request.GetScopes().ToList()),
                context.CancellationToken
            );
            switch (outcome.Error)
            {
                case null:
                    context.Transaction.Properties[nameof(Outcome)] = outcome;
                    break;
                case Errors.InvalidScope:
                    context.Reject(Errors.InvalidScope, "The client may not obtain one of the scopes asked for.");
                    break;
                default:
                    context.Reject(Errors.InvalidClient, "The client credentials are not valid.");
                    break;
            }
        }
    }

    [EndpointSummary(
        "OAuth 2.0 token endpoint (client credentials): an access token for an API client, carrying its scopes. Send "
            + "grant_type=client_credentials, client_id, client_secret (form or HTTP Basic) and optionally scope."
    )]
    public static IResult Endpoint(HttpContext http) =>
        ClientTokens.Passed<Outcome>(http, nameof(Outcome)) is { } outcome
            ? ClientTokens.Issue(outcome.ClientId, outcome.SecretId, outcome.Scopes)
            : throw new InvalidOperationException("The token request reached the endpoint unchecked.");
}
