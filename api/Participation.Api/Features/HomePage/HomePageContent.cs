using System.Data;
using System.Text.Json.Serialization;
using Participation.Api.Features.Figures;
using Participation.Api.Features.Media;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.HomePage;

/// <summary>Where the layout shown comes from.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum HomePageSource
{
    /// <summary>The layout published in the language asked for.</summary>
    Published,

    /// <summary>None in that language: the platform's default language's published layout.</summary>
    DefaultLanguage,

    /// <summary>Nothing published: the built-in default layout.</summary>
    BuiltIn,

    /// <summary>A staff preview of the draft.</summary>
    Draft,
}

/// <summary>What a result or decision is: an idea accepted, an idea done, or a project whose phases are all over.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum HomeResultKind
{
    IdeaAccepted,
    IdeaImplemented,
    ProjectFinished,
}

/// <summary>A project on the home page: its title and summary in the language shown, its image and its current phase.</summary>
public sealed record HomeProject(
    Guid Id,
    string Title,
    string Summary,
    string? ImageUrl,
    PhaseMethod? PhaseMethod,
    DateTimeOffset? PhaseEndsAt
);

/// <summary>A coming event (platform-wide or of a published project), not cancelled.</summary>
public sealed record HomeEvent(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? PlaceName, bool Online);

/// <summary>A result or a decision: for an idea, <see cref="Id"/> is the idea's; for a project, the project's.</summary>
public sealed record HomeResult(HomeResultKind Kind, Guid Id, Guid ProjectId, string Title, string ProjectTitle, DateTimeOffset At);

/// <summary>A platform figure over the last 12 months (the dashboard's definition, counting public projects only).</summary>
public sealed record HomeFigure(FigureKey Key, string Label, string Definition, decimal? Value);

/// <summary>
/// A home page as readers (or, for a preview, its editors) see it: the layout with what each visible section shows.
/// </summary>
/// <param name="ImageUrl">The banner image's public address (null without an image).</param>
/// <param name="Sections">The visible sections, in order.</param>
public sealed record HomePageView(
    HomePageLanguage Language,
    HomePageSource Source,
    HomeBanner Banner,
    string? ImageUrl,
    IReadOnlyList<HomeSection> Sections,
    IReadOnlyList<HomeProject> PinnedProjects,
    IReadOnlyList<HomeProject> OpenProjects,
    IReadOnlyList<HomeProject> ClosingSoon,
    IReadOnlyList<HomeEvent> UpcomingEvents,
    IReadOnlyList<HomeResult> ResultsAndDecisions,
    IReadOnlyList<HomeFigure> Figures,
    DateTimeOffset? PublishedAt
);

/// <summary>
/// Fills a layout's sections in one batch of statements (pinned projects, open projects, closing soon, events, results),
/// plus the figures' two when the figures are shown: a constant number whatever the layout. A hidden section's statement
/// is still sent (the batch keeps its shape) but reads nothing: its flag is false.
/// </summary>
internal static class HomePageContent
{
    public const int ClosingSoonDays = 14;
    public const int ListSize = 6;
    public const int EventsSize = 3;

    public static readonly FigureKey[] ShownFigures = [FigureKey.Participants, FigureKey.Ideas, FigureKey.Votes, FigureKey.OfficialAnswers];

    private const string ProjectColumns = """
        p.id, coalesce(p.title ->> @Lang, p.title ->> 'fr') AS title,
        coalesce(p.summary ->> @Lang, p.summary ->> 'fr', '') AS summary, p.image_key, cur.method AS phase_method,
        cur.ends_at AS phase_ends_at
        """;

    private const string CurrentPhase = """
        LEFT JOIN LATERAL (
            SELECT ph.method, ph.ends_at FROM phases ph
             WHERE ph.project_id = p.id AND ph.starts_at <= now() AND (ph.ends_at IS NULL OR ph.ends_at > now())
             ORDER BY ph.starts_at DESC LIMIT 1) cur ON true
        """;

