using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Participation.Api.Infrastructure.Errors;

namespace Participation.Api.Infrastructure.Security;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";
    /// <summary>Requests allowed per window for the login, sign-up, reset and token endpoints (QUALITY.md §5: 10 per 20 s).</summary>
    public int AuthPermits { get; set; } = 10;
    public int AuthWindowSeconds { get; set; } = 20;
}

public static class RateLimits
{
    /// <summary>Login: per client IP (the per-e-mail limit is <see cref="LoginThrottle"/>).</summary>
    public const string Login = "login";
    /// <summary>Sign-up, password reset, confirmation, invitation acceptance: per client IP.</summary>
    public const string Sensitive = "sensitive";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<LoginThrottle>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var r) ? r : TimeSpan.FromSeconds(20);
                var problem = ProblemExceptionHandler.TooMany(http, retryAfter);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
            };
            foreach (var name in new[] { Login, Sensitive })
            {
                limiter.AddPolicy(name, http =>
                {
                    var o = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;
                    return RateLimitPartition.GetFixedWindowLimiter($"{name}:{http.Connection.RemoteIpAddress}",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = o.AuthPermits,
                            Window = TimeSpan.FromSeconds(o.AuthWindowSeconds),
                            QueueLimit = 0,
                        });
                });
            }
        });
        return services;
    }
}

/// <summary>Login attempts per e-mail address, whatever the client IP.</summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public LoginThrottle(Microsoft.Extensions.Options.IOptions<RateLimitOptions> options)
    {
        var o = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(email => RateLimitPartition.GetFixedWindowLimiter(email,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = o.AuthPermits, Window = TimeSpan.FromSeconds(o.AuthWindowSeconds), QueueLimit = 0 }));
    }

    public void Check(string email)
    {
        using var lease = _limiter.AttemptAcquire(email.Trim().ToLowerInvariant());
        if (!lease.IsAcquired)
            throw new TooManyRequestsException(lease.TryGetMetadata(MetadataName.RetryAfter, out var r) ? r : TimeSpan.FromSeconds(20));
    }

    public void Dispose() => _limiter.Dispose();
}
