using System.Data;
using System.Text.Json;
using System.Text.Json.Serialization;
using Participation.Api.Infrastructure.Content;

namespace Participation.Api.Features.HomePage;

/// <summary>A language of the home page (one layout each).</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum HomePageLanguage
{
    Fr,
    Nl,
    En,
}

/// <summary>
/// A block of the home page, each filled by the API: the projects open to participation, those whose current phase closes
/// within 14 days, the next events, the latest results and decisions (ideas accepted or done, finished projects) and the
/// platform's figures (the dashboard's definitions, over the last 12 months).
/// </summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum HomeSectionKind
{
    OpenProjects,
    ClosingSoon,
    UpcomingEvents,
    ResultsAndDecisions,
    Figures,
}

/// <summary>
/// The banner: an optional image (a key returned by the image upload, with its alternative text, required with an image),
/// a title, a text (rich text, sanitised by the API) and an optional call to action (a label and a link: a path on the site
/// such as /projects, or an https address).
/// </summary>
public sealed record HomeBanner(string? ImageKey, string? ImageAlt, string Title, string? Text, string? CtaLabel, string? CtaLink);

/// <summary>A section of the home page: its kind, whether it is shown, and a heading replacing the standard one.</summary>
public sealed record HomeSection(HomeSectionKind Kind, bool Visible, string? Heading);

/// <summary>A home page's layout: its banner, the projects pinned on top (in order) and its sections (in order).</summary>
public sealed record HomeLayout(HomeBanner Banner, IReadOnlyList<Guid> PinnedProjectIds, IReadOnlyList<HomeSection> Sections);

/// <summary>The rules of a layout, reported under the fields' own names (layout.banner.imageAlt, layout.sections…).</summary>
public sealed class HomeLayoutRules : AbstractValidator<HomeLayout>
{
    public const int MaxPinned = 6;
    public const int MaxText = 5_000;

    public HomeLayoutRules()
    {
        RuleFor(l => l.Banner).NotNull().WithMessage(_ => Messages.Get("required"));
        RuleFor(l => l.Banner).SetValidator(new BannerRules()).When(l => l.Banner is not null);
        RuleFor(l => l.PinnedProjectIds)
            .NotNull()
            .WithMessage(_ => Messages.Get("required"))
            .Must(p => p is null || (p.Count <= MaxPinned && p.Distinct().Count() == p.Count))
            .WithMessage(_ => Messages.Get("home_pinned_too_many"));
        RuleFor(l => l.Sections)
            .NotNull()
            .WithMessage(_ => Messages.Get("required"))
            .Must(s => s is null || (s.All(x => x is not null) && s.Select(x => x.Kind).Distinct().Count() == s.Count))
            .WithMessage(_ => Messages.Get("home_sections"));
        RuleForEach(l => l.Sections)
            .ChildRules(s =>
            {
                s.RuleFor(x => x.Kind).IsInEnum();
                s.RuleFor(x => x.Heading!)
                    .Must(h => h.Trim().Length <= 120)
                    .WithMessage(_ => Messages.Get("too_long"))
                    .SingleLine()
                    .When(x => x.Heading is not null);
            })
            .When(l => l.Sections is not null && l.Sections.All(x => x is not null));
    }

