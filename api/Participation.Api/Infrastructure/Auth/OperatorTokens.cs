using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Participation.Api.Infrastructure.Auth;

/// <summary>
/// The vendor's people (issue 19): operators run the deployment, support staff help the cities. They are nobody in any
/// city: their tokens are signed with the same key as people's but carry a distinct audience (<see cref="Audience"/>) and
/// the claims <see cref="OperatorClaim"/> (their id) and <see cref="RoleClaim"/> (<c>operator</c> or <c>support</c>), and
/// no <c>sub</c> nor <c>city</c>. They are checked by their own scheme (<see cref="Scheme"/>), which the operator
/// endpoints name through the policies <see cref="OperatorPolicy"/> and <see cref="SupportPolicy"/>; a city's endpoints
/// refuse them (wrong audience) and the operator endpoints refuse a city person's token (wrong audience, no claims).
/// A disabled operator's tokens are refused at once.
/// </summary>
public sealed class OperatorTokens(IOptions<AuthOptions> options, TimeProvider clock)
{
    /// <summary>The authentication scheme of operator tokens.</summary>
    public const string Scheme = "Operator";

    /// <summary>Operators only (role <c>operator</c>): every console action.</summary>
    public const string OperatorPolicy = "Operator";

    /// <summary>Operators and support staff: reading the console (the city list) and what support access allows.</summary>
    public const string SupportPolicy = "Support";

    /// <summary>The operator's id.</summary>
    public const string OperatorClaim = "op";

    /// <summary>The operator's role: <see cref="OperatorRole"/> or <see cref="SupportRole"/>.</summary>
    public const string RoleClaim = "op_role";

    public const string OperatorRole = "operator";
    public const string SupportRole = "support";

    /// <summary>The audience of operator tokens: the people's audience with "-operator" appended.</summary>
    public static string Audience(AuthOptions o) => o.Audience + "-operator";

    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, DateTimeOffset ExpiresAt) Issue(Guid operatorId, string role)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var expires = now.AddMinutes(o.OperatorTokenMinutes);
        var token = _handler.CreateToken(
            new SecurityTokenDescriptor
            {
                Issuer = o.Issuer,
                Audience = Audience(o),
                IssuedAt = now.UtcDateTime,
                NotBefore = now.UtcDateTime,
                Expires = expires.UtcDateTime,
                Subject = new ClaimsIdentity([
                    new Claim(OperatorClaim, operatorId.ToString("D")),
                    new Claim(RoleClaim, role),
                    new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
                ]),
                SigningCredentials = new SigningCredentials(AccessTokens.SigningKey(o), SecurityAlgorithms.HmacSha256),
            }
        );
        return (token, expires);
    }

    /// <summary>The operator's id; only on endpoints that require <see cref="OperatorPolicy"/> or <see cref="SupportPolicy"/>.</summary>
    public static Guid OperatorId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(OperatorClaim), out var id)
            ? id
            : throw new InvalidOperationException("The endpoint must require an operator.");
}

/// <summary>The operator scheme (JWT bearer, operator audience) and the two policies (<see cref="OperatorTokens"/>).</summary>
public static class OperatorAuth
{
    public static IServiceCollection AddOperatorAuth(this IServiceCollection services)
    {
        services.AddSingleton<OperatorTokens>();
        services.AddAuthentication().AddJwtBearer(OperatorTokens.Scheme);
        services
            .AddOptions<JwtBearerOptions>(OperatorTokens.Scheme)
            .Configure<IOptions<AuthOptions>>(
                (o, auth) =>
                {
                    var a = auth.Value;
                    o.MapInboundClaims = false;
                    o.RequireHttpsMetadata = false;
                    o.TokenValidationParameters = new TokenValidationParameters
                    {
                        ValidIssuer = a.Issuer,
                        ValidAudience = OperatorTokens.Audience(a),
                        IssuerSigningKey = AccessTokens.SigningKey(a),
                        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                        ValidateIssuer = true,
                        ValidateAudience = true,
                        ValidateLifetime = true,
                        ValidateIssuerSigningKey = true,
                        RequireExpirationTime = true,
                        RequireSignedTokens = true,
                        ClockSkew = TimeSpan.FromSeconds(30),
                        NameClaimType = OperatorTokens.OperatorClaim,
                        RoleClaimType = OperatorTokens.RoleClaim,
                    };
                    o.Events = new JwtBearerEvents { OnTokenValidated = RejectDisabled };
                }
            );
        services
            .AddAuthorizationBuilder()
            .AddPolicy(OperatorTokens.OperatorPolicy, p =>
                p.AddAuthenticationSchemes(OperatorTokens.Scheme)
                    .RequireAuthenticatedUser()
                    .RequireClaim(OperatorTokens.RoleClaim, OperatorTokens.OperatorRole)
            )
            .AddPolicy(OperatorTokens.SupportPolicy, p =>
                p.AddAuthenticationSchemes(OperatorTokens.Scheme)
                    .RequireAuthenticatedUser()
                    .RequireClaim(OperatorTokens.RoleClaim, OperatorTokens.OperatorRole, OperatorTokens.SupportRole)
            );
        return services;
    }

    /// <summary>A disabled (or removed) operator's tokens stop working at once; so does a role that changed since.</summary>
    private static async Task RejectDisabled(TokenValidatedContext context)
    {
        var principal = context.Principal;
        if (principal is null || !Guid.TryParse(principal.FindFirstValue(OperatorTokens.OperatorClaim), out var id))
        {
            context.Fail("The token names no operator.");
            return;
        }
        var db = context.HttpContext.RequestServices.GetRequiredService<Database.PlatformDb>();
        await using var connection = await db.OpenConnectionAsync(context.HttpContext.RequestAborted);
        var role = await connection.QuerySingleOrDefaultAsync<string?>(
            new CommandDefinition(
                "SELECT role FROM operators WHERE id = @id AND disabled_at IS NULL;",
                new { id },
                cancellationToken: context.HttpContext.RequestAborted
            )
        );
        if (role is null || role != principal.FindFirstValue(OperatorTokens.RoleClaim))
            context.Fail("The operator is disabled or their role changed.");
    }
}
