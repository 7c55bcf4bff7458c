using System.Text.Json.Serialization;
using Participation.Api.Features.Platform;

namespace Participation.Api.Features.Widgets;

/// <summary>Which projects a widget lists: the platform's current (published) projects, newest first, or chosen ones in order.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum WidgetSelection
{
    Current,
    Chosen,
}

/// <summary>The language of a widget's text (one of the platform's languages).</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum WidgetLanguage
{
    Fr,
    Nl,
    En,
}

/// <summary>How a widget lays its projects out: a compact list, or cards with their images.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum WidgetLayout
{
    List,
    Cards,
}

/// <summary>The settings the rules check (see <see cref="WidgetSettings"/>).</summary>
public interface IWidgetSettings
{
    string? Name { get; }
    WidgetSelection? Selection { get; }
    IReadOnlyList<Guid>? ProjectIds { get; }
    int? MaxItems { get; }
    WidgetLanguage? Language { get; }
    string? AccentColour { get; }
    string? TextColour { get; }
    string? BackgroundColour { get; }
    WidgetLayout? Layout { get; }
    int? Width { get; }
    int? Height { get; }
    IReadOnlyList<string>? AllowedOrigins { get; }
}

/// <summary>A widget's settings as sent by staff, creating it or replacing them (absent optional fields take their defaults).</summary>
public sealed record WidgetSettings(
    string? Name,
    WidgetSelection? Selection,
    IReadOnlyList<Guid>? ProjectIds,
    int? MaxItems,
    WidgetLanguage? Language,
    string? AccentColour,
    string? TextColour,
    string? BackgroundColour,
    WidgetLayout? Layout,
    int? Width,
    int? Height,
    IReadOnlyList<string>? AllowedOrigins
);

/// <summary>A command carrying widget settings, validated by <see cref="WidgetSettingsRules{T}"/> under the fields' own names.</summary>
public abstract record WidgetSettingsMessage(WidgetSettings Settings) : IWidgetSettings
{
    public string? Name => Settings.Name;
    public WidgetSelection? Selection => Settings.Selection;
    public IReadOnlyList<Guid>? ProjectIds => Settings.ProjectIds;
    public int? MaxItems => Settings.MaxItems;
    public WidgetLanguage? Language => Settings.Language;
    public string? AccentColour => Settings.AccentColour;
    public string? TextColour => Settings.TextColour;
    public string? BackgroundColour => Settings.BackgroundColour;
    public WidgetLayout? Layout => Settings.Layout;
    public int? Width => Settings.Width;
    public int? Height => Settings.Height;
    public IReadOnlyList<string>? AllowedOrigins => Settings.AllowedOrigins;
}

/// <summary>The snippets to paste into the city's website: an iframe, a script that inserts one, and a "participate" button.</summary>
public sealed record WidgetSnippets(string Iframe, string Script, string Button);

/// <summary>A widget as staff see it, with the address of its embed page and its snippets.</summary>
public sealed record Widget(
    Guid Id,
    string Name,
    WidgetSelection Selection,
    IReadOnlyList<Guid> ProjectIds,
    int MaxItems,
    WidgetLanguage Language,
    string AccentColour,
    string TextColour,
    string BackgroundColour,
    WidgetLayout Layout,
    int Width,
    int Height,
    IReadOnlyList<string> AllowedOrigins,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string EmbedUrl,
    WidgetSnippets Snippets
);

/// <summary>The defaults, limits and rules of widget settings, shared by creating and editing.</summary>
public static class WidgetRules
{
    public const int MaxProjects = 12;
    public const int MaxOrigins = 10;
    public const double MinContrast = 4.5;
    public const string DefaultAccent = "#1d4ed8";
    public const string DefaultText = "#1f2933";
    public const string DefaultBackground = "#ffffff";

    /// <summary>The settings with defaults applied and values normalised (colours and origins lower case, ids deduplicated).</summary>
    public sealed record Normalised(
        string Name,
        WidgetSelection Selection,
        Guid[] ProjectIds,
        int MaxItems,
        WidgetLanguage Language,
        string AccentColour,
        string TextColour,
        string BackgroundColour,
        WidgetLayout Layout,
        int Width,
        int Height,
        string[] AllowedOrigins
    );

