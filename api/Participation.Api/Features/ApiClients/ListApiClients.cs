namespace Participation.Api.Features.ApiClients;

/// <summary>The platform's API clients (admins and the IT manager): live ones first, then revoked ones.</summary>
public static class ListApiClients
{
    public sealed record Query(Guid ActorId) : IQuery<Response>;

    /// <param name="Items">Every client (a city has a handful: at most 500), live ones first, by name.</param>
    public sealed record Response(IReadOnlyList<ApiClient> Items);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await ApiClientRules.EnsureManagerAsync(connection, q.ActorId, null, ct);
            return new Response(await ApiClientReader.ReadAsync(connection, null, null, ct));
        }
    }

    [EndpointSummary("The API clients, with their scopes and secrets' hints (admin, IT manager).")]
    public static ValueTask<Response> Endpoint(Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId), ct);
}
