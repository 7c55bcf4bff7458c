using System.Globalization;

namespace Participation.Api.Infrastructure.OpenApi;

public static class EndpointConventions
{
    /// <summary>The least notice between an endpoint's deprecation and its sunset.</summary>
    public const int MinimumNoticeMonths = 6;

    /// <summary>Declares the problem+json answers an endpoint may give, so generated clients type them.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var code in statusCodes)
        {
            if (code == StatusCodes.Status400BadRequest)
                builder.ProducesValidationProblem();
            else
                builder.ProducesProblem(code);
        }
        return builder;
    }

    /// <summary>
    /// Deprecates an endpoint (the versioning policy in docs/integrators.md): every answer its handler gives, errors
    /// included, carries <c>Deprecation</c> (RFC 9745: <c>@</c> and the Unix time it was deprecated), <c>Sunset</c>
    /// (RFC 8594: the HTTP date after which it may be gone) and, with <paramref name="link"/>, a <c>Link</c> to the
    /// migration notes (<c>rel="deprecation"</c>); the OpenAPI operation is marked <c>deprecated</c>. Dates are
    /// <c>yyyy-MM-dd</c>, midnight UTC; the sunset comes at least <see cref="MinimumNoticeMonths"/> months after the
    /// deprecation (the policy integrators are promised).
    /// </summary>
    public static RouteHandlerBuilder Deprecated(this RouteHandlerBuilder builder, string since, string sunset, string? link = null)
    {
        var deprecation = new Deprecation(Day(since), Day(sunset), link);
        if (deprecation.Sunset < deprecation.Since.AddMonths(MinimumNoticeMonths))
            throw new ArgumentException(
                $"The sunset ({sunset}) must come at least {MinimumNoticeMonths} months after the deprecation ({since}).",
                nameof(sunset)
            );
        if (link is not null && !Uri.IsWellFormedUriString(link, UriKind.Absolute))
            throw new ArgumentException($"The deprecation link must be an absolute URL: {link}", nameof(link));
        return builder
            .WithMetadata(deprecation)
            .AddEndpointFilter(
                (context, next) =>
                {
                    var response = context.HttpContext.Response;
                    // When the response starts, so that a problem written by the exception handler (which resets the
                    // headers) carries them too.
                    response.OnStarting(() =>
                    {
                        deprecation.WriteTo(response.Headers);
                        return Task.CompletedTask;
                    });
                    return next(context);
                }
            );
    }

    private static DateTimeOffset Day(string date) =>
        DateTimeOffset.ParseExact(
            date,
            "yyyy-MM-dd",
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal
        );
}

/// <summary>An endpoint's deprecation (endpoint metadata, set by <see cref="EndpointConventions.Deprecated"/>).</summary>
public sealed record Deprecation(DateTimeOffset Since, DateTimeOffset Sunset, string? Link)
{
    /// <summary>RFC 9745's structured-field date: <c>@1767225600</c>.</summary>
    public string DeprecationHeader => "@" + Since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>RFC 8594's HTTP date: <c>Thu, 01 Jul 2027 00:00:00 GMT</c>.</summary>
    public string SunsetHeader => Sunset.ToString("R", CultureInfo.InvariantCulture);

    public void WriteTo(IHeaderDictionary headers)
    {
        headers["Deprecation"] = DeprecationHeader;
        headers["Sunset"] = SunsetHeader;
        if (Link is not null)
            headers.Append("Link", $"<{Link}>; rel=\"deprecation\"; type=\"text/html\"");
    }
}