    /// <summary>Only once validated.</summary>
    public static Normalised Normalise(IWidgetSettings s) =>
        new(
            s.Name!.Trim(),
            s.Selection!.Value,
            s.Selection == WidgetSelection.Chosen ? (s.ProjectIds ?? []).Distinct().ToArray() : [],
            s.MaxItems ?? 6,
            s.Language!.Value,
            (s.AccentColour ?? DefaultAccent).ToLowerInvariant(),
            (s.TextColour ?? DefaultText).ToLowerInvariant(),
            (s.BackgroundColour ?? DefaultBackground).ToLowerInvariant(),
            s.Layout ?? WidgetLayout.Cards,
            s.Width ?? 400,
            s.Height ?? 600,
            (s.AllowedOrigins ?? []).Select(o => Origin(o)!).Distinct().ToArray()
        );

    /// <summary>
    /// A website origin as CSP frame-ancestors takes it: scheme://host[:port], lower case, no path, query, fragment, user or
    /// wildcard (one trailing slash is forgiven). https only, except http://localhost and http://127.0.0.1 (tests, local
    /// previews). Null when the value is not such an origin.
    /// </summary>
    public static string? Origin(string? value)
    {
        if (value is null)
            return null;
        var v = value.Trim();
        if (v.EndsWith('/'))
            v = v[..^1];
        var scheme = v.IndexOf("://", StringComparison.Ordinal);
        if (
            v.Length is 0 or > 200
            || scheme < 0
            || v[(scheme + 3)..].Any(ch => ch is '/' or '\\' or '?' or '#' or '@' or '*' or ';' or ',' or '\'' or '"')
            || v.Any(ch => char.IsWhiteSpace(ch) || char.IsControl(ch))
            || !Uri.TryCreate(v, UriKind.Absolute, out var uri)
        )
            return null;
        var allowed =
            uri.Scheme == Uri.UriSchemeHttps
                ? uri.HostNameType == UriHostNameType.Dns || Loopback(uri)
                : uri.Scheme == Uri.UriSchemeHttp && Loopback(uri);
        if (!allowed || uri.UserInfo.Length > 0 || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            return null;
        var host = uri.IdnHost.ToLowerInvariant();
        if (
            host.Length == 0
            || !host.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-')
            || host[0] is '.' or '-'
            || host[^1] == '.'
        )
            return null;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }

    private static bool Loopback(Uri uri) => uri.Host is "localhost" or "127.0.0.1";
}

/// <summary>The rules of widget settings, shared by creating and editing.</summary>
public sealed class WidgetSettingsRules<T> : AbstractValidator<T>
    where T : IWidgetSettings
{
    public WidgetSettingsRules()
    {
        RuleFor(s => s.Name!)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithMessage(_ => Messages.Get("required"))
            .Must(n => n.Trim().Length is >= 1 and <= 120)
            .WithMessage(_ => Messages.Get("too_long"))
            .SingleLine();
        RuleFor(s => s.Selection).NotNull().WithMessage(_ => Messages.Get("required"));
        RuleFor(s => s.Selection).IsInEnum().WithMessage(_ => Messages.Get("one_of_widget_selections"));
        RuleFor(s => s.ProjectIds)
            .Must(ids => ids is { Count: >= 1 and <= WidgetRules.MaxProjects })
            .When(s => s.Selection == WidgetSelection.Chosen)
            .WithMessage(_ => Messages.Get("widget_projects_chosen", WidgetRules.MaxProjects));
        RuleFor(s => s.ProjectIds)
            .Must(ids => ids is null or { Count: 0 })
            .When(s => s.Selection == WidgetSelection.Current)
            .WithMessage(_ => Messages.Get("widget_projects_current"));
        RuleFor(s => s.MaxItems).InclusiveBetween(1, WidgetRules.MaxProjects);
        RuleFor(s => s.Language).NotNull().WithMessage(_ => Messages.Get("required"));
        RuleFor(s => s.Language).IsInEnum().WithMessage(_ => Messages.Get("locale"));
        RuleFor(s => s.Layout).IsInEnum().WithMessage(_ => Messages.Get("one_of_widget_layouts"));
        RuleFor(s => s.Width).InclusiveBetween(200, 1600);
        RuleFor(s => s.Height).InclusiveBetween(150, 2000);
        RuleFor(s => s.AccentColour).Must(c => c is null || Colours.IsColour(c)).WithMessage(_ => Messages.Get("widget_colour"));
        RuleFor(s => s.TextColour).Must(c => c is null || Colours.IsColour(c)).WithMessage(_ => Messages.Get("widget_colour"));
        RuleFor(s => s.BackgroundColour).Must(c => c is null || Colours.IsColour(c)).WithMessage(_ => Messages.Get("widget_colour"));
        // Text and links (the accent) on the background, and the button's text (the background) on the accent: WCAG AA.
        RuleFor(s => s)
            .Custom(
                (s, context) =>
                {
                    string[] colours =
                    [
                        s.AccentColour ?? WidgetRules.DefaultAccent,
                        s.TextColour ?? WidgetRules.DefaultText,
                        s.BackgroundColour ?? WidgetRules.DefaultBackground,
                    ];
                    if (!colours.All(Colours.IsColour))
                        return;
                    var text = Colours.Contrast(colours[1], colours[2]);
                    if (text < WidgetRules.MinContrast)
                        context.AddFailure(nameof(IWidgetSettings.TextColour), Messages.Get("widget_contrast_text", Colours.Ratio(text)));
                    var accent = Colours.Contrast(colours[0], colours[2]);
                    if (accent < WidgetRules.MinContrast)
                        context.AddFailure(
                            nameof(IWidgetSettings.AccentColour),
                            Messages.Get("widget_contrast_accent", Colours.Ratio(accent))
                        );
                }
            );
        RuleFor(s => s.AllowedOrigins)
            .Must(o => o is null || o.Count <= WidgetRules.MaxOrigins)
            .WithMessage(_ => Messages.Get("widget_origins_max", WidgetRules.MaxOrigins))
            .DependentRules(() =>
                RuleFor(s => s.AllowedOrigins)
                    .Custom(
                        (origins, context) =>
                        {
                            var bad = origins?.ToList().FindIndex(o => WidgetRules.Origin(o) is null) ?? -1;
                            if (bad >= 0)
                                context.AddFailure(
                                    nameof(IWidgetSettings.AllowedOrigins),
                                    Messages.Get("widget_origin", Shorten(origins![bad]))
                                );
                        }
                    )
            );
    }

    private static string Shorten(string? value) =>
        value is null ? "null"
        : value.Length <= 60 ? value
        : value[..60] + "…";
}

/// <summary>Who configures widgets: admins, IT managers and communication managers (platform roles).</summary>
internal static class WidgetAccess
{
    private const string Sql = """
        SELECT EXISTS (SELECT 1 FROM user_roles
                        WHERE user_id = @ActorId AND role IN ('admin', 'it_manager', 'communication_manager'));
        """;

    public static async Task RequireStaffAsync(System.Data.IDbConnection connection, Guid actorId, CancellationToken ct)
    {
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Sql, new { ActorId = actorId }, cancellationToken: ct)))
            throw new ForbiddenException();
    }

    private const string KnownSql = "SELECT id FROM projects WHERE id = ANY(@Ids);";

    /// <summary>Chosen projects must exist (drafts may be chosen: the embed page shows them once published).</summary>
    public static async Task RequireKnownProjectsAsync(
        System.Data.IDbConnection connection,
        System.Data.IDbTransaction tx,
        Guid[] ids,
        CancellationToken ct
    )
    {
        if (ids.Length == 0)
            return;
        var known = (
            await connection.QueryAsync<Guid>(new CommandDefinition(KnownSql, new { Ids = ids }, tx, cancellationToken: ct))
        ).ToHashSet();
        var unknown = ids.Where(id => !known.Contains(id)).ToArray();
        if (unknown.Length > 0)
            throw new ValidationException([
                new FluentValidation.Results.ValidationFailure("projectIds", Messages.Get("widget_project_unknown", unknown[0])),
            ]);
    }
}
