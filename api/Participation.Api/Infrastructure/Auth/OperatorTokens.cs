using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
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

    /// <summary>The version of the operator's credentials the token was issued under: a password change refuses the tokens
    /// of earlier versions (a token without it is of version 1).</summary>
    public const string CredentialsVersionClaim = "op_cv";

    /// <summary>Present ("true") while the operator must replace a password another operator set: only their profile and the
    /// password change are open to the token (<see cref="OperatorPasswordChange"/>).</summary>
    public const string PasswordChangeClaim = "op_pwc";

    public const string OperatorRole = "operator";
    public const string SupportRole = "support";

    /// <summary>The audience of operator tokens: the people's audience with "-operator" appended.</summary>
    public static string Audience(AuthOptions o) => o.Audience + "-operator";

    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, DateTimeOffset ExpiresAt) Issue(Guid operatorId, string role, int credentialsVersion, bool passwordChangeRequired)
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
                    new Claim(CredentialsVersionClaim, credentialsVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
                    .. passwordChangeRequired ? [new Claim(PasswordChangeClaim, "true")] : Array.Empty<Claim>(),
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

    private sealed record Account(string Role, int CredentialsVersion);

    /// <summary>A disabled (or removed) operator's tokens stop working at once; so do those issued before a change of role or
    /// password.</summary>
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
        var account = await connection.QuerySingleOrDefaultAsync<Account>(
            new CommandDefinition(
                "SELECT role, credentials_version FROM operators WHERE id = @id AND disabled_at IS NULL;",
                new { id },
                cancellationToken: context.HttpContext.RequestAborted
            )
        );
        var version = int.TryParse(
            principal.FindFirstValue(OperatorTokens.CredentialsVersionClaim),
            System.Globalization.CultureInfo.InvariantCulture,
            out var v
        )
            ? v
            : 1;
        if (account is null || account.Role != principal.FindFirstValue(OperatorTokens.RoleClaim) || account.CredentialsVersion != version)
            context.Fail("The operator is disabled, or their role or password changed.");
    }
}

/// <summary>
/// The vendor's person calling the console, bound once from the validated operator token (as <see cref="Caller"/> is for
/// a city's people): an operator endpoint takes an <see cref="OperatorCaller"/> parameter instead of reading claims.
/// </summary>
public sealed class OperatorCaller
{
    private OperatorCaller(Guid? id, string? role)
    {
        IdOrNull = id;
        Role = role;
    }

    /// <summary>The operator, or null without an operator token (an anonymous sign-in).</summary>
    public Guid? IdOrNull { get; }

    /// <summary>The operator; only on endpoints that require <see cref="OperatorTokens.OperatorPolicy"/> or
    /// <see cref="OperatorTokens.SupportPolicy"/> (a bug otherwise).</summary>
    public Guid Id => IdOrNull ?? throw new InvalidOperationException("The endpoint must require an operator.");

    /// <summary><see cref="OperatorTokens.OperatorRole"/> or <see cref="OperatorTokens.SupportRole"/>, or null.</summary>
    public string? Role { get; }

    /// <summary>Minimal APIs' binding: from the request's operator principal, never from its body or query.</summary>
    public static ValueTask<OperatorCaller?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<OperatorCaller?>(
            new OperatorCaller(
                Guid.TryParse(context.User.FindFirstValue(OperatorTokens.OperatorClaim), out var id) ? id : null,
                context.User.FindFirstValue(OperatorTokens.RoleClaim)
            )
        );
}

/// <summary>
/// A person of the console whose password another operator set (added to the console, or given a new password) must
/// choose their own before anything else: their token (<see cref="OperatorTokens.PasswordChangeClaim"/>) opens only the
/// endpoints marked <see cref="Allowed"/> (their profile, the password change); every other one answers 403 with reason
/// <c>password_change_required</c>.
/// </summary>
public static class OperatorPasswordChange
{
    public const string Reason = "password_change_required";

    /// <summary>Endpoint metadata: open to a token whose password must still be changed.</summary>
    public sealed class Allowed;

    public static TBuilder AllowedBeforePasswordChange<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new Allowed());

    /// <summary>After authorization (an operator endpoint's policy has put the operator token's principal in place).</summary>
    public static IApplicationBuilder UseOperatorPasswordChange(this IApplicationBuilder app) =>
        app.Use(
            async (HttpContext http, RequestDelegate next) =>
            {
                if (
                    http.User.HasClaim(OperatorTokens.PasswordChangeClaim, "true")
                    && http.GetEndpoint()?.Metadata.GetMetadata<Allowed>() is null
                )
                    throw new ActionRefusedException(
                        "console",
                        Reason,
                        "Choose your own password first: the one you signed in with was set by another operator."
                    );
                await next(http);
            }
        );
}
