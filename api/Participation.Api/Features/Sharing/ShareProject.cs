using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Sharing;

/// <summary>The share page of a published (or archived) project: its title, summary and image (else the platform's logo).</summary>
public static class ShareProject
{
    /// <summary>By id, or by a slug the project has or had.</summary>
    public sealed record Query(Guid? Id, string? Slug, string? Language) : IQuery<SharePreview?>;

    public sealed class Handler(CityDb db) : IQueryHandler<Query, SharePreview?>
    {
        private const string Sql = """
            SELECT p.id, p.slug, p.title::text AS title, p.summary::text AS summary, p.image_key,
                   ps.name AS site_name, ps.default_language, ps.logo_key
              FROM projects p CROSS JOIN platform_settings ps
             WHERE p.id = coalesce(@Id, (SELECT s.project_id FROM project_slugs s WHERE s.slug = @Slug))
               AND p.status IN ('published', 'archived') AND ps.id = 1;
            """;

        private sealed record Row(
            Guid Id,
            string Slug,
            string Title,
            string Summary,
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
            var image = Projects.GetProjectImage.UrlOf(r.Id, r.ImageKey) ?? Platform.PlatformSettings.ImageUrl(r.LogoKey, "logo");
            return new SharePreview(
                language,
                LocalizedText.Pick(LocalizedText.FromJson(r.Title), language),
                SharePage.Describe(LocalizedText.Pick(LocalizedText.FromJson(r.Summary), language)),
                image,
                $"/projects/{r.Slug}",
                r.SiteName,
                $"/share/projects/{r.Slug}"
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
