using Microsoft.AspNetCore.Mvc;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.ApiClients;

/// <summary>API clients (integrations with their own credentials) and the OAuth 2.0 token endpoint they use.</summary>
public static class ApiClientsEndpoints
{
    private const string TokenRefused =
        "An OAuth 2.0 error (RFC 6749 §5.2) as JSON: `error` is `invalid_request` (a parameter missing, repeated or malformed), "
        + "`unsupported_grant_type` (only `client_credentials`) or `invalid_scope` (a scope unknown or not granted to the client); "
        + "`error_description` says more.";

    private const string ClientRefused =
        "`invalid_client` (RFC 6749 §5.2): the client is unknown, revoked, or its secret is wrong or rotated out; "
        + "the answer is the same in every case.";

    public static RouteGroupBuilder MapApiClientsEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        api.MapPost("/oauth/token", IssueClientToken.Endpoint).WithName(nameof(IssueClientToken)).WithTags("ApiClients")
            .AllowAnonymous().RequireRateLimiting(RateLimits.Login) // anyone with client credentials
            .Accepts<IssueClientToken.TokenRequest>("application/x-www-form-urlencoded").Produces<IssueClientToken.TokenResponse>()
            .WithMetadata(new ProducesResponseTypeAttribute<IssueClientToken.TokenError>(400) { Description = TokenRefused })
            .WithMetadata(new ProducesResponseTypeAttribute<IssueClientToken.TokenError>(401) { Description = ClientRefused })
            .ProducesProblems(429);
        var g = api.MapGroup("/api-clients").WithTags("ApiClients");
        g.MapGet("/", ListApiClients.Endpoint).WithName(nameof(ListApiClients))
            .RequireAuthorization().ProducesProblems(401, 403); // admin, IT manager
        g.MapGet("/{id:guid}", GetApiClient.Endpoint).WithName(nameof(GetApiClient))
            .RequireAuthorization().ProducesProblems(401, 403, 404); // admin, IT manager
        g.MapPost("/", CreateApiClient.Endpoint).WithName(nameof(CreateApiClient))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(400, 401, 403, 409); // admin, IT manager
        g.MapPut("/{id:guid}", UpdateApiClient.Endpoint).WithName(nameof(UpdateApiClient))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(400, 401, 403, 404, 409); // admin, IT manager
        g.MapPost("/{id:guid}/rotate-secret", RotateApiClientSecret.Endpoint).WithName(nameof(RotateApiClientSecret))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(400, 401, 403, 404, 409); // admin, IT manager
        g.MapPost("/{id:guid}/revoke", RevokeApiClient.Endpoint).WithName(nameof(RevokeApiClient))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Writes).ProducesProblems(401, 403, 404); // admin, IT manager
        // csharpier-ignore-end
        return api;
    }
}
