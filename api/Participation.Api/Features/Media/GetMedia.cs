using Participation.Api.Infrastructure.Storage;

namespace Participation.Api.Features.Media;

/// <summary>An image of a rich text, public by its random key (see <see cref="UploadImage"/>); its bytes never change.</summary>
public static class GetMedia
{
    public sealed record Query(string Key) : IQuery<StoredImage?>;

    public sealed class Handler(CityDb db, IFileStorage storage) : IQueryHandler<Query, StoredImage?>
    {
        private const string Sql = "SELECT content_type FROM media WHERE key = @Key;";

        public async ValueTask<StoredImage?> Handle(Query q, CancellationToken ct)
        {
            if (!MediaAccess.IsKey(q.Key))
                return null;
            await using var connection = await db.OpenConnectionAsync(ct);
            var type = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(Sql, q, cancellationToken: ct));
            if (type is null)
                return null;
            return await storage.OpenAsync(MediaAccess.StorageKey(q.Key), ct) is { } stream ? new StoredImage(stream, type) : null;
        }
    }

    [EndpointSummary("An image of a rich text (the URL its upload returned; public, cached for a year).")]
    public static async Task<IResult> Endpoint(string key, HttpContext http, ISender sender, CancellationToken ct)
    {
        var image = await sender.Send(new Query(key), ct) ?? throw new NotFoundException("No such image.");
        return image.Immutable(http);
    }
}
