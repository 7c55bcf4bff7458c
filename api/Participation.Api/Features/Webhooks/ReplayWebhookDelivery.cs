using Participation.Api.Features.Events;

namespace Participation.Api.Features.Webhooks;

/// <summary>
/// Sends a delivered or failed message again, as a new delivery (replayOf) with the same webhook-id and payload (a
/// receiver that processed it already recognises it), e.g. after an outage of the receiver. Not while it is pending.
/// </summary>
public static class ReplayWebhookDelivery
{
    public sealed record Command(Caller Caller, Guid WebhookId, Guid DeliveryId) : ICommand<WebhookDelivery>;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, WebhookDelivery>
    {
        private const string LockSql = """
            SELECT s.enabled, s.client_id, d.status, d.message_id
              FROM webhook_subscriptions s JOIN webhook_deliveries d ON d.subscription_id = s.id
             WHERE s.id = @WebhookId AND d.id = @DeliveryId AND (@Owner::uuid IS NULL OR s.client_id = @Owner)
               FOR UPDATE OF s;
            """;

        private const string ReplaySql = """
            INSERT INTO webhook_deliveries (id, message_id, subscription_id, event_position, event_type, target_kind, target_id, payload,
                                            next_attempt_at, replay_of)
            SELECT @Id, message_id, subscription_id, event_position, event_type, target_kind, target_id, payload, now(), id
              FROM webhook_deliveries WHERE id = @DeliveryId;
            """;

        private sealed record Original(bool Enabled, Guid ClientId, string Status, string MessageId);

        public async ValueTask<WebhookDelivery> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var owner = await WebhookRules.OwnerAsync(connection, c.Caller, null, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var original = await connection.QuerySingleOrDefaultAsync<Original>(
                new CommandDefinition(
                    LockSql,
                    new
                    {
                        c.WebhookId,
                        c.DeliveryId,
                        Owner = owner,
                    },
                    tx,
                    cancellationToken: ct
                )
            ) ?? throw new NotFoundException();
            if (!original.Enabled)
                throw new ConflictException(Messages.Get("webhook_disabled"));
            if (original.Status == "pending")
                throw new ConflictException(Messages.Get("webhook_delivery_pending"));
            var id = Guid.CreateVersion7();
            await connection.ExecuteAsync(new CommandDefinition(ReplaySql, new { Id = id, c.DeliveryId }, tx, cancellationToken: ct));
            await events.RecordAsync(
                tx,
                EventType.WebhookDeliveryReplayed,
                Actor.Of(c.Caller),
                c.WebhookId,
                Scope.Platform,
                data: new
                {
                    clientId = original.ClientId,
                    deliveryId = id,
                    replayOf = c.DeliveryId,
                    messageId = original.MessageId,
                },
                ct: ct
            );
            var delivery = await WebhookDeliveryReader.ReadOneAsync(connection, id, tx, ct);
            await tx.CommitAsync(ct);
            return delivery;
        }
    }

    [EndpointSummary(
        "Send a delivered or failed message again, as a new delivery with the same webhook-id (the client, admin, IT manager)."
    )]
    public static async Task<Created<WebhookDelivery>> Endpoint(
        Guid id,
        Guid deliveryId,
        Caller caller,
        ISender sender,
        CancellationToken ct
    )
    {
        var delivery = await sender.Send(new Command(caller, id, deliveryId), ct);
        return TypedResults.Created($"/api/v1/webhooks/{id}/deliveries", delivery);
    }
}
