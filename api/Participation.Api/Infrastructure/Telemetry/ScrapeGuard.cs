using System.Security.Cryptography;
using System.Text;

namespace Participation.Api.Infrastructure.Telemetry;

/// <summary>
/// Lets a scrape of <c>/metrics</c> through only with <c>Authorization: Bearer {Telemetry:ScrapeToken}</c>: 401 otherwise.
/// The token is compared in constant time (both sides hashed first, so that not even its length leaks).
/// </summary>
public sealed class ScrapeGuard(string token)
{
    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public bool Allows(HttpContext http)
    {
        var header = http.Request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return false;
        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        var presented = value.AsSpan(7).Trim();
        var bytes = Encoding.UTF8.GetBytes(presented.ToString());
        SHA256.HashData(bytes, actual);
        return CryptographicOperations.FixedTimeEquals(actual, _expected);
    }

    /// <summary>The branch's first step: 401 with a Bearer challenge unless <see cref="Allows"/>.</summary>
    public Task Check(HttpContext http, RequestDelegate next)
    {
        if (Allows(http))
            return next(http);
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