    /// <summary>A link the call to action may hold: a path on this site, or an https address.</summary>
    public static bool IsLink(string? link) =>
        link is not null
        && link.Length <= 300
        && (
            (link.StartsWith('/') && !link.StartsWith("//") && !link.Any(c => char.IsControl(c) || c == '\\' || char.IsWhiteSpace(c)))
            || (Uri.TryCreate(link, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps && u.Host.Contains('.'))
        );

    private sealed class BannerRules : AbstractValidator<HomeBanner>
    {
        public BannerRules()
        {
            RuleFor(b => b.Title)
                .Cascade(CascadeMode.Stop)
                .NotEmpty()
                .WithMessage(_ => Messages.Get("required"))
                .Must(v => v.Trim().Length <= 150)
                .WithMessage(_ => Messages.Get("too_long"))
                .SingleLine();
            RuleFor(b => b.Text)
                .Must(v => v is null || (v.Length <= MaxText && !v.Contains('\0')))
                .WithMessage(_ => Messages.Get("too_long"));
            RuleFor(b => b.ImageKey)
                .Must(k => k is null || RichText.MediaKey().IsMatch(k))
                .WithMessage(_ => Messages.Get("home_image_unknown"));
            RuleFor(b => b.ImageAlt)
                .Must((b, alt) => b.ImageKey is null || !string.IsNullOrWhiteSpace(alt))
                .WithMessage(_ => Messages.Get("home_image_alt"))
                .Must(alt => alt is null || alt.Trim().Length <= 250)
                .WithMessage(_ => Messages.Get("too_long"));
            RuleFor(b => b.ImageAlt!).SingleLine().When(b => b.ImageAlt is not null);
            RuleFor(b => b.CtaLabel)
                .Must((b, label) => string.IsNullOrWhiteSpace(label) == string.IsNullOrWhiteSpace(b.CtaLink))
                .WithMessage(_ => Messages.Get("home_cta_pair"))
                .Must(label => label is null || label.Trim().Length <= 60)
                .WithMessage(_ => Messages.Get("too_long"));
            RuleFor(b => b.CtaLabel!).SingleLine().When(b => b.CtaLabel is not null);
            RuleFor(b => b.CtaLink)
                .Must(link => string.IsNullOrWhiteSpace(link) || IsLink(link.Trim()))
                .WithMessage(_ => Messages.Get("home_link"));
        }
    }
}

/// <summary>Rules shared by the home page's requests.</summary>
internal static class HomePageRules
{
    /// <summary>The language a request is about: required, fr, nl or en.</summary>
    public static IRuleBuilderOptions<T, HomePageLanguage?> RequiredLanguage<T>(this IRuleBuilder<T, HomePageLanguage?> rule) =>
        rule.NotNull().WithMessage(_ => Messages.Get("required")).IsInEnum().WithMessage(_ => Messages.Get("locale"));
}

/// <summary>The built-in layout a new platform starts with, and how layouts are cleaned, read and written.</summary>
internal static class HomeLayouts
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web);

    /// <summary>Every kind of section, shown, in the order a good home page reads.</summary>
    public static IReadOnlyList<HomeSection> DefaultSections =>
        [
            new(HomeSectionKind.OpenProjects, true, null),
            new(HomeSectionKind.ClosingSoon, true, null),
            new(HomeSectionKind.UpcomingEvents, true, null),
            new(HomeSectionKind.ResultsAndDecisions, true, null),
            new(HomeSectionKind.Figures, true, null),
        ];

    public static HomeLayout Default(string language) =>
        new(
            language switch
            {
                "nl" => new HomeBanner(
                    null,
                    null,
                    "Doe mee aan de projecten van uw gemeente",
                    "<p>Stel ideeën voor, geef uw mening, stem en volg de beslissingen.</p>",
                    "Projecten bekijken",
                    "/projects"
                ),
                "en" => new HomeBanner(
                    null,
                    null,
                    "Take part in your municipality's projects",
                    "<p>Propose ideas, give your opinion, vote and follow the decisions.</p>",
                    "See the projects",
                    "/projects"
                ),
                _ => new HomeBanner(
                    null,
                    null,
                    "Participez aux projets de votre commune",
                    "<p>Proposez des idées, donnez votre avis, votez et suivez les décisions.</p>",
                    "Voir les projets",
                    "/projects"
                ),
            },
            [],
            DefaultSections
        );

    /// <summary>The layout as stored: trimmed texts, sanitised rich text, empty optional fields as null.</summary>
    public static HomeLayout Clean(HomeLayout l)
    {
        static string? Opt(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        var b = l.Banner;
        var text = b.Text is null ? null : RichText.Sanitize(b.Text);
        return new HomeLayout(
            new HomeBanner(
                b.ImageKey,
                b.ImageKey is null ? null : Opt(b.ImageAlt),
                b.Title.Trim(),
                string.IsNullOrEmpty(text) ? null : text,
                Opt(b.CtaLabel),
                Opt(b.CtaLink)
            ),
            l.PinnedProjectIds.ToList(),
            l.Sections.Select(s => s with { Heading = Opt(s.Heading) }).ToList()
        );
    }

    public static string ToJson(HomeLayout layout) => JsonSerializer.Serialize(layout, Json);

    public static HomeLayout FromJson(string json) =>
        JsonSerializer.Deserialize<HomeLayout>(json, Json) ?? throw new InvalidOperationException("A stored home page is empty.");
}

/// <summary>
/// Who edits the home page: the pages' editors (admins and communication managers, <see cref="Pages.PageAccess"/>), in a
/// language the platform has enabled.
/// </summary>
internal static class HomePageAccess
{
    public static Task RequireEditorAsync(IDbConnection connection, Guid actorId, CancellationToken ct) =>
        Pages.PageAccess.RequireEditorAsync(connection, actorId, ct);

    private const string LanguagesSql = "SELECT languages FROM platform_settings WHERE id = 1;";

    /// <summary>Editing a language the platform has not enabled is refused (400 on language).</summary>
    public static async Task RequireEnabledAsync(IDbConnection connection, string language, CancellationToken ct)
    {
        var enabled = await connection.ExecuteScalarAsync<string[]>(new CommandDefinition(LanguagesSql, cancellationToken: ct)) ?? [];
        if (!enabled.Contains(language))
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("language", Messages.Get("home_page_language"))]);
    }
}
