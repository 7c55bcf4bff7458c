using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Storage;

namespace Participation.Api.Features.Media;

/// <summary>
/// An image for a rich text (project texts, official feedback, reports), uploaded by staff: PNG, JPEG or WebP recognised
/// by content, at most 5 MB, decoded and encoded anew (no metadata kept), stored under a random key and served to everyone
/// at the returned URL — the only image source the rich-text sanitiser keeps.
/// </summary>
public static class UploadImage
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public sealed record Command(Guid ActorId, Stream? File, long Length) : ICommand<Response>;

    /// <param name="Url">Relative to the API's origin, as rich texts store it.</param>
    public sealed record Response(string Key, string Url, string ContentType, int Width, int Height);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ImageFile(c => c.File, c => c.Length, MaxBytes);
    }

    public sealed class Handler(CityDb db, IFileStorage storage, EventRecorder events) : ICommandHandler<Command, Response>
    {
        private const string Sql = """
            INSERT INTO media (key, content_type, size_bytes, width, height, uploaded_by)
            VALUES (@Key, @ContentType, @Size, @Width, @Height, @ActorId);
            """;

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await MediaAccess.RequireUploaderAsync(connection, c.ActorId, ct);

            var (extension, contentType, image) = await ImageUpload.ReadAsync(
                c.File!,
                MaxBytes,
                (bytes, type) => ImageReencoder.Reencode(bytes, type),
                ct
            );

            var key = $"{Guid.NewGuid():N}.{extension}";
            await storage.SaveAsync(MediaAccess.StorageKey(key), new MemoryStream(image.Bytes), ct);
            try
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                var row = new
                {
                    Key = key,
                    ContentType = contentType,
                    Size = image.Bytes.Length,
                    image.Width,
                    image.Height,
                    c.ActorId,
                };
                await connection.ExecuteAsync(new CommandDefinition(Sql, row, tx, cancellationToken: ct));
                await events.RecordAsync(
                    tx,
                    EventType.MediaImageUploaded,
                    Actor.User(c.ActorId),
                    key,
                    Scope.Platform,
                    data: new
                    {
                        contentType = contentType,
                        sizeBytes = image.Bytes.Length,
                        image.Width,
                        image.Height,
                    },
                    ct: ct
                );
                await tx.CommitAsync(ct);
            }
            catch
            {
                await storage.DeleteAsync(MediaAccess.StorageKey(key), CancellationToken.None);
                throw;
            }
            return new Response(key, MediaAccess.UrlOf(key), contentType, image.Width, image.Height);
        }
    }

    [EndpointSummary(
        "Upload an image for a rich text (PNG, JPEG or WebP, at most 5 MB; admins, communication managers, departments' heads "
            + "and projects' moderators). Its metadata is removed; the returned URL is public."
    )]
    public static async Task<Created<Response>> Endpoint(IFormFile? file, Caller caller, ISender sender, CancellationToken ct)
    {
        await using var stream = file?.OpenReadStream();
        var uploaded = await sender.Send(new Command(caller.UserId, stream, file?.Length ?? 0), ct);
        return TypedResults.Created(uploaded.Url, uploaded);
    }
}
