namespace Participation.Api.Features.Platform;

/// <summary>
/// The platform's logo or favicon. Asked for by its versioned URL (<c>?v=</c>, given in <see cref="GetPlatform"/>): cached
/// for a year, immutable. Without a version or with an old one: the current image, cached for five minutes only. The bytes
/// are kept in process with the settings (both are small).
/// </summary>
public static class GetPlatformImage
{
    public sealed record Query(PlatformImageKind Kind) : IQuery<Image?>;

    public sealed record Image(byte[] Content, string ContentType, string Version);

    public sealed class Handler(PlatformSettingsStore store) : IQueryHandler<Query, Image?>
    {
        public async ValueTask<Image?> Handle(Query q, CancellationToken ct) =>
            await store.ImageAsync(q.Kind, ct) is { } image
                ? new Image(image.Content, image.ContentType, Path.GetFileNameWithoutExtension(image.Key))
                : null;
    }

    [EndpointSummary("The platform's logo (the URL given in the platform's settings).")]
    public static Task<IResult> LogoEndpoint(string? v, HttpContext http, ISender sender, CancellationToken ct) =>
        SendAsync(PlatformImageKind.Logo, v, http, sender, ct);

    [EndpointSummary("The platform's favicon (the URL given in the platform's settings).")]
    public static Task<IResult> FaviconEndpoint(string? v, HttpContext http, ISender sender, CancellationToken ct) =>
        SendAsync(PlatformImageKind.Favicon, v, http, sender, ct);

    private static async Task<IResult> SendAsync(PlatformImageKind kind, string? v, HttpContext http, ISender sender, CancellationToken ct)
    {
        var image = await sender.Send(new Query(kind), ct) ?? throw new NotFoundException("No such image.");
        // The store may be up to its staleness bound behind another instance's save: only the matching version is immutable.
        http.Response.Headers.CacheControl = v == image.Version ? "public, max-age=31536000, immutable" : "public, max-age=300";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return Results.Bytes(image.Content, image.ContentType);
    }
}
