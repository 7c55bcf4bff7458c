using System.Globalization;
using System.Text;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Widgets;

/// <summary>
/// The embed page's HTML: no framework, one inline style sheet and one tiny script (both allowed by a per-response nonce),
/// every value encoded. Accessible: the widget's language, a heading per project in a list, visible focus, the colours'
/// contrast checked when they were saved, links that say they open a new tab.
/// </summary>
public static class WidgetPage
{
    /// <summary>The static part of the style sheet; the colours come as custom properties before it.</summary>
    private const string Css = """
        *{box-sizing:border-box}
        html{background:var(--bg);color:var(--text);font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        body{margin:0;padding:1rem}
        h1{font-size:1.25rem;margin:0 0 .75rem}
        h2{font-size:1.05rem;margin:0 0 .25rem}
        p{margin:.25rem 0}
        ul{list-style:none;margin:0;padding:0;display:grid;gap:1rem}
        .cards ul{grid-template-columns:repeat(auto-fill,minmax(14rem,1fr))}
        li{border:1px solid var(--text);border-radius:.5rem;overflow:hidden}
        .list li{display:flex;gap:.75rem;align-items:flex-start;padding:.75rem}
        .list img{width:5rem;height:3.75rem;object-fit:cover;border-radius:.25rem;flex:none}
        .cards img{display:block;width:100%;aspect-ratio:16/9;object-fit:cover}
        .cards .body{padding:.75rem}
        a{color:var(--accent);text-decoration:underline;text-underline-offset:.15em}
        a:focus-visible{outline:3px solid var(--accent);outline-offset:2px;border-radius:2px}
        .phase{font-weight:600}
        .sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        .more{margin-top:1rem}
        .more a{display:inline-block;background:var(--brand);color:var(--on-brand);padding:.5rem .9rem;border-radius:.375rem;
        font-weight:600;text-decoration:none}
        .more a:hover{text-decoration:underline}
        """;

    /// <summary>Tells the framing page (embed.js) the content's height, so the frame fits it; nothing else leaves the page.</summary>
    private const string Script = """
        (function(){var d=document,id=d.documentElement.getAttribute('data-widget'),last=0;
        function send(){var h=Math.ceil(d.body.getBoundingClientRect().height);if(h!==last){last=h;
        parent.postMessage({type:'participation-widget:height',id:id,height:h},'*')}}
        if(parent!==window){addEventListener('load',send);if(window.ResizeObserver){new ResizeObserver(send).observe(d.body)}}})();
        """;

    private static string E(string value) => Embedding.Html.Encode(value);

    private static string Pick(IReadOnlyDictionary<string, string>? text, string language) =>
        text is null ? ""
        : text.TryGetValue(language, out var v) && !string.IsNullOrWhiteSpace(v) ? v
        : text.TryGetValue("fr", out var fr) ? fr
        : text.Values.FirstOrDefault() ?? "";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    /// <summary>
    /// The page's policy: nothing but its own nonce'd style and script and the API's images; framed by the widget's allowed
    /// origins and the web app only. No X-Frame-Options (it would forbid every framing; frame-ancestors replaces it).
    /// </summary>
    public static string Policy(ShowWidget.View view, string appBase, string nonce)
    {
        var app = Uri.TryCreate(appBase, UriKind.Absolute, out var u) ? u.GetLeftPart(UriPartial.Authority) : null;
        var ancestors = view.AllowedOrigins.Prepend(app).OfType<string>().Distinct().ToList();
        return $"default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; img-src 'self'; base-uri 'none'; "
            + $"form-action 'none'; frame-ancestors {(ancestors.Count == 0 ? "'none'" : string.Join(' ', ancestors))}";
    }

