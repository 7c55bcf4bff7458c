using Microsoft.Extensions.Options;
using Participation.Api.Features.Events;

namespace Participation.Api.Features.Webhooks;

/// <summary>Queues a test message (type webhook.test) to the subscription, signed like any other: to check a receiver.</summary>
public static class SendWebhookTest
{
    public sealed record Command(Caller Caller, Guid WebhookId) : ICommand<WebhookDelivery>;

    public sealed class Handler(
        CityDb db,
        EventRecorder events,
        TimeProvider clock,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json
    ) : ICommandHandler<Command, WebhookDelivery>
    {
        private const string LockSql = """
            SELECT enabled, client_id FROM webhook_subscriptions
             WHERE id = @WebhookId AND (@Owner::uuid IS NULL OR client_id = @Owner) FOR UPDATE;
            """;

        private const string InsertSql = """
            INSERT INTO webhook_deliveries (id, message_id, subscription_id, event_type, payload, next_attempt_at)
            VALUES (@Id, @MessageId, @WebhookId, @Type, @Payload, now());
            """;

        private sealed record Subscription(bool Enabled, Guid ClientId);

        public async ValueTask<WebhookDelivery> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var owner = await WebhookRules.OwnerAsync(connection, c.Caller, null, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var subscription = await connection.QuerySingleOrDefaultAsync<Subscription>(
                new CommandDefinition(LockSql, new { c.WebhookId, Owner = owner }, tx, cancellationToken: ct)
            ) ?? throw new NotFoundException();
            if (!subscription.Enabled)
                throw new ConflictException(Messages.Get("webhook_disabled"));
            var id = Guid.CreateVersion7();
            await connection.ExecuteAsync(
                new CommandDefinition(
                    InsertSql,
                    new
                    {
                        Id = id,
                        MessageId = WebhookPayloads.MessageId(id),
                        c.WebhookId,
                        Type = WebhookPayloads.TestType,
                        Payload = WebhookPayloads.ForTest(c.WebhookId, clock.GetUtcNow(), json.Value.SerializerOptions),
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            await events.RecordAsync(
                tx,
                EventType.WebhookTestSent,
                Actor.Of(c.Caller),
                c.WebhookId,
                Scope.Platform,
                data: new { clientId = subscription.ClientId, deliveryId = id },
                ct: ct
            );
            var delivery = await WebhookDeliveryReader.ReadOneAsync(connection, id, tx, ct);
            await tx.CommitAsync(ct);
            return delivery;
        }
    }

    [EndpointSummary("Send a test message (type webhook.test) to a webhook, signed like the others (the client, admin, IT manager).")]
    public static async Task<Created<WebhookDelivery>> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct)
    {
        var delivery = await sender.Send(new Command(caller, id), ct);
        return TypedResults.Created($"/api/v1/webhooks/{id}/deliveries", delivery);
    }
}
