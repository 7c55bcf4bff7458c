using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Sharing;

/// <summary>
/// The share page of a public event (platform-wide, or of a published or archived project): its title, its date and the
/// start of its description, its project's image (else the platform's logo).
/// </summary>
public static class ShareEvent
{
    /// <summary>By id or by slug.</summary>
    public sealed record Query(Guid? Id, string? Slug, string? Language) : IQuery<SharePreview?>;

    public sealed class Handler(CityDb db) : IQueryHandler<Query, SharePreview?>
    {
        private const string Sql = """
            SELECT e.id, e.slug, e.project_id, e.title::text AS title, e.description::text AS description, e.starts_at, e.ends_at,
                   p.image_key,
                   ps.name AS site_name, ps.default_language, ps.logo_key
              FROM calendar_events e LEFT JOIN projects p ON p.id = e.project_id CROSS JOIN platform_settings ps
             WHERE (e.id = @Id OR (@Id IS NULL AND e.slug = @Slug))
               AND (e.project_id IS NULL OR p.status IN ('published', 'archived')) AND ps.id = 1;
            """;

        private sealed record Row(
            Guid Id,
            string Slug,
            Guid? ProjectId,
            string Title,
            string Description,
            DateTime StartsAt,
            DateTime EndsAt,
            string? ImageKey,
            string SiteName,
            string DefaultLanguage,
            string? LogoKey
        );

        public async ValueTask<SharePreview?> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var r = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(Sql, new { q.Id, q.Slug }, cancellationToken: ct)
            );
            if (r is null)
                return null;
            var language = q.Language ?? r.DefaultLanguage;
            var image = (r.ProjectId is { } project ? Projects.GetProjectImage.UrlOf(project, r.ImageKey) : null)
                ?? Platform.PlatformSettings.ImageUrl(r.LogoKey, "logo");
            var when = CalendarEvents.CalendarEventEmails.When(language, r.StartsAt, r.EndsAt);
            var description = SharePage.Describe(LocalizedText.Pick(LocalizedText.FromJson(r.Description), language));
            return new SharePreview(
                language,
                LocalizedText.Pick(LocalizedText.FromJson(r.Title), language),
                description.Length == 0 ? when : $"{when} · {description}",
                image,
                $"/events/{r.Slug}",
                r.SiteName,
                $"/share/events/{r.Slug}"
            );
        }
    }

    public static async Task<IResult> Endpoint(
        Guid id,
        string? lang,
        HttpRequest request,
        CityAddresses addresses,
        ISender sender,
        CancellationToken ct
    ) => SharePage.Answer(await sender.Send(new Query(id, null, SharePage.Language(lang)), ct), request, addresses);

    public static async Task<IResult> SlugEndpoint(
        string slug,
        string? lang,
        HttpRequest request,
        CityAddresses addresses,
        ISender sender,
        CancellationToken ct
    ) => SharePage.Answer(await sender.Send(new Query(null, slug, SharePage.Language(lang)), ct), request, addresses);
}
