namespace Participation.Api.Features.Pages;

/// <summary>Every page, drafts included, for its editors (admins and communication managers); at most 200.</summary>
public static class ListEditablePages
{
    public sealed record Query(Guid ActorId, PageLanguage? Language) : IQuery<Response>;

    /// <summary>A page in the editors' list: its title and slug in <see cref="Language"/>.</summary>
    public sealed record PageSummary(
        Guid Id,
        PageKind Kind,
        PageStatus Status,
        bool InFooter,
        int FooterOrder,
        int Version,
        PageLanguage Language,
        string Title,
        string Slug,
        DateTimeOffset UpdatedAt
    );

    public sealed record Response(IReadOnlyList<PageSummary> Items);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Language).IsInEnum().WithMessage(_ => Messages.Get("locale"));
    }

    /// <summary>The query string: the language wanted (fr, nl or en; the platform's default when left out).</summary>
    public sealed record QueryString([property: QueryEnum<PageLanguage>] string? Language);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = $"""
            SELECT l.* FROM (
                SELECT DISTINCT ON (p.id) p.id, p.kind, p.status, p.in_footer, p.footer_order, p.version, t.language, t.title,
                       t.slug, p.updated_at
                  FROM pages p JOIN page_texts t ON t.page_id = p.id
                 ORDER BY p.id, {PageLanguages.Order}) l
             ORDER BY l.footer_order, l.title, l.id
             LIMIT 200;
            """;

        private sealed record Row(
            Guid Id,
            string Kind,
            string Status,
            bool InFooter,
            int FooterOrder,
            int Version,
            string Language,
            string Title,
            string Slug,
            DateTime UpdatedAt
        );

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await PageAccess.RequireEditorAsync(connection, q.ActorId, ct);
            var rows = await connection.QueryAsync<Row>(
                new CommandDefinition(Sql, new { Language = PageLanguages.Wire(q.Language) }, cancellationToken: ct)
            );
            return new Response(
                rows.Select(r => new PageSummary(
                        r.Id,
                        r.Kind.ToEnum<PageKind>(),
                        r.Status.ToEnum<PageStatus>(),
                        r.InFooter,
                        r.FooterOrder,
                        r.Version,
                        r.Language.ToEnum<PageLanguage>(),
                        r.Title,
                        r.Slug,
                        r.UpdatedAt.AsUtc()
                    ))
                    .ToList()
            );
        }
    }

    [EndpointSummary("Every page, drafts included, in the language asked for (admins and communication managers).")]
    public static ValueTask<Response> Endpoint([AsParameters] QueryString q, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, WireEnum.FromQuery<PageLanguage>(q.Language)), ct);
}
