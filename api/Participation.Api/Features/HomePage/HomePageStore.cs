using System.Data;

namespace Participation.Api.Features.HomePage;

/// <summary>A home page's row: its draft, its published layout and its version (none yet: version 0).</summary>
internal static class HomePageStore
{
    public sealed record Row(string Language, string Draft, string? Published, int Version, DateTime UpdatedAt, DateTime? PublishedAt);

    private const string Sql = """
        SELECT language, draft::text AS draft, published::text AS published, version, updated_at, published_at
          FROM home_pages WHERE language = @Language
        """;

    public static Task<Row?> ReadAsync(
        IDbConnection connection,
        IDbTransaction? tx,
        string language,
        bool forUpdate,
        CancellationToken ct
    ) =>
        connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(Sql + (forUpdate ? " FOR UPDATE;" : ";"), new { Language = language }, tx, cancellationToken: ct)
        );

    /// <summary>The draft's layout: the built-in one when nothing was saved yet.</summary>
    public static HomeLayout DraftLayout(string language, Row? row) =>
        row is null ? HomeLayouts.Default(language) : HomeLayouts.FromJson(row.Draft);

    /// <summary>The draft as its editors see it: the built-in layout (version 0) when nothing was saved yet.</summary>
    public static HomePageDraft Draft(string language, Row? row)
    {
        var layout = DraftLayout(language, row);
        return new HomePageDraft(
            language.ToEnum<HomePageLanguage>(),
            row?.Version ?? 0,
            layout,
            layout.Banner.ImageKey is { } key ? Media.MediaAccess.UrlOf(key) : null,
            row?.Published is not null,
            row?.Published is not null && !SameJson(row.Draft, row.Published),
            row?.UpdatedAt.AsUtc(),
            row?.PublishedAt.AsUtc()
        );
    }

    public static bool SameJson(string a, string b) =>
        System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(a), System.Text.Json.Nodes.JsonNode.Parse(b));

    /// <summary>What an audit entry keeps of a layout (the banner's text by its length: the text itself is on the page).</summary>
    public static object Audit(HomeLayout l) =>
        new
        {
            banner = new
            {
                l.Banner.Title,
                l.Banner.ImageKey,
                l.Banner.ImageAlt,
                textLength = l.Banner.Text?.Length ?? 0,
                l.Banner.CtaLabel,
                l.Banner.CtaLink,
            },
            pinnedProjectIds = l.PinnedProjectIds,
            sections = l.Sections.Select(s => new
            {
                kind = s.Kind.ToWire(),
                s.Visible,
                s.Heading,
            }),
        };
}

/// <summary>
/// The home page in one language as its editors see it.
/// </summary>
/// <param name="Version">What a save or a publication names (0: nothing saved yet, the built-in layout is shown).</param>
/// <param name="ImageUrl">The draft banner image's public address.</param>
/// <param name="IsPublished">A layout is published in this language.</param>
/// <param name="HasUnpublishedChanges">The draft differs from the published layout.</param>
public sealed record HomePageDraft(
    HomePageLanguage Language,
    int Version,
    HomeLayout Layout,
    string? ImageUrl,
    bool IsPublished,
    bool HasUnpublishedChanges,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? PublishedAt
);
