namespace Participation.Api.Infrastructure.Auth;

/// <summary>
/// A request made by the vendor's support under a city's grant (issue 19): its access token carries
/// <see cref="GrantClaim"/>, every request checks that grant (<see cref="ISupportGrantCheck"/>, in the token's
/// validation), and the grant is ambient for the rest of the request so that every event recorded names it.
/// </summary>
public static class SupportSession
{
    /// <summary>The claim naming the support grant a city access token was issued under.</summary>
    public const string GrantClaim = "support_grant";

    private static readonly AsyncLocal<Guid?> Ambient = new();

    /// <summary>The grant this flow acts under, if any.</summary>
    public static Guid? Current => Ambient.Value;

    /// <summary>Acts under <paramref name="grant"/> until the result is disposed.</summary>
    public static IDisposable Enter(Guid grant)
    {
        var previous = Ambient.Value;
        Ambient.Value = grant;
        return new Restore(previous);
    }

    /// <summary>The grant a validated token names, or null.</summary>
    public static Guid? GrantOf(System.Security.Claims.ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirst(GrantClaim)?.Value, out var grant) ? grant : null;

    /// <summary>After authentication: a support request's grant is ambient for the rest of it.</summary>
    public static IApplicationBuilder UseSupportSession(this IApplicationBuilder app) =>
        app.Use(
            async (HttpContext http, RequestDelegate next) =>
            {
                if (GrantOf(http.User) is { } grant)
                    using (Enter(grant))
                        await next(http);
                else
                    await next(http);
            }
        );

    private sealed class Restore(Guid? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}

/// <summary>Whether a support grant still opens the city (active, not expired, not revoked); asked on every support request.</summary>
public interface ISupportGrantCheck
{
    Task<bool> IsActiveAsync(Guid grantId, CancellationToken ct);
}
