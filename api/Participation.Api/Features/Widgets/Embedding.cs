using System.Text.Encodings.Web;
using System.Text.Unicode;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Widgets;

/// <summary>Where the embed page is served (the API's public address) and where its links lead (the web app).</summary>
public sealed record WidgetLinks(string EmbedBase, string AppBase)
{
    /// <summary>The city's API address when configured, else the address this request reached; the city's web app's.</summary>
    public static WidgetLinks For(HttpRequest request, CityAddresses addresses)
    {
        var o = addresses.Current;
        var api = string.IsNullOrWhiteSpace(o.ApiBaseUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : o.ApiBaseUrl;
        return new WidgetLinks(api.TrimEnd('/'), o.AppBaseUrl.TrimEnd('/'));
    }
}

/// <summary>A widget's row, and how it becomes what staff see: its settings, embed address and snippets.</summary>
internal static class Embedding
{
    /// <summary>Encodes text for HTML content and attribute values; letters of every script stay readable.</summary>
    public static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public const string Columns = """
        id, name, selection, project_ids, max_items, language, accent_colour, text_colour, background_colour, layout, width, height,
        allowed_origins, created_at, updated_at
        """;

    public sealed class Row
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Selection { get; init; } = "";
        public Guid[] ProjectIds { get; init; } = [];
        public int MaxItems { get; init; }
        public string Language { get; init; } = "fr";
        public string AccentColour { get; init; } = "";
        public string TextColour { get; init; } = "";
        public string BackgroundColour { get; init; } = "";
        public string Layout { get; init; } = "";
        public int Width { get; init; }
        public int Height { get; init; }
        public string[] AllowedOrigins { get; init; } = [];
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
    }

    /// <summary>The settings as recorded in events (before/after), by their contract names.</summary>
    public static (string Field, object? Value)[] Fields(this WidgetRules.Normalised w) =>
        [
            ("name", w.Name),
            ("selection", w.Selection),
            ("projectIds", w.ProjectIds),
            ("maxItems", w.MaxItems),
            ("language", w.Language),
            ("accentColour", w.AccentColour),
            ("textColour", w.TextColour),
            ("backgroundColour", w.BackgroundColour),
            ("layout", w.Layout),
            ("width", w.Width),
            ("height", w.Height),
            ("allowedOrigins", w.AllowedOrigins),
        ];

    public static WidgetRules.Normalised Settings(this Row r) =>
        new(
            r.Name,
            r.Selection.ToEnum<WidgetSelection>(),
            r.ProjectIds,
            r.MaxItems,
            r.Language.ToEnum<WidgetLanguage>(),
            r.AccentColour,
            r.TextColour,
            r.BackgroundColour,
            r.Layout.ToEnum<WidgetLayout>(),
            r.Width,
            r.Height,
            r.AllowedOrigins
        );

    /// <summary>The parameters of an INSERT or UPDATE from normalised settings.</summary>
    public static object Parameters(Guid id, WidgetRules.Normalised w) =>
        new
        {
            Id = id,
            w.Name,
            Selection = w.Selection.ToWire(),
            w.ProjectIds,
            w.MaxItems,
            Language = w.Language.ToWire(),
            w.AccentColour,
            w.TextColour,
            w.BackgroundColour,
            Layout = w.Layout.ToWire(),
            w.Width,
            w.Height,
            w.AllowedOrigins,
        };

    public static Widget ToWidget(this Row r, WidgetLinks links)
    {
        var s = r.Settings();
        var embedUrl = $"{links.EmbedBase}/embed/widgets/{r.Id}";
        return new Widget(
            r.Id,
            s.Name,
            s.Selection,
            s.ProjectIds,
            s.MaxItems,
            s.Language,
            s.AccentColour,
            s.TextColour,
            s.BackgroundColour,
            s.Layout,
            s.Width,
            s.Height,
            s.AllowedOrigins,
            r.CreatedAt.AsUtc(),
            r.UpdatedAt.AsUtc(),
            embedUrl,
            Snippets(r.Id, s, embedUrl, links)
        );
    }

    /// <summary>
    /// The iframe; the script that inserts the same iframe and follows the page's height; the "participate" button, a plain
    /// link in the widget's language and colours (no script).
    /// </summary>
    public static WidgetSnippets Snippets(Guid id, WidgetRules.Normalised s, string embedUrl, WidgetLinks links)
    {
        var texts = WidgetTexts.Of(s.Language);
        var title = Html.Encode(texts.Heading);
        var iframe =
            $"<iframe src=\"{Html.Encode(embedUrl)}\" title=\"{title}\" width=\"{s.Width}\" height=\"{s.Height}\" "
            + "style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>";
        var script =
            $"<script src=\"{Html.Encode(links.EmbedBase)}/embed/embed.js\" data-participation-widget=\"{id}\" data-title=\"{title}\" "
            + $"data-width=\"{s.Width}\" data-height=\"{s.Height}\" async></script>";
        var projects = AppLinks.To(links.AppBase, texts.Lang, "/projects");
        var button =
            $"<a href=\"{Html.Encode(projects)}\" lang=\"{texts.Lang}\" style=\"display:inline-block;padding:0.75em 1.25em;"
            + $"border-radius:0.375em;background:{s.AccentColour};color:{s.BackgroundColour};font:600 1rem/1.2 system-ui,sans-serif;"
            + $"text-decoration:none\">{Html.Encode(texts.Button)}</a>";
        return new WidgetSnippets(iframe, script, button);
    }
}
