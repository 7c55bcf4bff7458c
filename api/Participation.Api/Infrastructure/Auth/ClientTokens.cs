using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Participation.Api.Infrastructure.Auth;

/// <summary>
/// The OAuth 2.0 client credentials grant (RFC 6749 §4.4) for API clients, on OpenIddict's server in degraded mode: the
/// library parses and checks the token request and answers errors as RFC 6749 says (unsupported_grant_type,
/// invalid_client, invalid_scope…), mints RFC 9068 access tokens (JWT, typ "at+jwt") and validates them on each call;
/// the API keeps its clients in its own table (Dapper, no Entity Framework store), checked by the token endpoint's use
/// case (Features/ApiClients) passed through to it.
/// </summary>
public static class ClientTokens
{
    public const string TokenPath = "/api/v1/oauth/token";

    /// <summary>The audience of clients' tokens: this API.</summary>
    public const string Audience = "participation-api";

    /// <summary>The client secret a token was obtained with: rotating it out or revoking the client ends the token.</summary>
    public const string SecretIdClaim = "secret_id";

    /// <summary>The client's rate limit, set on the validated principal by the per-request check (never in the token).</summary>
    public const string RateLimitClaim = "rate_limit";

    public static OpenIddictBuilder AddClientTokens(this IServiceCollection services, IConfiguration configuration, IHostEnvironment env)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var requireHttps = auth.ClientTokensRequireHttps ?? !(env.IsDevelopment() || env.IsEnvironment("Testing"));
        var email = configuration.GetSection(Email.EmailOptions.Section).Get<Email.EmailOptions>() ?? new Email.EmailOptions();
        var builder = services.AddOpenIddict();
        builder.AddServer(o =>
        {
            o.SetTokenEndpointUris(TokenPath.TrimStart('/'));
            o.AllowClientCredentialsFlow();
            // No Entity Framework store: the clients live in api_clients, checked by the token endpoint itself.
            o.EnableDegradedMode();
            o.DisableTokenStorage();
            o.DisableAuthorizationStorage();
            o.RegisterScopes(WireEnum<ClientScope>.All);
            // The issuer (iss) is the API's public address, the same on every instance; left unset, OpenIddict takes the
            // Host of each request, and a token obtained through one address was refused when presented at another (two
            // instances reached directly, a proxy forwarding another Host, a second public name).
            o.SetIssuer(new Uri(Email.AppAddress.Of(email).ApiRoot + "/")); // the install's, the same for every city
            o.SetAccessTokenLifetime(TimeSpan.FromMinutes(auth.ClientTokenMinutes));
            // Keys derived from the API's signing key (HKDF, one purpose each): every instance signs and checks alike.
            o.AddSigningKey(new SymmetricSecurityKey(Derive(auth.SigningKey, "participation client tokens: signing")));
            o.AddEncryptionKey(new SymmetricSecurityKey(Derive(auth.SigningKey, "participation client tokens: encryption")));
            // OpenIddict insists on an asymmetric key for identity tokens, which this server never issues (no OpenID
            // Connect flow); access tokens are signed with the symmetric key above, which it prefers for them.
            o.AddEphemeralSigningKey();
            // Readable JWTs (RFC 9068): integrators may inspect the scopes and expiry; nothing secret is inside.
            o.DisableAccessTokenEncryption();
            var aspNetCore = o.UseAspNetCore().EnableTokenEndpointPassthrough();
            if (!requireHttps)
                aspNetCore.DisableTransportSecurityRequirement();
        });
        builder.AddValidation(o =>
        {
            o.UseLocalServer();
            o.AddAudiences(Audience);
            o.UseAspNetCore();
        });
        return builder;
    }

    private static byte[] Derive(string key, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(key), 32, info: Encoding.UTF8.GetBytes(purpose));

    /// <summary>What the token request's check kept for the endpoint OpenIddict passed the request through to.</summary>
    public static T? Passed<T>(HttpContext http, string key)
        where T : class =>
        http.Features.Get<OpenIddictServerAspNetCoreFeature>()?.Transaction?.Properties.TryGetValue(key, out var value) == true
            ? value as T
            : null;

    /// <summary>Issues the access token: its subject and client_id are the client, its scopes those granted.</summary>
    public static IResult Issue(Guid clientId, Guid secretId, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId.ToString());
        identity.SetClaim(Claims.ClientId, clientId.ToString());
        identity.SetClaim(SecretIdClaim, secretId.ToString());
        identity.SetScopes(scopes);
        identity.SetResources(Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The secret id a validated client token carries.</summary>
    public static Guid? SecretIdOrNull(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(SecretIdClaim)?.Value, out var id) ? id : null;
}
