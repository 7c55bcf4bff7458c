using System.Security.Cryptography;
using Participation.Api.Features.Phases;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Widgets;

/// <summary>
/// The embed page a city website frames: the widget's projects, published content only (never a draft; a chosen archived
/// project stays listed, as on the public list; "current" means published ones, newest first), as a small server-rendered
/// page of a few kilobytes. Only the widget's allowed origins and the web app (its configurator's preview) may frame it.
/// </summary>
public static class ShowWidget
{
    public sealed record Query(Guid Id) : IQuery<Response>;

    public sealed record Item(
        Guid Id,
        IReadOnlyDictionary<string, string> Title,
        IReadOnlyDictionary<string, string> Summary,
        bool Archived,
        string? ImageUrl,
        IReadOnlyDictionary<string, string>? PhaseTitle,
        PhaseMethod? PhaseMethod,
        DateTimeOffset? PhaseEndsAt,
        // The readable part of the project's address in the web app (/projects/{slug}); always sent.
        string? Slug = null
    );

    public sealed record View(
        Guid Id,
        WidgetLanguage Language,
        WidgetLayout Layout,
        string AccentColour,
        string TextColour,
        string BackgroundColour,
        IReadOnlyList<string> AllowedOrigins,
        string PlatformName,
        IReadOnlyList<Item> Items,
        string PlatformPrimaryColour = "#1d4e89",
        string PlatformTextOnPrimaryColour = "#ffffff"
    );

    /// <summary>The page's content, or none for an unknown widget.</summary>
    public sealed record Response(View? Widget);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string WidgetSql = """
            SELECT w.id, w.selection, w.project_ids, w.max_items, w.language, w.accent_colour, w.text_colour, w.background_colour,
                   w.layout, w.allowed_origins,
                   coalesce(ps.name, 'Participation') AS platform_name,
                   coalesce(ps.primary_colour, '#1d4e89') AS platform_primary_colour,
                   coalesce(ps.text_on_primary_colour, '#ffffff') AS platform_text_on_primary_colour
              FROM widgets w LEFT JOIN platform_settings ps ON ps.id = 1 WHERE w.id = @Id;
            """;

        // Each branch is served by an index (the public list's, the primary key) and bounded by the widget's size.
        private const string ProjectsSql = """
            WITH picked AS (
                (SELECT p.id, 0::bigint AS ord, p.published_at FROM projects p
                  WHERE @Selection = 'current' AND p.status = 'published'
                  ORDER BY p.published_at DESC, p.id DESC LIMIT @MaxItems)
                UNION ALL
                (SELECT p.id, c.ord, p.published_at
                   FROM unnest(@ProjectIds::uuid[]) WITH ORDINALITY AS c (id, ord) JOIN projects p ON p.id = c.id
                  WHERE @Selection = 'chosen' AND p.status IN ('published', 'archived')
                  ORDER BY c.ord LIMIT @MaxItems))
            SELECT p.id, p.slug, p.title::text AS title, p.summary::text AS summary, p.status, p.image_key,
                   cur.title::text AS phase_title, cur.method AS phase_method, cur.ends_at AS phase_ends_at
              FROM picked k
              JOIN projects p ON p.id = k.id
              LEFT JOIN LATERAL (
                    SELECT ph.title, ph.method, ph.ends_at FROM phases ph
                     WHERE ph.project_id = p.id AND ph.starts_at <= now() AND (ph.ends_at IS NULL OR ph.ends_at > now())
                     LIMIT 1) cur ON true
             ORDER BY k.ord, k.published_at DESC, k.id DESC;
            """;

        private sealed class WidgetRow
        {
            public Guid Id { get; init; }
            public string Selection { get; init; } = "";
            public Guid[] ProjectIds { get; init; } = [];
            public int MaxItems { get; init; }
            public string Language { get; init; } = "fr";
            public string AccentColour { get; init; } = "";
            public string TextColour { get; init; } = "";
            public string BackgroundColour { get; init; } = "";
            public string Layout { get; init; } = "";
            public string[] AllowedOrigins { get; init; } = [];
            public string PlatformName { get; init; } = "";
            public string PlatformPrimaryColour { get; init; } = "";
            public string PlatformTextOnPrimaryColour { get; init; } = "";
        }

        private sealed class ProjectRow
        {
            public Guid Id { get; init; }
            public string Slug { get; init; } = "";
            public string Title { get; init; } = "{}";
            public string Summary { get; init; } = "{}";
            public string Status { get; init; } = "";
            public string? ImageKey { get; init; }
            public string? PhaseTitle { get; init; }
            public string? PhaseMethod { get; init; }
            public DateTime? PhaseEndsAt { get; init; }
        }

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var w = await connection.QuerySingleOrDefaultAsync<WidgetRow>(
                new CommandDefinition(WidgetSql, new { q.Id }, cancellationToken: ct)
            );
            if (w is null)
                return new Response(null);
            var rows = await connection.QueryAsync<ProjectRow>(
                new CommandDefinition(
                    ProjectsSql,
                    new
                    {
                        w.Selection,
                        w.ProjectIds,
                        w.MaxItems,
                    },
                    cancellationToken: ct
                )
            );
            var items = rows.Select(r => new Item(
                    r.Id,
                    LocalizedText.FromJson(r.Title),
                    LocalizedText.FromJson(r.Summary),
                    r.Status == "archived",
                    Projects.GetProjectImage.UrlOf(r.Id, r.ImageKey),
                    r.PhaseTitle is null ? null : LocalizedText.FromJson(r.PhaseTitle),
                    r.PhaseMethod?.ToEnum<PhaseMethod>(),
                    r.PhaseEndsAt.AsUtc(),
                    r.Slug
                ))
                .ToList();
            return new Response(
                new View(
                    w.Id,
                    w.Language.ToEnum<WidgetLanguage>(),
                    w.Layout.ToEnum<WidgetLayout>(),
                    w.AccentColour,
                    w.TextColour,
                    w.BackgroundColour,
                    w.AllowedOrigins,
                    w.PlatformName,
                    items,
                    w.PlatformPrimaryColour,
                    w.PlatformTextOnPrimaryColour
                )
            );
        }
    }

    [EndpointSummary("The embed page of a widget (HTML; framed only by its allowed origins and the web app).")]
    public static async Task<IResult> Endpoint(Guid id, CityAddresses addresses, ISender sender, CancellationToken ct)
    {
        var view = (await sender.Send(new Query(id), ct)).Widget;
        if (view is null)
            return new WidgetPage.Result(WidgetPage.NotFound(WidgetTexts.Of(RequestLanguage.Current)), StatusCodes.Status404NotFound, null);
        var app = addresses.Current.AppBaseUrl.TrimEnd('/');
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        return new WidgetPage.Result(WidgetPage.Render(view, app, nonce), StatusCodes.Status200OK, WidgetPage.Policy(view, app, nonce));
    }
}
