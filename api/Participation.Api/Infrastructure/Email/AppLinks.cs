namespace Participation.Api.Infrastructure.Email;

/// <summary>
/// The one place where the server builds an address of the web app. The app's addresses carry their language
/// (<c>/fr/…</c>, <c>/nl/…</c>, <c>/en/…</c>), so a link opens in the language of whoever reads it: an e-mail in its
/// recipient's, a share page or a feed in its own. Without a language (a representation read by integrators, whose
/// readers are not known) the link has none, and the web app moves it to each visitor's negotiated language.
/// </summary>
public static class AppLinks
{
    /// <summary>The web app's address for <paramref name="path"/> (a path starting with "/", query and fragment
    /// included) in <paramref name="language"/> (fr, nl or en; anything else: no language).</summary>
    public static string AppLink(this EmailOptions options, string? language, string path = "/") => To(options.AppBaseUrl, language, path);

    /// <summary>The web app's root in <paramref name="language"/>, without a trailing "/" (paths are appended to it).</summary>
    public static string AppRoot(this EmailOptions options, string? language) => Root(options.AppBaseUrl, language);

    /// <inheritdoc cref="AppRoot"/>
    public static string Root(string appBaseUrl, string? language) => appBaseUrl.TrimEnd('/') + Prefix(language);

    /// <inheritdoc cref="AppLink"/>
    public static string To(string appBaseUrl, string? language, string path = "/")
    {
        var root = Root(appBaseUrl, language);
        if (path.Length == 0 || path == "/")
            return root + "/";
        return root + (path[0] is '/' or '#' or '?' ? path : "/" + path);
    }

    /// <summary>
    /// The API's public address (<c>ApiBaseUrl</c>, else the web app's, which forwards <c>/api</c>), without a trailing "/":
    /// for what a message links to on the API itself (one-click unsubscribe, a calendar file, an uploaded image).
    /// </summary>
    public static string ApiRoot(this EmailOptions options) => (options.ApiBaseUrl ?? options.AppBaseUrl).TrimEnd('/');

    /// <summary>The one-click unsubscribe address (<c>List-Unsubscribe</c>) of <paramref name="token"/>.</summary>
    public static string UnsubscribeLink(this EmailOptions options, string token) =>
        $"{options.ApiRoot()}/api/v1/notifications/unsubscribe?token={Uri.EscapeDataString(token)}";

    /// <summary>The language named (fr, nl or en), else null.</summary>
    public static string? Language(string? value) => value is "fr" or "nl" or "en" ? value : null;

    /// <summary>"/nl" for a language the web app knows, else "" (the app then negotiates one).</summary>
    public static string Prefix(string? language) => Language(language) is { } l ? "/" + l : "";
}
