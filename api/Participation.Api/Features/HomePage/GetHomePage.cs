namespace Participation.Api.Features.HomePage;

/// <summary>
/// The home page for everyone: the layout published in the language asked for (an enabled one; else the platform's
/// default language), else the default language's published layout, else the built-in default layout — with what each
/// visible section shows, read in a constant number of statements.
/// </summary>
public static class GetHomePage
{
    public sealed record Query(HomePageLanguage? Language) : IQuery<HomePageView>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Language).IsInEnum().WithMessage(_ => Messages.Get("locale"));
    }

    /// <summary>The query string: the language wanted (fr, nl or en; the platform's default when left out).</summary>
    public sealed record QueryString([property: QueryEnum<HomePageLanguage>] string? Language);

    public sealed class Handler(CityDb db, TimeProvider clock) : IQueryHandler<Query, HomePageView>
    {
        private const string Sql = """
            SELECT CASE WHEN @Language = ANY(s.languages) THEN @Language ELSE s.default_language END AS shown,
                   s.default_language, h.language, h.published::text AS published, h.published_at
              FROM platform_settings s
              LEFT JOIN home_pages h
                     ON h.published IS NOT NULL AND h.language = ANY(s.languages)
                    AND h.language IN (CASE WHEN @Language = ANY(s.languages) THEN @Language ELSE s.default_language END,
                                       s.default_language)
             WHERE s.id = 1
             ORDER BY (h.language = s.default_language) ASC NULLS LAST
             LIMIT 1;
            """;

        private sealed record Row(string Shown, string DefaultLanguage, string? Language, string? Published, DateTime? PublishedAt);

        public async ValueTask<HomePageView> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var row = await connection.QuerySingleAsync<Row>(
                new CommandDefinition(Sql, new { Language = q.Language?.ToWire() ?? "" }, cancellationToken: ct)
            );
            if (row.Published is null || row.Language is null)
                return await HomePageContent.BuildAsync(
                    connection,
                    row.Shown,
                    HomePageSource.BuiltIn,
                    HomeLayouts.Default(row.Shown),
                    null,
                    clock,
                    ct
                );
            var source = row.Language == row.Shown ? HomePageSource.Published : HomePageSource.DefaultLanguage;
            return await HomePageContent.BuildAsync(
                connection,
                row.Language,
                source,
                HomeLayouts.FromJson(row.Published),
                row.PublishedAt.AsUtc(),
                clock,
                ct
            );
        }
    }

    [EndpointSummary(
        "The published home page in the language asked for (else the default language's, else the built-in layout), "
            + "with its sections' projects, events, results and figures."
    )]
    public static ValueTask<HomePageView> Endpoint([AsParameters] QueryString q, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(WireEnum.FromQuery<HomePageLanguage>(q.Language)), ct);
}