    public static string Render(ShowWidget.View view, string appBase, string nonce)
    {
        var t = WidgetTexts.Of(view.Language);
        var lang = t.Lang;
        // The web app's pages in the widget's language, so a resident lands in the language the widget speaks.
        var app = AppLinks.Root(appBase, lang);
        var layout = view.Layout.ToWire();
        var html = new StringBuilder(4096);
        html.Append(
                CultureInfo.InvariantCulture,
                $"<!doctype html><html lang=\"{lang}\" data-widget=\"{view.Id}\"><head><meta charset=\"utf-8\">"
            )
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(t.Heading)} · {E(view.PlatformName)}</title>")
            .Append(CultureInfo.InvariantCulture, $"<style nonce=\"{nonce}\">:root{{--accent:{view.AccentColour};--text:{view.TextColour};")
            .Append(CultureInfo.InvariantCulture, $"--bg:{view.BackgroundColour};--brand:{view.PlatformPrimaryColour};")
            .Append(CultureInfo.InvariantCulture, $"--on-brand:{view.PlatformTextOnPrimaryColour}}}\n{Css}</style></head>")
            .Append(CultureInfo.InvariantCulture, $"<body><main class=\"{layout}\"><h1>{E(t.Heading)}</h1>");
        if (view.Items.Count == 0)
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(t.Empty)}</p>");
        else
        {
            html.Append("<ul role=\"list\">"); // list-style: none drops the list semantics in some screen readers
            foreach (var item in view.Items)
                Item(html, item, t, app);
            html.Append("</ul>");
        }
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"more\"><a href=\"{E(app)}/projects\" target=\"_blank\" rel=\"noopener\">")
            .Append(E(string.Format(CultureInfo.InvariantCulture, t.AllProjects, view.PlatformName)))
            .Append(CultureInfo.InvariantCulture, $"<span class=\"sr\"> {E(t.NewTab)}</span></a></p></main>")
            .Append(CultureInfo.InvariantCulture, $"<script nonce=\"{nonce}\">{Script}</script></body></html>");
        return html.ToString();
    }

    private static void Item(StringBuilder html, ShowWidget.Item item, WidgetTexts t, string appBase)
    {
        var lang = t.Lang;
        html.Append("<li>");
        // Decorative: the title beside it says what the project is (as on the web app's project cards).
        if (item.ImageUrl is { } image)
            html.Append(CultureInfo.InvariantCulture, $"<img src=\"{E(image)}\" alt=\"\" loading=\"lazy\">");
        var href = $"{appBase}/projects/{item.Slug ?? item.Id.ToString()}";
        html.Append("<div class=\"body\"><h2>")
            .Append(CultureInfo.InvariantCulture, $"<a href=\"{E(href)}\" target=\"_blank\" rel=\"noopener\">")
            .Append(E(Pick(item.Title, lang)))
            .Append(CultureInfo.InvariantCulture, $"<span class=\"sr\"> {E(t.NewTab)}</span></a></h2>");
        var summary = Pick(item.Summary, lang);
        if (summary.Length > 0)
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(Shorten(summary, 200))}</p>");
        if (item.PhaseMethod is { } method)
        {
            var action = t.Actions[method];
            if (item.PhaseEndsAt is { } ends)
                action += " " + string.Format(CultureInfo.InvariantCulture, t.Until, t.Date(ends));
            var phase = Pick(item.PhaseTitle, lang);
            html.Append("<p class=\"phase\">").Append(phase.Length > 0 ? E(phase) + " · " : "").Append(E(action)).Append("</p>");
        }
        else if (item.Archived)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"phase\">{E(t.Archived)}</p>");
        html.Append("</div></li>");
    }

    /// <summary>The answer for an unknown widget: a plain page, with the API's default policy (it cannot be framed).</summary>
    public static string NotFound(WidgetTexts t) =>
        $"<!doctype html><html lang=\"{t.Lang}\"><head><meta charset=\"utf-8\"><title>{E(t.NotFoundTitle)}</title></head>"
        + $"<body><main><h1>{E(t.NotFoundTitle)}</h1><p>{E(t.NotFoundBody)}</p></main></body></html>";

    /// <summary>An HTML page with its own policy (or, without one, the API's default: not framed) and a short cache life.</summary>
    public sealed class Result(string html, int status, string? policy) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var response = http.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            if (policy is not null)
                response.Headers.ContentSecurityPolicy = policy;
            // Published changes show within a minute; a deleted widget stops being served as soon as caches expire.
            response.Headers.CacheControl = status == StatusCodes.Status200OK ? "public, max-age=60" : "no-store";
            var bytes = Encoding.UTF8.GetBytes(html);
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, http.RequestAborted);
        }
    }
}
