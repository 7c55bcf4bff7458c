using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Ideas;

/// <summary>What an idea's attachment is: a photo (re-encoded, with a thumbnail and an alt text) or a PDF document.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum AttachmentKind
{
    Image,
    Pdf,
}

/// <summary>A photo or document of an idea, as shown on its page, in lists and in the change feed.</summary>
/// <param name="Url">The file (relative to the API's origin); a non-public idea's links carry a signature valid two days.</param>
/// <param name="ThumbnailUrl">Images: at most <see cref="AttachmentLimits.ThumbnailEdge"/> pixels on the longer side.</param>
/// <param name="Alt">Images: the text that describes them to those who do not see them.</param>
/// <param name="FileName">PDFs: the name it was sent with (the link's text).</param>
public sealed record IdeaAttachment(
    Guid Id,
    AttachmentKind Kind,
    string ContentType,
    string Url,
    string? ThumbnailUrl,
    string? Alt,
    string? FileName,
    int SizeBytes,
    int? Width,
    int? Height
);

/// <summary>The limits of ideas' attachments, in one place (the web client reads them from <see cref="GetAttachmentLimits"/>).</summary>
public static class AttachmentLimits
{
    public const int MaxPerIdea = 6;
    public const int MaxImageBytes = 10 * 1024 * 1024;
    public const int MaxPdfBytes = 10 * 1024 * 1024;
    public const int MaxAltLength = 300;
    public const int ThumbnailEdge = 480;

    /// <summary>What a request may carry at most (the larger file limit and the form's other fields).</summary>
    public const long MaxRequestBytes = (MaxImageBytes > MaxPdfBytes ? MaxImageBytes : MaxPdfBytes) + 64 * 1024;
}

/// <summary>Where attachments are stored, how they are addressed, and the JSON column that lists an idea's attachments.</summary>
public sealed class AttachmentLinks(IOptions<AuthOptions> auth, TimeProvider clock)
{
    private readonly byte[] _key = HMACSHA256.HashData(
        Encoding.UTF8.GetBytes(auth.Value.SigningKey),
        "participation/idea-attachments/v1"u8
    );

    /// <summary>The SQL expression (ideas aliased <c>i</c>) whose JSON <see cref="Read(Guid, string?)"/> turns into attachments: what
    /// the function <c>idea_attachment_list</c> (migration 0031) gives, as a subquery planned with its statement (see
    /// <see cref="Topics.TopicTags.NamesColumn"/>).</summary>
    public const string Column = """
        (SELECT coalesce(jsonb_agg(jsonb_build_object(
                    'id', a.id, 'kind', a.kind, 'contentType', a.content_type, 'alt', a.alt_text, 'fileName', a.file_name,
                    'sizeBytes', a.size_bytes, 'width', a.width, 'height', a.height) ORDER BY a.position), '[]'::jsonb)
           FROM idea_attachments a WHERE a.idea_id = i.id) AS attachments
        """;

    public static string ExtensionOf(string contentType) =>
        contentType switch
        {
            "image/png" => "png",
            "image/jpeg" => "jpg",
            "image/webp" => "webp",
            _ => "pdf",
        };

    public static string StorageKey(Guid ideaId, Guid id, string contentType, bool thumbnail) =>
        $"ideas/{ideaId:N}/{id:N}{(thumbnail ? ".thumb" : "")}.{ExtensionOf(contentType)}";

    private static string PathOf(Guid ideaId, Guid id, bool thumbnail) =>
        $"/api/v1/ideas/{ideaId}/attachments/{id}{(thumbnail ? "/thumbnail" : "")}";

    internal sealed class Item
    {
        public Guid Id { get; init; }
        public string Kind { get; init; } = "";
        public string ContentType { get; init; } = "";
        public string? Alt { get; init; }
        public string? FileName { get; init; }
        public int SizeBytes { get; init; }
        public int? Width { get; init; }
        public int? Height { get; init; }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A public idea's attachments: plain links, which its visibility guards.</summary>
    public static IReadOnlyList<IdeaAttachment> Read(Guid ideaId, string? json) => ReadWith(ideaId, json, null);

    /// <summary>The attachments of an idea the caller sees but others may not: links signed for two days.</summary>
    public IReadOnlyList<IdeaAttachment> ReadSigned(Guid ideaId, string? json)
    {
        var expires = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(2).ToUnixTimeSeconds();
        return ReadWith(ideaId, json, id => $"?exp={expires}&sig={Sign(id, expires)}");
    }

    private static IReadOnlyList<IdeaAttachment> ReadWith(Guid ideaId, string? json, Func<Guid, string>? query)
    {
        if (string.IsNullOrEmpty(json))
            return [];
        var items = JsonSerializer.Deserialize<List<Item>>(json, Json) ?? [];
        return items
            .Select(a =>
            {
                var suffix = query?.Invoke(a.Id) ?? "";
                var image = a.Kind == "image";
                return new IdeaAttachment(
                    a.Id,
                    image ? AttachmentKind.Image : AttachmentKind.Pdf,
                    a.ContentType,
                    PathOf(ideaId, a.Id, false) + suffix,
                    image ? PathOf(ideaId, a.Id, true) + suffix : null,
                    a.Alt,
                    a.FileName,
                    a.SizeBytes,
                    a.Width,
                    a.Height
                );
            })
            .ToList();
    }

    private string Sign(Guid id, long expires) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{id:N}.{expires}"))[..16]);

    /// <summary>Whether a link's signature opens this attachment now.</summary>
    public bool Opens(Guid id, long? expires, string? signature) =>
        expires is { } exp
        && signature is { Length: > 0 and < 64 }
        && exp > clock.GetUtcNow().ToUnixTimeSeconds()
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(signature), Encoding.UTF8.GetBytes(Sign(id, exp)));
}

/// <summary>
/// Who may change an idea's attachments: its author while they may edit it (see <see cref="AuthorRules"/>), and its staff.
/// </summary>
internal static class AttachmentEditors
{
    /// <summary>Locks the idea (so that parallel uploads count one after the other) and checks the caller may change it.</summary>
    public static async Task<IdeaAccess> RequireAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction tx,
        Guid actorId,
        Guid ideaId,
        CancellationToken ct
    )
    {
        var idea = await IdeaAccess.LoadAsync(connection, actorId, ideaId, tx, ct, forUpdate: true);
        if (idea.Staff)
            return idea;
        return (await AuthorRules.RequireAuthorChangeAsync(connection, tx, actorId, ideaId, ParticipationAction.Edit, ct)).Idea;
    }
}
