using System.Data;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Participation.Api.Infrastructure.Content;

namespace Participation.Api.Features.Pages;

/// <summary>
/// What a page is: one of the standard pages every platform has (once each: about, privacy policy, terms of use,
/// accessibility statement, frequently asked questions), or a free page.
/// </summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum PageKind
{
    About,
    Privacy,
    Terms,
    Accessibility,
    Faq,
    Free,
}

/// <summary>A draft is seen by its editors only; a published page by everyone.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum PageStatus
{
    Draft,
    Published,
}

/// <summary>A language of the platform's pages.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum PageLanguage
{
    Fr,
    Nl,
    En,
}

/// <summary>
/// A page's text in one language: its title, its slug (the readable part of its address: lowercase letters, digits and
/// hyphens) and its body, rich text sanitised by the API (headings, lists, links, the platform's own images).
/// </summary>
public sealed record PageText(string Title, string Slug, string Body);

/// <summary>A page's texts per language; a language left out has no text (readers then get the default language's).</summary>
public sealed record PageTexts(PageText? Fr, PageText? Nl, PageText? En)
{
    public IEnumerable<(string Language, PageText Text)> Present()
    {
        if (Fr is not null)
            yield return ("fr", Fr);
        if (Nl is not null)
            yield return ("nl", Nl);
        if (En is not null)
            yield return ("en", En);
    }
}

/// <summary>A page as its editors see it: every language, its status, footer placement and version.</summary>
public sealed record Page(
    Guid Id,
    PageKind Kind,
    PageStatus Status,
    bool InFooter,
    int FooterOrder,
    int Version,
    PageTexts Texts,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt
);

/// <summary>The editable part of a page, as staff send it (creating or saving).</summary>
public interface IPageContent
{
    PageTexts? Texts { get; }
    bool InFooter { get; }
    int FooterOrder { get; }
}

/// <summary>The rules of a page's content, reported under the fields' own names (texts.fr.slug, footerOrder…).</summary>
public sealed partial class PageContentRules<T> : AbstractValidator<T>
    where T : IPageContent
{
    public const int MaxBody = 100_000;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex Slug();

    public PageContentRules()
    {
        RuleFor(c => c.Texts)
            .NotNull()
            .WithMessage(_ => Messages.Get("required"))
            .Must(t => t is null || t.Present().Any())
            .WithMessage(_ => Messages.Get("page_text_required"));
        RuleFor(c => c.Texts!.Fr!).SetValidator(new TextRules()).When(c => c.Texts?.Fr is not null).OverridePropertyName("texts.fr");
        RuleFor(c => c.Texts!.Nl!).SetValidator(new TextRules()).When(c => c.Texts?.Nl is not null).OverridePropertyName("texts.nl");
        RuleFor(c => c.Texts!.En!).SetValidator(new TextRules()).When(c => c.Texts?.En is not null).OverridePropertyName("texts.en");
        RuleFor(c => c.FooterOrder).InclusiveBetween(0, 999);
    }

    private sealed class TextRules : AbstractValidator<PageText>
    {
        public TextRules()
        {
            RuleFor(t => t.Title)
                .Cascade(CascadeMode.Stop)
                .NotEmpty()
                .WithMessage(_ => Messages.Get("required"))
                .Must(v => v.Trim().Length <= 150)
                .WithMessage(_ => Messages.Get("too_long"))
                .SingleLine();
            RuleFor(t => t.Slug)
                .Cascade(CascadeMode.Stop)
                .NotEmpty()
                .WithMessage(_ => Messages.Get("required"))
                .Must(v => v.Length <= 80 && Slug().IsMatch(v))
                .WithMessage(_ => Messages.Get("page_slug"));
            RuleFor(t => t.Body)
                .Cascade(CascadeMode.Stop)
                .NotEmpty()
                .WithMessage(_ => Messages.Get("required"))
                .MaximumLength(MaxBody)
                .WithMessage(_ => Messages.Get("too_long"))
                .Must(v => !v.Contains('\0'))
                .WithMessage(_ => Messages.Get("single_line"));
        }
    }
}

/// <summary>Reading and writing pages' rows: shared by the slices that change a page.</summary>
internal static class PageStore
{
    private const string PageSql = """
        SELECT id, kind, status, in_footer, footer_order, version, updated_at, published_at FROM pages WHERE id = @Id
        """;

    private const string TextsSql = "SELECT language, title, slug, body FROM page_texts WHERE page_id = @Id;";

    private sealed record PageRow(
        Guid Id,
        string Kind,
        string Status,
        bool InFooter,
        int FooterOrder,
        int Version,
        DateTime UpdatedAt,
        DateTime? PublishedAt
    );

    private sealed record TextRow(string Language, string Title, string Slug, string Body);

