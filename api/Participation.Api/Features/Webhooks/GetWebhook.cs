namespace Participation.Api.Features.Webhooks;

/// <summary>One subscription (another client's is a 404 for a client).</summary>
public static class GetWebhook
{
    public sealed record Query(Caller Caller, Guid Id) : IQuery<Webhook>;

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Webhook>
    {
        public async ValueTask<Webhook> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var owner = await WebhookRules.OwnerAsync(connection, q.Caller, null, ct);
            return await WebhookReader.ReadOneAsync(connection, q.Id, owner, null, ct);
        }
    }

    [EndpointSummary("A webhook subscription (the client, admin, IT manager).")]
    public static ValueTask<Webhook> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller, id), ct);
}
