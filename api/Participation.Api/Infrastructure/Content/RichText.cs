using Ganss.Xss;

namespace Participation.Api.Infrastructure.Content;

/// <summary>
/// Rich text written by staff is sanitised server-side with an allow-list before it is stored: headings,
/// paragraphs, emphasis, lists, quotes, http(s)/mailto links (opened safely) and images uploaded to this API (an
/// <c>img</c> whose <c>src</c> is this API's own relative media URL, <c>/api/v1/media/{key}</c>, with its <c>alt</c>); no
/// scripts, styles, event handlers, iframes, nor images from anywhere else (an absolute URL, even to this API, is dropped:
/// stored texts do not depend on the host that serves them).
/// </summary>
public static partial class RichText
{
    /// <summary>A media key as uploads generate them (see Features/Media).</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-f]{32}\\.(png|jpg|webp)$")]
    public static partial System.Text.RegularExpressions.Regex MediaKey();

    private const string MediaPath = "/api/v1/media/";

    private static bool IsOwnMedia(string? src) =>
        src is not null && src.StartsWith(MediaPath, StringComparison.Ordinal) && MediaKey().IsMatch(src[MediaPath.Length..]);

    private static readonly HtmlSanitizer Sanitizer = Create();

    private static HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p",
                "br",
                "strong",
                "b",
                "em",
                "i",
                "u",
                "s",
                "ul",
                "ol",
                "li",
                "a",
                "h2",
                "h3",
                "h4",
                "blockquote",
                "img",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "src", "alt" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement a)
            {
                a.SetAttribute("rel", "noopener noreferrer nofollow");
                a.SetAttribute("target", "_blank");
            }
        };
        // Images: only this API's own media, always with an alt text (empty: decorative); src and alt on img only.
        sanitizer.PostProcessDom += (_, e) =>
        {
            foreach (var element in e.Document.Body?.QuerySelectorAll("[src], [alt], img").ToList() ?? [])
            {
                if (element is not AngleSharp.Html.Dom.IHtmlImageElement)
                {
                    element.RemoveAttribute("src");
                    element.RemoveAttribute("alt");
                }
                else if (!IsOwnMedia(element.GetAttribute("src")))
                    element.Remove();
                else if (!element.HasAttribute("alt"))
                    element.SetAttribute("alt", "");
            }
        };
        return sanitizer;
    }

    public static string Sanitize(string html) => Sanitizer.Sanitize(html).Trim();

    /// <summary>Every translation of a multilingual rich text, sanitised; empty ones dropped.</summary>
    public static Dictionary<string, string> Sanitize(IReadOnlyDictionary<string, string>? text) =>
        (text ?? new Dictionary<string, string>())
            .Select(kv => (kv.Key, Value: Sanitize(kv.Value ?? "")))
            .Where(kv => kv.Value.Length > 0)
            .ToDictionary(kv => kv.Key, kv => kv.Value);

    /// <summary>A short plain excerpt of a text, markup removed (notifications, lists, the moderation queue).</summary>
    public static string Excerpt(string? text, int max = 280)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var plain = System.Text.RegularExpressions.Regex.Replace(text, "<[^>]*>", " ");
        plain = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(plain, @"\s+", " ")).Trim();
        return plain.Length <= max ? plain : plain[..(max - 1)].TrimEnd() + "…";
    }
}
