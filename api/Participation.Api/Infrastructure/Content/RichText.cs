using Ganss.Xss;

namespace Participation.Api.Infrastructure.Content;

/// <summary>
/// Rich text written by staff is sanitised server-side with an allow-list before it is stored: headings,
/// paragraphs, emphasis, lists, quotes and http(s)/mailto links (opened safely); no scripts, styles,
/// event handlers, iframes or images.
/// </summary>
public static class RichText
{
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
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
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