    /// <summary>The page as its editors see it (locked for update when asked), or null.</summary>
    public static async Task<Page?> ReadAsync(IDbConnection connection, IDbTransaction? tx, Guid id, bool forUpdate, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<PageRow>(
            new CommandDefinition(PageSql + (forUpdate ? " FOR UPDATE;" : ";"), new { Id = id }, tx, cancellationToken: ct)
        );
        if (row is null)
            return null;
        var texts = (
            await connection.QueryAsync<TextRow>(new CommandDefinition(TextsSql, new { Id = id }, tx, cancellationToken: ct))
        ).ToDictionary(t => t.Language, t => new PageText(t.Title, t.Slug, t.Body));
        return new Page(
            row.Id,
            row.Kind.ToEnum<PageKind>(),
            row.Status.ToEnum<PageStatus>(),
            row.InFooter,
            row.FooterOrder,
            row.Version,
            new PageTexts(texts.GetValueOrDefault("fr"), texts.GetValueOrDefault("nl"), texts.GetValueOrDefault("en")),
            row.UpdatedAt.AsUtc(),
            row.PublishedAt.AsUtc()
        );
    }

    /// <summary>The texts as stored: trimmed titles, sanitised bodies (a body the sanitiser empties is refused).</summary>
    public static PageTexts Clean(PageTexts texts)
    {
        PageText? One(PageText? t, string language)
        {
            if (t is null)
                return null;
            var body = RichText.Sanitize(t.Body);
            if (body.Length == 0)
                throw new ValidationException([
                    new FluentValidation.Results.ValidationFailure($"texts.{language}.body", Messages.Get("required")),
                ]);
            return new PageText(t.Title.Trim(), t.Slug, body);
        }
        return new PageTexts(One(texts.Fr, "fr"), One(texts.Nl, "nl"), One(texts.En, "en"));
    }

    private const string DeleteTextsSql = "DELETE FROM page_texts WHERE page_id = @Id;";

    private const string InsertTextsSql = """
        INSERT INTO page_texts (page_id, language, title, slug, body)
        SELECT @Id, x.language, x.title, x.slug, x.body
          FROM unnest(@Languages::text[], @Titles::text[], @Slugs::text[], @Bodies::text[]) AS x (language, title, slug, body);
        """;

    // A slug another page holds (now or before) is refused; this page's own slugs, current or old, are kept.
    private const string ClaimSlugsSql = """
        INSERT INTO page_slugs (slug, page_id) SELECT DISTINCT s, @Id FROM unnest(@Slugs::text[]) AS s
        ON CONFLICT (city_id, slug) DO NOTHING;
        """;

    private const string TakenSql = "SELECT slug FROM page_slugs WHERE slug = ANY(@Slugs) AND page_id <> @Id LIMIT 1;";

    /// <summary>Replaces the page's texts and claims their slugs (409 on the field of a slug another page holds).</summary>
    public static async Task WriteTextsAsync(IDbConnection connection, IDbTransaction tx, Guid id, PageTexts texts, CancellationToken ct)
    {
        var present = texts.Present().ToList();
        var slugs = present.Select(p => p.Text.Slug).ToArray();
        await connection.ExecuteAsync(new CommandDefinition(ClaimSlugsSql, new { Id = id, Slugs = slugs }, tx, cancellationToken: ct));
        var taken = await connection.QuerySingleOrDefaultAsync<string>(
            new CommandDefinition(TakenSql, new { Id = id, Slugs = slugs }, tx, cancellationToken: ct)
        );
        if (taken is not null)
        {
            var language = present.First(p => p.Text.Slug == taken).Language;
            throw new ConflictException(Messages.Get("page_slug_taken"), $"texts.{language}.slug");
        }
        await connection.ExecuteAsync(new CommandDefinition(DeleteTextsSql, new { Id = id }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(
            new CommandDefinition(
                InsertTextsSql,
                new
                {
                    Id = id,
                    Languages = present.Select(p => p.Language).ToArray(),
                    Titles = present.Select(p => p.Text.Title).ToArray(),
                    Slugs = slugs,
                    Bodies = present.Select(p => p.Text.Body).ToArray(),
                },
                tx,
                cancellationToken: ct
            )
        );
    }

    /// <summary>What an audit entry keeps of a page (bodies by their length: the text itself is on the page).</summary>
    public static Dictionary<string, object?> Audit(PageTexts texts, bool inFooter, int footerOrder) =>
        new()
        {
            ["texts"] = texts
                .Present()
                .ToDictionary(
                    p => p.Language,
                    p =>
                        (object)
                            new
                            {
                                p.Text.Title,
                                p.Text.Slug,
                                bodyLength = p.Text.Body.Length,
                            }
                ),
            ["inFooter"] = inFooter,
            ["footerOrder"] = footerOrder,
        };
}

/// <summary>Who edits pages: admins and communication managers (platform roles).</summary>
internal static class PageAccess
{
    private const string Sql = """
        SELECT EXISTS (SELECT 1 FROM user_roles WHERE user_id = @ActorId AND role IN ('admin', 'communication_manager'));
        """;

    public static async Task<bool> IsEditorAsync(IDbConnection connection, Guid actorId, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Sql, new { ActorId = actorId }, cancellationToken: ct));

    public static async Task RequireEditorAsync(IDbConnection connection, Guid actorId, CancellationToken ct)
    {
        if (!await IsEditorAsync(connection, actorId, ct))
            throw new ForbiddenException();
    }
}
