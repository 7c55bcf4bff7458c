using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.ApiClients;

/// <summary>API clients (integrations with their own credentials) and the OAuth 2.0 token endpoint they use.</summary>
public static class ApiClientsEndpoints
{
    public static RouteGroupBuilder MapApiClientsEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        api.MapPost("/oauth/token", IssueClientToken.Endpoint).WithName(nameof(IssueClientToken)).WithTags("ApiClients")
            .AllowAnonymous().RequireRateLimiting(RateLimits.Login) // anyone with client credentials
            .Accepts<IssueClientToken.TokenRequest>("application/x-www-form-urlencoded").Produces<IssueClientToken.TokenResponse>()
            .Produces<IssueClientToken.TokenError>(400).Produces<IssueClientToken.TokenError>(401).ProducesProblems(429);
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
