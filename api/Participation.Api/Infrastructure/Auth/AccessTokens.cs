using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Participation.Api.Infrastructure.Auth;

/// <summary>Mints short-lived access JWTs carrying the user id ("sub") and role-version stamp ("rv").</summary>
public sealed class AccessTokens(IOptions<AuthOptions> options, TimeProvider clock)
{
    public const string RoleVersionClaim = "rv";
    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, DateTimeOffset ExpiresAt) Issue(Guid userId, int roleVersion)
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
                    new Claim(
                        RoleVersionClaim,
                        roleVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ClaimValueTypes.Integer32
                    ),
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

    public static Guid? UserIdOrNull(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(JwtRegisteredClaimNames.Sub), out var id) ? id : null;
}
