using System.Threading.RateLimiting;
using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Infrastructure.Security;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Requests allowed per window for the login, sign-up, reset and token endpoints (QUALITY.md §5: 10 per 20 s).</summary>
    public int AuthPermits { get; set; } = 10;
    public int AuthWindowSeconds { get; set; } = 20;

    /// <summary>Contributions (ideas, comments, reactions, follows) per signed-in user and window.</summary>
    public int WritePermits { get; set; } = 60;
    public int WriteWindowSeconds { get; set; } = 60;

    /// <summary>Flags on content per signed-in user and window.</summary>
    public int FlagPermits { get; set; } = 10;
    public int FlagWindowSeconds { get; set; } = 600;

    /// <summary>Address lookups (search as one types, reverse on a map click) per signed-in user and window.</summary>
    public int GeocodingPermits { get; set; } = 60;
    public int GeocodingWindowSeconds { get; set; } = 60;

    /// <summary>One-click unsubscribe (RFC 8058): mail providers post from a few IPs after a big mailing, so per IP and generous.</summary>
    public int UnsubscribePermits { get; set; } = 600;
    public int UnsubscribeWindowSeconds { get; set; } = 60;

    /// <summary>Embed pages and their script, framed by the city's website: per IP, sized for a visitor browsing its pages.</summary>
    public int EmbedPermits { get; set; } = 300;
    public int EmbedWindowSeconds { get; set; } = 60;
}

public static class RateLimits
{
    /// <summary>Login: per client IP (the per-e-mail limit is <see cref="LoginThrottle"/>).</summary>
    public const string Login = "login";

    /// <summary>Sign-up, password reset, confirmation, invitation acceptance: per client IP.</summary>
    public const string Sensitive = "sensitive";

    /// <summary>Residents' contributions: per user (QUALITY.md §5).</summary>
    public const string Writes = "writes";

    /// <summary>Flags on content: per user, tighter.</summary>
    public const string Flags = "flags";

    /// <summary>Address lookups relayed to the city's geocoder: per user, so the platform is no open proxy.</summary>
    public const string Geocoding = "geocoding";

    /// <summary>One-click unsubscribe: per client IP, sized for mail providers' few sending IPs.</summary>
    public const string Unsubscribe = "unsubscribe";

    /// <summary>Widget embed pages and their script (public, framed by other sites): per client IP.</summary>
    public const string Embed = "embed";

    /// <summary>A fixed window per signed-in user (per client IP for anonymous callers).</summary>
    private static RateLimitPartition<string> PerUser(
        HttpContext http,
        string name,
        Func<RateLimitOptions, (int Permits, int Seconds)> pick
    ) =>
        Window(
            http,
            name,
            Participation.Api.Infrastructure.Auth.ClaimsPrincipalExtensions.UserIdOrNull(http.User)?.ToString()
                ?? ClientKey(http)
                ?? http.Connection.RemoteIpAddress?.ToString()
                ?? "unknown",
            pick
        );

    /// <summary>A fixed window per client IP (behind a trusted proxy, the forwarded client's).</summary>
    private static RateLimitPartition<string> PerIp(
        HttpContext http,
        string name,
        Func<RateLimitOptions, (int Permits, int Seconds)> pick
    ) => Window(http, name, http.Connection.RemoteIpAddress?.ToString() ?? "unknown", pick);

    private static RateLimitPartition<string> Window(
        HttpContext http,
        string name,
        string who,
        Func<RateLimitOptions, (int Permits, int Seconds)> pick
    )
    {
        var (permits, seconds) = pick(
            http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value
        );
        return Shared(http, $"{name}:{who}", permits, TimeSpan.FromSeconds(seconds));
    }

    /// <summary>A fixed window counted in the database, shared by every instance (<see cref="RateLimitStore"/>).</summary>
    private static RateLimitPartition<string> Shared(HttpContext http, string key, int permits, TimeSpan window)
    {
        var store = http.RequestServices.GetRequiredService<RateLimitStore>();
        return RateLimitPartition.Get(key, k => new SharedWindowLimiter(store, k, permits, window));
    }

    private static string? ClientKey(HttpContext http) =>
        Participation.Api.Infrastructure.Auth.ClaimsPrincipalExtensions.ClientIdOrNull(http.User) is { } client ? $"client:{client}" : null;

    /// <summary>
    /// Every request of an API client counts against its own limit per minute (set by its managers, read with its token's
    /// check); people and visitors are not limited here (their writes and sign-ins have their own policies).
    /// </summary>
    private static RateLimitPartition<string> PerClient(HttpContext http)
    {
        if (ClientKey(http) is not { } key)
            return RateLimitPartition.GetNoLimiter("");
        var permits = int.TryParse(
            http.User.FindFirst(Participation.Api.Infrastructure.Auth.ClientTokens.RateLimitClaim)?.Value,
            System.Globalization.CultureInfo.InvariantCulture,
            out var limit
        )
            ? limit
            : 1;
        // The limit is part of the key: a changed limit starts a window of its own at once.
        return Shared(http, $"{key}:{permits}", permits, TimeSpan.FromMinutes(1));
    }

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<RateLimitStore>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<IPeriodicJob, RateLimitCleanup>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var r) ? r : TimeSpan.FromSeconds(20);
                var problem = ProblemExceptionHandler.TooMany(http, retryAfter);
                await http
                    .RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(PerClient);
            limiter.AddPolicy(Login, http => PerIp(http, Login, o => (o.AuthPermits, o.AuthWindowSeconds)));
            limiter.AddPolicy(Sensitive, http => PerIp(http, Sensitive, o => (o.AuthPermits, o.AuthWindowSeconds)));
            limiter.AddPolicy(Writes, http => PerUser(http, Writes, o => (o.WritePermits, o.WriteWindowSeconds)));
            limiter.AddPolicy(Flags, http => PerUser(http, Flags, o => (o.FlagPermits, o.FlagWindowSeconds)));
            limiter.AddPolicy(Geocoding, http => PerUser(http, Geocoding, o => (o.GeocodingPermits, o.GeocodingWindowSeconds)));
            limiter.AddPolicy(Unsubscribe, http => PerIp(http, Unsubscribe, o => (o.UnsubscribePermits, o.UnsubscribeWindowSeconds)));
            limiter.AddPolicy(Embed, http => PerIp(http, Embed, o => (o.EmbedPermits, o.EmbedWindowSeconds)));
        });
        return services;
    }
}

/// <summary>Login attempts per e-mail address in a city, whatever the client IP, counted in the shared store (the address is
/// kept there as a SHA-256 hash only). The same address in another city is another account, throttled on its own.</summary>
public sealed class LoginThrottle(RateLimitStore store, Microsoft.Extensions.Options.IOptions<RateLimitOptions> options)
{
    public async Task CheckAsync(string email, CancellationToken ct)
    {
        var o = options.Value;
        var hash = Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()))
        );
        var city = Database.CityScope.CurrentOrDefault;
        var outcome = await store.HitAsync($"login-email:{city:N}:{hash}", o.AuthPermits, TimeSpan.FromSeconds(o.AuthWindowSeconds), ct);
        if (!outcome.Allowed)
            throw new TooManyRequestsException(outcome.RetryAfter);
    }
}
