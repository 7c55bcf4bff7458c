namespace Participation.Api.Features.Webhooks;

/// <summary>The subscriptions: a client its own; admins and the IT manager every client's, or one client's (?clientId=).</summary>
public static class ListWebhooks
{
    public sealed record Query(Caller Caller, Guid? ClientId) : IQuery<Response>;

    public sealed record Response(IReadOnlyList<Webhook> Items);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var owner = await WebhookRules.OwnerAsync(connection, q.Caller, null, ct);
            return new Response(await WebhookReader.ReadAsync(connection, null, owner ?? q.ClientId, null, ct));
        }
    }

    [EndpointSummary("The webhook subscriptions, by client (the client: its own; admin, IT manager: all, or one client's).")]
    public static ValueTask<Response> Endpoint(Guid? clientId, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller, clientId), ct);
}
