using Microsoft.Extensions.Options;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Sharing;

/// <summary>The share page of a published (or archived) project: its title, summary and image (else the platform's logo).</summary>
public static class ShareProject
{
    public sealed record Query(Guid Id, string? Language) : IQuery<SharePreview?>;

    public sealed class Handler(NpgsqlDataSource db) : IQueryHandler<Query, SharePreview?>
    {
        private const string Sql = """
            SELECT p.id, p.title::text AS title, p.summary::text AS summary, p.image_key,
                   ps.name AS site_name, ps.default_language, ps.logo_key
              FROM projects p CROSS JOIN platform_settings ps
             WHERE p.id = @Id AND p.status IN ('published', 'archived') AND ps.id = 1;
            """;

        private sealed record Row(
            Guid Id,
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
            var r = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Sql, new { q.Id }, cancellationToken: ct));
            if (r is null)
                return null;
            var language = q.Language ?? r.DefaultLanguage;
            var image = r.ImageKey is null
                ? Platform.PlatformSettings.ImageUrl(r.LogoKey, "logo")
                : $"/api/v1/projects/{r.Id}/image?v={Uri.EscapeDataString(Path.GetFileNameWithoutExtension(r.ImageKey))}";
            return new SharePreview(
                language,
                LocalizedText.Pick(LocalizedText.FromJson(r.Title), language),
                SharePage.Describe(LocalizedText.Pick(LocalizedText.FromJson(r.Summary), language)),
                image,
                $"/projects/{r.Id}",
                r.SiteName
            );
        }
    }

    public static async Task<IResult> Endpoint(
        Guid id,
        string? lang,
        HttpRequest request,
        IOptions<EmailOptions> options,
        ISender sender,
        CancellationToken ct
    ) => SharePage.Answer(await sender.Send(new Query(id, SharePage.Language(lang)), ct), request, options);
}
