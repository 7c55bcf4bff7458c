namespace Participation.Api.Features.Operator;

/// <summary>Every city of the deployment with its health (one statement, whatever the number of cities).</summary>
public static class ListCities
{
    public sealed record Query : IQuery<Response>;

    public sealed record Response(IReadOnlyList<CitySummary> Items);

    public sealed class Handler(PlatformDb db) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            return new Response(await CityHealthQuery.ReadAsync(connection, null, ct));
        }
    }

    [EndpointSummary("Every city with its addresses, languages and health (operators and support staff).")]
    public static ValueTask<Response> Endpoint(ISender sender, CancellationToken ct) => sender.Send(new Query(), ct);
}
