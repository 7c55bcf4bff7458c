namespace Participation.Api.Features.Pages;

/// <summary>
/// The published pages, in one language each (the one asked for, else the platform's default): the footer's links and the
/// pages' index. A platform has a handful of pages: one list, at most 200.
/// </summary>
public static class ListPages
{
    public sealed record Query(PageLanguage? Language) : IQuery<Response>;

    /// <summary>A link to a published page: its title and slug in <see cref="Language"/>; shown in the footer when asked.</summary>
    public sealed record PageLink(Guid Id, PageKind Kind, PageLanguage Language, string Title, string Slug, bool InFooter, int FooterOrder);

    public sealed record Response(IReadOnlyList<PageLink> Items);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Language).IsInEnum().WithMessage(_ => Messages.Get("locale"));
    }

    /// <summary>The query string: the language wanted (fr, nl or en; the platform's default when left out).</summary>
    public sealed record QueryString([property: QueryEnum<PageLanguage>] string? Language);

    public sealed class Handler(StaleReads db) : IQueryHandler<Query, Response>
    {
        private const string Sql = $"""
            SELECT l.* FROM (
                SELECT DISTINCT ON (p.id) p.id, p.kind, t.language, t.title, t.slug, p.in_footer, p.footer_order
                  FROM pages p JOIN page_texts t ON t.page_id = p.id
                 WHERE p.status = 'published'
                 ORDER BY p.id, {PageLanguages.Order}) l
             ORDER BY l.footer_order, l.title, l.id
             LIMIT 200;
            """;

        private sealed record Row(Guid Id, string Kind, string Language, string Title, string Slug, bool InFooter, int FooterOrder);

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var rows = await connection.QueryAsync<Row>(
                new CommandDefinition(Sql, new { Language = PageLanguages.Wire(q.Language) }, cancellationToken: ct)
            );
            return new Response(
                rows.Select(r => new PageLink(
                        r.Id,
                        r.Kind.ToEnum<PageKind>(),
                        r.Language.ToEnum<PageLanguage>(),
                        r.Title,
                        r.Slug,
                        r.InFooter,
                        r.FooterOrder
                    ))
                    .ToList()
            );
        }
    }

    [EndpointSummary("The published pages, each in the language asked for (else the platform's default): the footer's links.")]
    public static ValueTask<Response> Endpoint([AsParameters] QueryString q, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(WireEnum.FromQuery<PageLanguage>(q.Language)), ct);
}
