using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Sharing;

/// <summary>
/// The share page of a public idea (its project published or archived; not awaiting moderation, hidden or withdrawn): its
/// title, the start of its text and its project's image (else the platform's logo).
/// </summary>
public static class ShareIdea
{
    /// <summary>By id, or by its project's slug (current or former) and its own.</summary>
    public sealed record Query(Guid? Id, string? ProjectSlug, string? Slug, string? Language) : IQuery<SharePreview?>;

    public sealed class Handler(CityDb db) : IQueryHandler<Query, SharePreview?>
    {
        private const string Sql = """
            SELECT i.id, i.slug, p.slug AS project_slug, i.project_id, i.title, i.body, p.image_key, ps.name AS site_name,
                   ps.default_language, ps.logo_key
              FROM ideas i JOIN projects p ON p.id = i.project_id CROSS JOIN platform_settings ps
             WHERE (i.id = @Id OR (@Id IS NULL AND i.slug = @Slug
                    AND i.project_id = (SELECT s.project_id FROM project_slugs s WHERE s.slug = @ProjectSlug)))
               AND p.status IN ('published', 'archived') AND i.status <> 'prescreening'
               AND i.hidden_at IS NULL AND i.withdrawn_at IS NULL AND ps.id = 1;
            """;

        private sealed record Row(
            Guid Id,
            string Slug,
            string ProjectSlug,
            Guid ProjectId,
            string Title,
            string Body,
            string? ImageKey,
            string SiteName,
            string DefaultLanguage,
            string? LogoKey
        );

        public async ValueTask<SharePreview?> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var r = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(
                    Sql,
                    new
                    {
                        q.Id,
                        q.ProjectSlug,
                        q.Slug,
                    },
                    cancellationToken: ct
                )
            );
            if (r is null)
                return null;
            var image = Projects.GetProjectImage.UrlOf(r.ProjectId, r.ImageKey) ?? Platform.PlatformSettings.ImageUrl(r.LogoKey, "logo");
            return new SharePreview(
                q.Language ?? r.DefaultLanguage,
                r.Title,
                SharePage.Describe(r.Body),
                image,
                $"/projects/{r.ProjectSlug}/ideas/{r.Slug}",
                r.SiteName,
                $"/share/projects/{r.ProjectSlug}/ideas/{r.Slug}"
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
    ) => SharePage.Answer(await sender.Send(new Query(id, null, null, SharePage.Language(lang)), ct), request, addresses);

    public static async Task<IResult> SlugEndpoint(
        string projectSlug,
        string slug,
        string? lang,
        HttpRequest request,
        CityAddresses addresses,
        ISender sender,
        CancellationToken ct
    ) => SharePage.Answer(await sender.Send(new Query(null, projectSlug, slug, SharePage.Language(lang)), ct), request, addresses);
}
