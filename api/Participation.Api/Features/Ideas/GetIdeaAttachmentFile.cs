using Participation.Api.Infrastructure.Storage;

namespace Participation.Api.Features.Ideas;

/// <summary>
/// An attachment's file or an image's thumbnail, to whoever may see the idea (a non-public idea's: its author and staff,
/// through the signed links their view of the idea gives, or signed in). PDFs are downloaded, never shown inline.
/// </summary>
public static class GetIdeaAttachmentFile
{
    public sealed record Query(Guid? ActorId, Guid IdeaId, Guid AttachmentId, bool Thumbnail, long? Expires, string? Signature)
        : IQuery<File?>;

    public sealed record File(Stream Content, string ContentType, string? DownloadName);

    public sealed class Handler(CityDb db, IFileStorage storage, AttachmentLinks links) : IQueryHandler<Query, File?>
    {
        private const string Sql =
            "SELECT kind, content_type, file_name FROM idea_attachments WHERE id = @AttachmentId AND idea_id = @IdeaId;";

        private sealed record Row(string Kind, string ContentType, string? FileName);

        public async ValueTask<File?> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Sql, q, cancellationToken: ct));
            if (row is null || (q.Thumbnail && row.Kind != "image"))
                return null;
            if (!links.Opens(q.AttachmentId, q.Expires, q.Signature))
                await IdeaAccess.LoadAsync(connection, q.ActorId, q.IdeaId, null, ct); // a 404 when the caller may not see it
            var key = AttachmentLinks.StorageKey(q.IdeaId, q.AttachmentId, row.ContentType, q.Thumbnail);
            return await storage.OpenAsync(key, ct) is { } stream ? new File(stream, row.ContentType, row.FileName) : null;
        }
    }

    [EndpointSummary("An idea's photo or document, to whoever may read the idea (or holds a signed link from its view).")]
    public static Task<IResult> Endpoint(
        Guid id,
        Guid attachmentId,
        long? exp,
        string? sig,
        HttpContext http,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) => Serve(new Query(caller.UserIdOrNull, id, attachmentId, false, exp, sig), http, sender, ct);

    [EndpointSummary("An idea's photo, small (480 px on its longer side), to whoever may read the idea.")]
    public static Task<IResult> ThumbnailEndpoint(
        Guid id,
        Guid attachmentId,
        long? exp,
        string? sig,
        HttpContext http,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) => Serve(new Query(caller.UserIdOrNull, id, attachmentId, true, exp, sig), http, sender, ct);

    private static async Task<IResult> Serve(Query query, HttpContext http, ISender sender, CancellationToken ct)
    {
        var file = await sender.Send(query, ct) ?? throw new NotFoundException("No such attachment.");
        // Private: an idea hidden later must not stay in shared caches; the bytes of one id never change.
        http.Response.Headers.CacheControl = "private, max-age=3600";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(file.Content, file.ContentType, file.DownloadName);
    }
}

/// <summary>The limits of ideas' attachments, for forms to show them before anything is sent.</summary>
public static class GetAttachmentLimits
{
    public sealed record Response(
        int MaxPerIdea,
        int MaxImageBytes,
        int MaxPdfBytes,
        int MaxAltLength,
        IReadOnlyList<string> ImageTypes,
        IReadOnlyList<string> DocumentTypes
    );

    public static readonly Response Limits = new(
        AttachmentLimits.MaxPerIdea,
        AttachmentLimits.MaxImageBytes,
        AttachmentLimits.MaxPdfBytes,
        AttachmentLimits.MaxAltLength,
        ["image/png", "image/jpeg", "image/webp"],
        ["application/pdf"]
    );

    [EndpointSummary("The limits of ideas' attachments: how many per idea, sizes, alt text length, accepted types.")]
    public static Ok<Response> Endpoint(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Ok(Limits);
    }
}
