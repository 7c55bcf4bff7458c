namespace Participation.Api.Features.ApiClients;

/// <summary>One API client (admins and the IT manager).</summary>
public static class GetApiClient
{
    public sealed record Query(Guid ActorId, Guid Id) : IQuery<ApiClient>;

    public sealed class Handler(CityDb db) : IQueryHandler<Query, ApiClient>
    {
        public async ValueTask<ApiClient> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await ApiClientRules.EnsureManagerAsync(connection, q.ActorId, null, ct);
            return await ApiClientReader.ReadOneAsync(connection, q.Id, null, ct);
        }
    }

    [EndpointSummary("An API client (admin, IT manager).")]
    public static ValueTask<ApiClient> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, id), ct);
}
