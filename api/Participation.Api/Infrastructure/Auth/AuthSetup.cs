using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace Participation.Api.Infrastructure.Auth;

public static class AuthSetup
{
    /// <summary>
    /// Losing a role takes effect at once: every role change bumps the user's role version, and an access
    /// token minted before it (or for a deleted account) is refused; its refresh tokens are revoked too.
    /// </summary>
    private static async Task RejectStaleRoleVersion(TokenValidatedContext context)
    {
        var principal = context.Principal;
        if (
            principal?.UserIdOrNull() is not { } userId
            || !int.TryParse(
                principal.FindFirst(AccessTokens.RoleVersionClaim)?.Value,
                System.Globalization.CultureInfo.InvariantCulture,
                out var version
            )
        )
        {
            context.Fail("The token has no subject or role version.");
            return;
        }
        // A person is an account of one city: their token is refused on another city's addresses (a token from before
        // cities existed belongs to the default city).
        var city =
            principal.FindFirst(AccessTokens.CityClaim)?.Value is { } claimed && Guid.TryParse(claimed, out var c)
                ? c
                : Database.CityScope.DefaultCity;
        if (city != Database.CityScope.CurrentOrDefault)
        {
            context.Fail("The token was issued in another city.");
            return;
        }
        var check = context.HttpContext.RequestServices.GetRequiredService<RoleVersionCheck>();
        if (!await check.IsCurrentAsync(userId, version, context.HttpContext.RequestAborted))
        {
            context.Fail("The token predates a change of the user's roles.");
            return;
        }
        // Support acting under a city's grant: refused as soon as the grant ends or is revoked.
        if (principal.FindFirst(SupportSession.GrantClaim) is { } claim)
        {
            var grants = context.HttpContext.RequestServices.GetRequiredService<ISupportGrantCheck>();
            if (!Guid.TryParse(claim.Value, out var grant) || !await grants.IsActiveAsync(grant, context.HttpContext.RequestAborted))
                context.Fail("The support access this token was issued under has ended.");
        }
    }

    /// <summary>The default scheme: forwards to the people's JWT bearer scheme or to <see cref="ClientTokenScheme"/>.</summary>
    public const string BearerScheme = "PeopleOrClients";

    /// <summary>OpenIddict's validation handler, which checks API clients' access tokens.</summary>
    public const string ClientTokenScheme = OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    private static readonly Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler Reader = new();

    /// <summary>A bearer token whose header says "at+jwt" (RFC 9068), the type the client token endpoint issues.</summary>
    public static bool IsClientToken(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return false;
        var token = header["Bearer ".Length..].Trim();
        if (!Reader.CanReadToken(token))
            return false;
        try
        {
            return string.Equals(Reader.ReadJsonWebToken(token).Typ, "at+jwt", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or System.Text.Json.JsonException or SecurityTokenException)
        {
            return false; // not a JWT after all: the people's scheme refuses it
        }
    }

    public static IServiceCollection AddJwtAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment env)
    {
        services
            .AddOptions<AuthOptions>()
            .Bind(configuration.GetSection(AuthOptions.Section))
            .Validate(
                o => System.Text.Encoding.UTF8.GetByteCount(o.SigningKey) >= 32,
                $"Auth:SigningKey must be at least 32 bytes (environment {env.EnvironmentName}); set Auth__SigningKey."
            )
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AccessTokens>();

        // Two kinds of bearer tokens: people's (minted by AccessTokens, checked here) and API clients' (minted by the
        // OAuth 2.0 token endpoint, typ "at+jwt" per RFC 9068, checked by OpenIddict's validation). One scheme picks.
        services
            .AddAuthentication(BearerScheme)
            .AddJwtBearer()
            .AddPolicyScheme(BearerScheme, "People's or API clients' bearer tokens", o =>
                o.ForwardDefaultSelector = http => IsClientToken(http) ? ClientTokenScheme : JwtBearerDefaults.AuthenticationScheme
            );
        services
            .AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<AuthOptions>>(
                (o, auth) =>
                {
                    var options = auth.Value;
                    o.MapInboundClaims = false;
                    o.RequireHttpsMetadata = false;
                    o.TokenValidationParameters = new TokenValidationParameters
                    {
                        ValidIssuer = options.Issuer,
                        ValidAudience = options.Audience,
                        IssuerSigningKey = AccessTokens.SigningKey(options),
                        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                        ValidateIssuer = true,
                        ValidateAudience = true,
                        ValidateLifetime = true,
                        ValidateIssuerSigningKey = true,
                        RequireExpirationTime = true,
                        RequireSignedTokens = true,
                        ClockSkew = TimeSpan.FromSeconds(30),
                        NameClaimType = "sub",
                    };
                    o.Events = new JwtBearerEvents { OnTokenValidated = RejectStaleRoleVersion };
                }
            );

        services.AddSingleton<RoleVersionCheck>();
        services.AddHostedService(sp => sp.GetRequiredService<RoleVersionCheck>());
        services.AddSingleton<TokenIssuer>();
        // Closed by default: an endpoint without an explicit decision requires a signed-in user.
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }
}
