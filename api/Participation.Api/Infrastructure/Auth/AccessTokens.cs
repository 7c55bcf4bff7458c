using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Participation.Api.Infrastructure.Auth;

/// <summary>Mints short-lived access JWTs carrying the user id ("sub"), role-version stamp ("rv") and city ("city").</summary>
public sealed class AccessTokens(IOptions<AuthOptions> options, TimeProvider clock)
{
    public const string RoleVersionClaim = "rv";

    /// <summary>The city the token was issued in (issue 19): accepted on that city's addresses only.</summary>
    public const string CityClaim = "city";
    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, DateTimeOffset ExpiresAt) Issue(Guid userId, int roleVersion) => Issue(userId, roleVersion, null);

    /// <summary>A token for a support session: also names the city's grant it acts under (<see cref="SupportSession"/>).</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(Guid userId, int roleVersion, Guid? supportGrant)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var expires = now.AddMinutes(o.AccessTokenMinutes);
        var token = _handler.CreateToken(
            new SecurityTokenDescriptor
            {
                Issuer = o.Issuer,
                Audience = o.Audience,
                IssuedAt = now.UtcDateTime,
                NotBefore = now.UtcDateTime,
                Expires = expires.UtcDateTime,
                Subject = new ClaimsIdentity([
                    new Claim(JwtRegisteredClaimNames.Sub, userId.ToString()),
                    new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
                    new Claim(CityClaim, Database.CityScope.CurrentOrDefault.ToString("D")),
                    new Claim(
                        RoleVersionClaim,
                        roleVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ClaimValueTypes.Integer32
                    ),
                    .. (supportGrant is { } grant ? [new Claim(SupportSession.GrantClaim, grant.ToString("D"))] : Array.Empty<Claim>()),
                ]),
                SigningCredentials = new SigningCredentials(SigningKey(o), SecurityAlgorithms.HmacSha256),
            }
        );
        return (token, expires);
    }

    public static SymmetricSecurityKey SigningKey(AuthOptions o) => new(Encoding.UTF8.GetBytes(o.SigningKey));
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>The authenticated user's id; only call on endpoints that require authentication.</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(JwtRegisteredClaimNames.Sub), out var id)
            ? id
            : throw new InvalidOperationException("The endpoint must require an authenticated user.");

    /// <summary>The signed-in person's id; null for a visitor, and for an API client (whose token's subject is the client).</summary>
    public static Guid? UserIdOrNull(this ClaimsPrincipal user) =>
        user.HasClaim(c => c.Type == ClientIdClaim) ? null
        : Guid.TryParse(user.FindFirstValue(JwtRegisteredClaimNames.Sub), out var id) ? id
        : null;

    /// <summary>Present on API clients' tokens only (RFC 9068's client_id): the client's id.</summary>
    public const string ClientIdClaim = "client_id";

    /// <summary>The API client a token was issued to (client credentials), or null for people and visitors.</summary>
    public static Guid? ClientIdOrNull(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClientIdClaim), out var id) ? id : null;

    /// <summary>The scopes an API client's token carries (OpenIddict's validated principal); none for people.</summary>
    public static IReadOnlySet<ClientScope> ClientScopes(this ClaimsPrincipal user) =>
        user.ClientIdOrNull() is null
            ? new HashSet<ClientScope>()
            : OpenIddict
                .Abstractions.OpenIddictExtensions.GetScopes(user)
                .Select(s => Enums.WireEnum.TryParse<ClientScope>(s, out var scope) ? scope : (ClientScope?)null)
                .OfType<ClientScope>()
                .ToHashSet();
}
