namespace Participation.Api.Features.Media;

/// <summary>An image read from the file storage under a key whose bytes never change (a rich text's image, an avatar).</summary>
public sealed record StoredImage(Stream Content, string ContentType)
{
    /// <summary>The answer: cached for a year, never run as a page, its type never sniffed.</summary>
    public IResult Immutable(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(Content, ContentType);
    }
}
