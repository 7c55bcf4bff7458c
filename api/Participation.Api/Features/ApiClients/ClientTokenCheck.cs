using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace Participation.Api.Features.ApiClients;

/// <summary>
/// Checked on every request made with a client's token, after OpenIddict validated its signature and lifetime: the
/// client is not revoked and the secret the token came from has not been rotated out, so revoking or rotating takes
/// effect at once rather than when the token expires. One indexed lookup; it also notes when the client was last used
/// (at most once a minute) and hands its rate limit on to the limiter.
/// </summary>
public sealed class ClientTokenCheck(CityDb db) : IOpenIddictValidationHandler<ProcessAuthenticationContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor
            .CreateBuilder<ProcessAuthenticationContext>()
            .UseScopedHandler<ClientTokenCheck>()
            .SetOrder(OpenIddictValidationHandlers.ValidateAccessToken.Descriptor.Order + 1_000)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    private const string Sql = """
        WITH client AS (
            SELECT c.id, c.rate_limit_per_minute, c.last_used_at
              FROM api_clients c
              JOIN api_client_secrets s ON s.client_id = c.id
             WHERE c.id = @ClientId AND s.id = @SecretId AND c.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now())),
        used AS (
            UPDATE api_clients u SET last_used_at = now()
              FROM client
             WHERE u.id = client.id AND (client.last_used_at IS NULL OR client.last_used_at < now() - interval '1 minute'))
        SELECT rate_limit_per_minute FROM client;
        """;

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        var principal = context.AccessTokenPrincipal;
        if (principal is null)
            return;
        int? limit = null;
        if (principal.ClientIdOrNull() is { } clientId && principal.SecretIdOrNull() is { } secretId)
        {
            await using var connection = await db.OpenConnectionAsync(context.CancellationToken);
            limit = await connection.QuerySingleOrDefaultAsync<int?>(
                new CommandDefinition(Sql, new { ClientId = clientId, SecretId = secretId }, cancellationToken: context.CancellationToken)
            );
        }
        if (limit is null)
        {
            context.Reject(Errors.InvalidToken, "The client was revoked or its secret rotated out.");
            return;
        }
        principal.SetClaim(ClientTokens.RateLimitClaim, limit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
