using Participation.Api.Infrastructure.Storage;

namespace Participation.Api.Features.Projects;

/// <summary>The project's header image, by the URL that carries its random key (see <see cref="SetProjectImage"/>).</summary>
public static class GetProjectImage
{
    public sealed record Query(Guid Id, string? Version) : IQuery<Image?>;

    public sealed record Image(Stream Content, string ContentType);

    /// <summary>The image's address: the project's image route with the key's random part, so a new image is a new URL.</summary>
    public static string? UrlOf(Guid projectId, string? imageKey) =>
        imageKey is null
            ? null
            : $"/api/v1/projects/{projectId}/image?v={Uri.EscapeDataString(Path.GetFileNameWithoutExtension(imageKey))}";

    public sealed class Handler(CityDb db, IFileStorage storage) : IQueryHandler<Query, Image?>
    {
        private const string Sql = "SELECT image_key FROM projects WHERE id = @Id;";

        public async ValueTask<Image?> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var key = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(Sql, q, cancellationToken: ct));
            if (key is null || q.Version is null || Path.GetFileNameWithoutExtension(key) != q.Version)
                return null;
            return await storage.OpenAsync(key, ct) is { } stream ? new Image(stream, ImageTypes.ContentTypeOf(key)) : null;
        }
    }

    [EndpointSummary("The project's header image (the URL given in the project).")]
    public static async Task<IResult> Endpoint(Guid id, string? v, HttpContext http, ISender sender, CancellationToken ct)
    {
        var image = await sender.Send(new Query(id, v), ct);
        if (image is null)
            throw new NotFoundException("No such image.");
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return Results.Stream(image.Content, image.ContentType);
    }
}
