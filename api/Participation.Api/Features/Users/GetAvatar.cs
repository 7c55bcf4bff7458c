using Participation.Api.Features.Media;
using Participation.Api.Infrastructure.Storage;

namespace Participation.Api.Features.Users;

/// <summary>A person's avatar, public by its random key (a new picture has a new key: the bytes of a key never change).</summary>
public static class GetAvatar
{
    public sealed record Query(string Key) : IQuery<StoredImage?>;

    public sealed class Handler(CityDb db, IFileStorage storage) : IQueryHandler<Query, StoredImage?>
    {
        private const string Sql = "SELECT EXISTS (SELECT 1 FROM users WHERE avatar_key = @Key AND deleted_at IS NULL);";

        public async ValueTask<StoredImage?> Handle(Query q, CancellationToken ct)
        {
            if (!Avatars.IsKey(q.Key))
                return null;
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Sql, q, cancellationToken: ct)))
                return null;
            return await storage.OpenAsync(Avatars.StorageKey(q.Key), ct) is { } stream
                ? new StoredImage(stream, ImageTypes.ContentTypeOf(q.Key))
                : null;
        }
    }

    [EndpointSummary("A person's avatar (the URL given with their name; public, cached for a year).")]
    public static async Task<IResult> Endpoint(string key, HttpContext http, ISender sender, CancellationToken ct)
    {
        var image = await sender.Send(new Query(key), ct) ?? throw new NotFoundException("No such avatar.");
        return image.Immutable(http);
    }
}