    private const string Sql = $"""
        SELECT {ProjectColumns} FROM projects p {CurrentPhase}
         WHERE p.id = ANY(@Pinned) AND p.status = 'published';

        SELECT {ProjectColumns} FROM projects p {CurrentPhase}
         WHERE @Open AND p.status = 'published' AND cur.method IS NOT NULL AND cur.method <> 'information'
         ORDER BY p.published_at DESC, p.id DESC LIMIT @Size;

        SELECT {ProjectColumns} FROM projects p {CurrentPhase}
         WHERE @Closing AND p.status = 'published' AND cur.ends_at <= now() + make_interval(days => @ClosingDays)
         ORDER BY cur.ends_at, p.id LIMIT @Size;

        SELECT e.id, coalesce(e.title ->> @Lang, e.title ->> 'fr') AS title, e.starts_at, e.ends_at, e.place_name,
               e.online_url IS NOT NULL AS online
          FROM calendar_events e LEFT JOIN projects p ON p.id = e.project_id
         WHERE @Events AND e.status = 'scheduled' AND e.ends_at > now()
           AND (e.project_id IS NULL OR p.status IN ('published', 'archived'))
         ORDER BY e.starts_at, e.id LIMIT @EventsSize;

        SELECT * FROM (
            SELECT * FROM (
            SELECT DISTINCT ON (i.id) CASE c.to_status WHEN 'accepted' THEN 'idea_accepted' ELSE 'idea_implemented' END AS kind,
                   i.id, i.project_id, i.title, coalesce(p.title ->> @Lang, p.title ->> 'fr') AS project_title, c.created_at AS at
              FROM (SELECT * FROM idea_status_changes
                     WHERE @Results AND to_status IN ('accepted', 'implemented') ORDER BY id DESC LIMIT 50) c
              JOIN ideas i ON i.id = c.idea_id AND i.status = c.to_status AND i.listed
              JOIN projects p ON p.id = i.project_id AND p.status IN ('published', 'archived')
             ORDER BY i.id, c.id DESC) d
            UNION ALL
            SELECT * FROM (
                SELECT 'project_finished', p.id, p.id, coalesce(p.title ->> @Lang, p.title ->> 'fr'),
                       coalesce(p.title ->> @Lang, p.title ->> 'fr'), last.ended
                  FROM projects p
                  JOIN LATERAL (SELECT max(ph.ends_at) AS ended, bool_or(ph.ends_at IS NULL OR ph.ends_at > now()) AS running
                                  FROM phases ph WHERE ph.project_id = p.id) last ON last.ended IS NOT NULL AND NOT last.running
                 WHERE @Results AND p.status IN ('published', 'archived')
                 ORDER BY last.ended DESC LIMIT @Size) f
        ) r ORDER BY r.at DESC, r.id LIMIT @Size;

        SELECT id FROM projects WHERE @Figures AND status IN ('published', 'archived');
        """;

    private sealed record ProjectRow(Guid Id, string Title, string Summary, string? ImageKey, string? PhaseMethod, DateTime? PhaseEndsAt);

    private sealed record EventRow(Guid Id, string Title, DateTime StartsAt, DateTime EndsAt, string? PlaceName, bool Online);

    private sealed record ResultRow(string Kind, Guid Id, Guid ProjectId, string Title, string ProjectTitle, DateTime At);

    public static async Task<HomePageView> BuildAsync(
        IDbConnection connection,
        string language,
        HomePageSource source,
        HomeLayout layout,
        DateTimeOffset? publishedAt,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var visible = layout.Sections.Where(s => s.Visible).ToList();
        bool Shows(HomeSectionKind kind) => visible.Any(s => s.Kind == kind);
        var args = new
        {
            Lang = language,
            Pinned = layout.PinnedProjectIds.ToArray(),
            Size = ListSize,
            EventsSize,
            ClosingDays = ClosingSoonDays,
            Open = Shows(HomeSectionKind.OpenProjects),
            Closing = Shows(HomeSectionKind.ClosingSoon),
            Events = Shows(HomeSectionKind.UpcomingEvents),
            Results = Shows(HomeSectionKind.ResultsAndDecisions),
            Figures = Shows(HomeSectionKind.Figures),
        };
        using var grid = await connection.QueryMultipleAsync(new CommandDefinition(Sql, args, cancellationToken: ct));
        var pinnedRows = (await grid.ReadAsync<ProjectRow>()).ToDictionary(r => r.Id);
        var open = (await grid.ReadAsync<ProjectRow>()).Select(Project).ToList();
        var closing = (await grid.ReadAsync<ProjectRow>()).Select(Project).ToList();
        var events = (await grid.ReadAsync<EventRow>())
            .Select(e => new HomeEvent(e.Id, e.Title, e.StartsAt.AsUtc(), e.EndsAt.AsUtc(), e.PlaceName, e.Online))
            .ToList();
        var results = (await grid.ReadAsync<ResultRow>())
            .Select(r => new HomeResult(r.Kind.ToEnum<HomeResultKind>(), r.Id, r.ProjectId, r.Title, r.ProjectTitle, r.At.AsUtc()))
            .ToList();
        var publicProjects = (await grid.ReadAsync<Guid>()).ToArray();

        var figures = new List<HomeFigure>();
        if (Shows(HomeSectionKind.Figures))
        {
            var (_, _, period) = PeriodQuery.Resolve(PeriodQuery.Today(clock).AddDays(-364), null, clock);
            var scope = new FigureScope(FigureScopeType.Platform, null, "", null, null, null);
            var set = await FigureQueries.ComputeAsync(
                connection,
                scope,
                publicProjects,
                period,
                FigureQueries.DefaultWaitingDays,
                language,
                ct
            );
            figures = set
                .Figures.Where(f => ShownFigures.Contains(f.Key))
                .Select(f => new HomeFigure(f.Key, f.Label, f.Definition, f.Value))
                .ToList();
        }

        return new HomePageView(
            language.ToEnum<HomePageLanguage>(),
            source,
            layout.Banner,
            layout.Banner.ImageKey is { } key ? MediaAccess.UrlOf(key) : null,
            visible,
            layout.PinnedProjectIds.Where(pinnedRows.ContainsKey).Select(id => Project(pinnedRows[id])).ToList(),
            open,
            closing,
            events,
            results,
            figures,
            publishedAt
        );
    }

    private static HomeProject Project(ProjectRow r) =>
        new(
            r.Id,
            r.Title,
            r.Summary,
            Projects.GetProjectImage.UrlOf(r.Id, r.ImageKey),
            r.PhaseMethod?.ToEnum<PhaseMethod>(),
            r.PhaseEndsAt.AsUtc()
        );
}
