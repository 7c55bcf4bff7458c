namespace Participation.Api.Features.Pages;

/// <summary>A page as its editors see it, draft or published, every language (admins and communication managers).</summary>
public static class GetPage
{
    public sealed record Query(Guid ActorId, Guid Id) : IQuery<Page>;

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Page>
    {
        public async ValueTask<Page> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await PageAccess.RequireEditorAsync(connection, q.ActorId, ct);
            return await PageStore.ReadAsync(connection, null, q.Id, forUpdate: false, ct) ?? throw new NotFoundException();
        }
    }

    [EndpointSummary("A page with every language, draft or published (admins and communication managers).")]
    public static ValueTask<Page> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, id), ct);
}
