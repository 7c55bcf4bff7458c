namespace Participation.Api.Features.Pages;

/// <summary>
/// A published page found by any of its slugs, current or former, in any language: its text in the language asked for
/// (else the platform's default), with its current slug in each language, so the web app shows the readable address that
/// goes with the language. A draft, a deleted page or an unknown slug: 404, nothing else said.
/// </summary>
public static class GetPageBySlug
{
    public sealed record Query(string Slug, PageLanguage? Language) : IQuery<PublicPage>;

    /// <summary>A page's current slug in each of its languages.</summary>
    public sealed record PageSlugs(string? Fr, string? Nl, string? En);

    /// <summary>A published page in <see cref="Language"/>: <see cref="Body"/> is sanitised rich text.</summary>
    public sealed record PublicPage(
        Guid Id,
        PageKind Kind,
        PageLanguage Language,
        string Title,
        string Slug,
        string Body,
        PageSlugs Slugs,
        DateTimeOffset UpdatedAt
    );

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Language).IsInEnum().WithMessage(_ => Messages.Get("locale"));
    }

    /// <summary>The query string: the language wanted (fr, nl or en; the platform's default when left out).</summary>
    public sealed record QueryString([property: QueryEnum<PageLanguage>] string? Language);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, PublicPage>
    {
        private const string Sql = $"""
            SELECT p.id, p.kind, p.updated_at, t.language, t.title, t.slug, t.body
              FROM page_slugs s
              JOIN pages p ON p.id = s.page_id AND p.status = 'published'
              JOIN page_texts t ON t.page_id = p.id
             WHERE s.slug = @Slug
             ORDER BY {PageLanguages.Order};
            """;

        private sealed record Row(Guid Id, string Kind, DateTime UpdatedAt, string Language, string Title, string Slug, string Body);

        public async ValueTask<PublicPage> Handle(Query q, CancellationToken ct)
        {
            if (q.Slug.Length > 80 || !PageContentRules<CreatePage.Command>.Slug().IsMatch(q.Slug))
                throw new NotFoundException();
            await using var connection = await db.OpenConnectionAsync(ct);
            var rows = (
                await connection.QueryAsync<Row>(
                    new CommandDefinition(Sql, new { q.Slug, Language = PageLanguages.Wire(q.Language) }, cancellationToken: ct)
                )
            ).ToList();
            if (rows.Count == 0)
                throw new NotFoundException();
            var shown = rows[0];
            string? SlugOf(string language) => rows.FirstOrDefault(r => r.Language == language)?.Slug;
            return new PublicPage(
                shown.Id,
                shown.Kind.ToEnum<PageKind>(),
                shown.Language.ToEnum<PageLanguage>(),
                shown.Title,
                shown.Slug,
                shown.Body,
                new PageSlugs(SlugOf("fr"), SlugOf("nl"), SlugOf("en")),
                shown.UpdatedAt.AsUtc()
            );
        }
    }

    [EndpointSummary("A published page by one of its slugs (current or former), in the language asked for (else the default).")]
    public static ValueTask<PublicPage> Endpoint(string slug, [AsParameters] QueryString q, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(slug, WireEnum.FromQuery<PageLanguage>(q.Language)), ct);
}
