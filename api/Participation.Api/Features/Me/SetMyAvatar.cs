using Participation.Api.Features.Events;
using Participation.Api.Features.Media;
using Participation.Api.Features.Users;
using Participation.Api.Infrastructure.Storage;

namespace Participation.Api.Features.Me;

/// <summary>
/// Sets the signed-in person's avatar: PNG, JPEG or WebP recognised by content, at most 5 MB, decoded and encoded anew
/// by the image pipeline (no EXIF, hence no GPS position), its centre square scaled to 256 px, stored under a new random
/// key. The previous picture's file is removed once the change is committed. Recorded as a profile edit.
/// </summary>
public static class SetMyAvatar
{
    public sealed record Command(Guid ActorId, Stream? File, long Length) : ICommand<Response>;

    public sealed record Response(string AvatarUrl);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ImageFile(c => c.File, c => c.Length, Avatars.MaxBytes);
    }

    public sealed class Handler(CityDb db, IFileStorage storage, EventRecorder events) : ICommandHandler<Command, Response>
    {
        // Locked first: "old" is the picture this one replaces (removed after the commit).
        private const string Sql = """
            UPDATE users u SET avatar_key = @Key, updated_at = now()
              FROM (SELECT id, avatar_key FROM users WHERE id = @ActorId AND deleted_at IS NULL FOR UPDATE) old
             WHERE u.id = old.id
            RETURNING old.avatar_key AS old_key;
            """;

        private sealed record Row(string? OldKey);

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            var (extension, _, image) = await ImageUpload.ReadAsync(
                c.File!,
                Avatars.MaxBytes,
                (bytes, type) => ImageReencoder.Square(bytes, type, Avatars.Edge),
                ct
            );

            var key = $"{Guid.NewGuid():N}.{extension}";
            await storage.SaveAsync(Avatars.StorageKey(key), new MemoryStream(image.Bytes), ct);
            Row? row;
            try
            {
                await using var connection = await db.OpenConnectionAsync(ct);
                await using var tx = await connection.BeginTransactionAsync(ct);
                row = await connection.QuerySingleOrDefaultAsync<Row>(
                    new CommandDefinition(Sql, new { c.ActorId, Key = key }, tx, cancellationToken: ct)
                ) ?? throw new NotFoundException();
                await events.RecordAsync(
                    tx,
                    EventType.UserProfileEdited,
                    Actor.User(c.ActorId),
                    c.ActorId,
                    Scope.Platform,
                    new { avatar = row.OldKey },
                    new { avatar = key },
                    ct: ct
                );
                await tx.CommitAsync(ct);
            }
            catch
            {
                await storage.DeleteAsync(Avatars.StorageKey(key), CancellationToken.None);
                throw;
            }
            if (row.OldKey is { } old)
                await storage.DeleteAsync(Avatars.StorageKey(old), CancellationToken.None);
            return new Response(Avatars.UrlOf(key)!);
        }
    }

    [EndpointSummary(
        "Set your avatar (PNG, JPEG or WebP, at most 5 MB): cut to a 256 px square, its metadata removed; shown beside your name."
    )]
    public static async Task<Response> Endpoint(IFormFile? file, Caller caller, ISender sender, CancellationToken ct)
    {
        await using var stream = file?.OpenReadStream();
        return await sender.Send(new Command(caller.UserId, stream, file?.Length ?? 0), ct);
    }
}
