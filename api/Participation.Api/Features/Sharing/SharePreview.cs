using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Participation.Api.Infrastructure.Content;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Sharing;

/// <summary>
/// What a link preview shows of a shared project, idea or event: its title and a plain description in one language, an
/// image (the API's own, as a path), the web app's page it stands for (a path too, with slugs) and the share page's own
/// current path (another path redirects there). Null: nothing public to show.
/// </summary>
public sealed record SharePreview(
    string Language,
    string Title,
    string Description,
    string? ImagePath,
    string AppPath,
    string SiteName,
    string SharePath
);

/// <summary>
/// The share page: a small HTML document for link-preview crawlers (Open Graph and Twitter card meta: title, description,
/// absolute image and address) that sends people on to the web app's page (a link, and a refresh for browsers; crawlers
/// get no refresh, so they read this page's meta rather than the client-rendered app's). Every value is encoded.
/// </summary>
public static class SharePage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Link-preview crawlers (Facebook, X, LinkedIn, Slack, WhatsApp, Discord, Telegram, Mastodon and the like).</summary>
    private static readonly string[] Crawlers =
    [
        "facebookexternalhit",
        "facebot",
        "twitterbot",
        "linkedinbot",
        "slackbot",
        "whatsapp",
        "discordbot",
        "telegrambot",
        "mastodon",
        "pinterest",
        "skypeuripreview",
        "embedly",
        "googlebot",
        "bingbot",
        "applebot",
    ];

    public static bool IsCrawler(string? userAgent) =>
        userAgent is not null && Crawlers.Any(c => userAgent.Contains(c, StringComparison.OrdinalIgnoreCase));

    /// <summary>The language asked for (?lang=fr|nl|en), else none (the platform's default is used).</summary>
    public static string? Language(string? lang) => AppLinks.Language(lang);

    /// <summary>A plain description of at most 200 characters from rich text.</summary>
    public static string Describe(string? html) => RichText.Excerpt(html, 200);

    private static readonly Dictionary<string, (string Continue, string NotFound)> Texts = new()
    {
        ["fr"] = ("Ouvrir la page", "Cette page n'existe pas ou n'est pas publique."),
        ["nl"] = ("De pagina openen", "Deze pagina bestaat niet of is niet openbaar."),
        ["en"] = ("Open the page", "This page does not exist or is not public."),
    };

    public static string Render(SharePreview p, string appBase, string shareUrl, bool crawler)
    {
        string E(string v) => Html.Encode(v);
        // The web app's page in the preview's language, so the link opens in the language it was shared in.
        var appUrl = AppLinks.To(appBase, p.Language, p.AppPath);
        var image = p.ImagePath is null ? null : appBase + p.ImagePath;
        var html = new StringBuilder(2048);
        html.Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"{E(p.Language)}\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(p.Title)} · {E(p.SiteName)}</title>")
            .Append(CultureInfo.InvariantCulture, $"<meta name=\"description\" content=\"{E(p.Description)}\">")
            .Append(CultureInfo.InvariantCulture, $"<link rel=\"canonical\" href=\"{E(appUrl)}\">");
        foreach (var language in TextRules.Locales)
            html.Append(
                CultureInfo.InvariantCulture,
                $"<link rel=\"alternate\" hreflang=\"{language}\" href=\"{E(AppLinks.To(appBase, language, p.AppPath))}\">"
            );
        html.Append(
                CultureInfo.InvariantCulture,
                $"<link rel=\"alternate\" hreflang=\"x-default\" href=\"{E(AppLinks.To(appBase, null, p.AppPath))}\">"
            )
            .Append("<meta property=\"og:type\" content=\"website\">")
            .Append(CultureInfo.InvariantCulture, $"<meta property=\"og:site_name\" content=\"{E(p.SiteName)}\">")
            .Append(CultureInfo.InvariantCulture, $"<meta property=\"og:locale\" content=\"{Locale(p.Language)}\">")
            .Append(CultureInfo.InvariantCulture, $"<meta property=\"og:title\" content=\"{E(p.Title)}\">")
            .Append(CultureInfo.InvariantCulture, $"<meta property=\"og:description\" content=\"{E(p.Description)}\">")
            .Append(CultureInfo.InvariantCulture, $"<meta property=\"og:url\" content=\"{E(shareUrl)}\">");
        if (image is not null)
            html.Append(CultureInfo.InvariantCulture, $"<meta property=\"og:image\" content=\"{E(image)}\">")
                .Append(CultureInfo.InvariantCulture, $"<meta property=\"og:image:alt\" content=\"{E(p.Title)}\">");
        html.Append(
                CultureInfo.InvariantCulture,
                $"<meta name=\"twitter:card\" content=\"{(image is null ? "summary" : "summary_large_image")}\">"
            )
            .Append(CultureInfo.InvariantCulture, $"<meta name=\"twitter:title\" content=\"{E(p.Title)}\">")
            .Append(CultureInfo.InvariantCulture, $"<meta name=\"twitter:description\" content=\"{E(p.Description)}\">");
        if (image is not null)
            html.Append(CultureInfo.InvariantCulture, $"<meta name=\"twitter:image\" content=\"{E(image)}\">");
        if (!crawler)
            html.Append(CultureInfo.InvariantCulture, $"<meta http-equiv=\"refresh\" content=\"0;url={E(appUrl)}\">");
        html.Append("</head><body><main>")
            .Append(CultureInfo.InvariantCulture, $"<h1>{E(p.Title)}</h1><p>{E(p.Description)}</p>")
            .Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(appUrl)}\">{E(Texts[p.Language].Continue)}</a></p>")
            .Append("</main></body></html>");
        return html.ToString();
    }

    public static string NotFound(string language) =>
        $"<!doctype html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">"
        + $"<title>404</title></head><body><main><h1>404</h1><p>{Html.Encode(Texts[language].NotFound)}</p></main></body></html>";

    private static string Locale(string language) =>
        language switch
        {
            "nl" => "nl_BE",
            "en" => "en_GB",
            _ => "fr_BE",
        };

    /// <summary>The answer: the page, or a 404 page that names nothing (a draft or hidden item is not confirmed to exist).</summary>
    public static IResult Answer(SharePreview? preview, HttpRequest request, CityAddresses addresses)
    {
        var appBase = addresses.Current.AppBaseUrl.TrimEnd('/');
        if (preview is null)
            return new Result(NotFound(Language(request.Query["lang"]) ?? RequestLanguage.Current), StatusCodes.Status404NotFound);
        var query = Language(request.Query["lang"]) is { } l ? $"?lang={l}" : "";
        // An id or a former slug: the current address, for good (crawlers then keep that one).
        if (!string.Equals(request.Path.Value, preview.SharePath, StringComparison.Ordinal))
            return TypedResults.Redirect(request.PathBase + preview.SharePath + query, permanent: true);
        var shareUrl = appBase + request.Path + query;
        return new Result(Render(preview, appBase, shareUrl, IsCrawler(request.Headers.UserAgent)), StatusCodes.Status200OK);
    }

    private sealed class Result(string html, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var response = http.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.Vary = "User-Agent";
            response.Headers.CacheControl = status == StatusCodes.Status200OK ? "public, max-age=300" : "no-store";
            var bytes = Encoding.UTF8.GetBytes(html);
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, http.RequestAborted);
        }
    }
}
