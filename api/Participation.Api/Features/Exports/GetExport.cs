namespace Participation.Api.Features.Exports;

/// <summary>One of the caller's exports, with its progress (someone else's: 404).</summary>
public static class GetExport
{
    public sealed record Query(Guid ActorId, Guid Id, string Language) : IQuery<Export>;

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Export>
    {
        public async ValueTask<Export> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            return await ExportReader.ReadOwnAsync(connection, q.Id, q.ActorId, q.Language, null, ct);
        }
    }

    [EndpointSummary("One of the caller's exports: its status and progress, and when a ready file expires.")]
    public static ValueTask<Export> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, id, RequestLanguage.Current), ct);
}
