namespace Participation.Api.Features.Operator;

/// <summary>One city with its addresses, languages and health.</summary>
public static class GetCity
{
    public sealed record Query(Guid Id) : IQuery<CitySummary>;

    public sealed class Handler(PlatformDb db) : IQueryHandler<Query, CitySummary>
    {
        public async ValueTask<CitySummary> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            return (await CityHealthQuery.ReadAsync(connection, q.Id, ct)).SingleOrDefault() ?? throw new NotFoundException();
        }
    }

    [EndpointSummary("One city with its addresses, languages and health (operators and support staff).")]
    public static ValueTask<CitySummary> Endpoint(Guid id, ISender sender, CancellationToken ct) => sender.Send(new Query(id), ct);
}
