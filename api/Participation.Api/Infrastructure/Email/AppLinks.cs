using Microsoft.Extensions.Options;

namespace Participation.Api.Infrastructure.Email;

/// <summary>
/// The one place where the server builds an address of the web app. The app's addresses carry their language
/// (<c>/fr/…</c>, <c>/nl/…</c>, <c>/en/…</c>), so a link opens in the language of whoever reads it: an e-mail in its
/// recipient's, a share page or a feed in its own. Without a language (a representation read by integrators, whose
/// readers are not known) the link has none, and the web app moves it to each visitor's negotiated language.
/// Which address: the current city's (<see cref="CityAddresses"/>).
/// </summary>
public static class AppLinks
{
    /// <inheritdoc cref="AppAddress.AppRoot"/>
    public static string Root(string appBaseUrl, string? language) => appBaseUrl.TrimEnd('/') + Prefix(language);

    /// <inheritdoc cref="AppAddress.AppLink"/>
    public static string To(string appBaseUrl, string? language, string path = "/")
    {
        var root = Root(appBaseUrl, language);
        if (path.Length == 0 || path == "/")
            return root + "/";
        return root + (path[0] is '/' or '#' or '?' ? path : "/" + path);
    }

    /// <summary>The language named (fr, nl or en), else null.</summary>
    public static string? Language(string? value) => value is "fr" or "nl" or "en" ? value : null;

    /// <summary>"/nl" for a language the web app knows, else "" (the app then negotiates one).</summary>
    public static string Prefix(string? language) => Language(language) is { } l ? "/" + l : "";
}

/// <summary>
/// A city's public addresses: its web app's (<paramref name="AppBaseUrl"/>) and, when the API is not served under it, the
/// API's (<paramref name="ApiBaseUrl"/>).
/// </summary>
public sealed record AppAddress(string AppBaseUrl, string? ApiBaseUrl)
{
    /// <summary>The web app's address for <paramref name="path"/> (a path starting with "/", query and fragment
    /// included) in <paramref name="language"/> (fr, nl or en; anything else: no language).</summary>
    public string AppLink(string? language, string path = "/") => AppLinks.To(AppBaseUrl, language, path);

    /// <summary>The web app's root in <paramref name="language"/>, without a trailing "/" (paths are appended to it).</summary>
    public string AppRoot(string? language) => AppLinks.Root(AppBaseUrl, language);

    /// <summary>
    /// The API's public address (<see cref="ApiBaseUrl"/>, else the web app's, which forwards <c>/api</c>), without a trailing
    /// "/": for what a message links to on the API itself (one-click unsubscribe, a calendar file, an uploaded image).
    /// </summary>
    public string ApiRoot => (ApiBaseUrl ?? AppBaseUrl).TrimEnd('/');

    /// <summary>The one-click unsubscribe address (<c>List-Unsubscribe</c>) of <paramref name="token"/>.</summary>
    public string UnsubscribeLink(string token) => $"{ApiRoot}/api/v1/notifications/unsubscribe?token={Uri.EscapeDataString(token)}";

    /// <summary>The install's addresses, as configured (<c>Email:AppBaseUrl</c>, <c>Email:ApiBaseUrl</c>).</summary>
    public static AppAddress Of(EmailOptions options) => new(options.AppBaseUrl, options.ApiBaseUrl);

    /// <summary>
    /// A city's addresses on its <paramref name="host"/>: the configured web app's address with its host replaced (scheme,
    /// port and path kept). The API's is replaced alike when it names the web app's host; an API configured on a host of
    /// its own is not this city's (the API answers a city only on the city's domains), so the city's API links then go
    /// through its web app's address, which forwards <c>/api</c> as on an install without <c>ApiBaseUrl</c>.
    /// </summary>
    public static AppAddress On(EmailOptions options, string host)
    {
        var app = new Uri(options.AppBaseUrl);
        var api = string.IsNullOrWhiteSpace(options.ApiBaseUrl) ? null : new Uri(options.ApiBaseUrl);
        return new AppAddress(
            WithHost(app, host),
            api is not null && string.Equals(api.Host, app.Host, StringComparison.OrdinalIgnoreCase) ? WithHost(api, host) : null
        );
    }

    private static string WithHost(Uri address, string host) =>
        new UriBuilder(address) { Host = host }
            .Uri.ToString()
            .TrimEnd('/');
}

/// <summary>
/// The current city's addresses (<see cref="CityScope"/>: a request's, or the city a background job works for): the
/// city's first domain (<c>city_domains</c>, lowest position) on the configured addresses (<see cref="AppAddress.On"/>),
/// exactly the configured ones for a city without a domain (a single-city install). Read from
/// <see cref="CityDirectory"/>'s kept domains, never a query per link.
/// </summary>
public sealed class CityAddresses(CityDirectory directory, IOptions<EmailOptions> options)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AppAddress> _onHost = new(StringComparer.Ordinal);

    public AppAddress Current =>
        directory.FirstHost(CityScope.CurrentOrDefault) is { } host
            ? _onHost.GetOrAdd(host, h => AppAddress.On(options.Value, h))
            : AppAddress.Of(options.Value);
}
