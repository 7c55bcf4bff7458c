using Participation.Api.Features.Events;

namespace Participation.Api.Features.Webhooks;

/// <summary>
/// Turns a disabled subscription back on (after the receiver was fixed): its failure count starts again from zero, its
/// pending deliveries go out, and new events fan out to it. Events that happened while it was off are not delivered:
/// read them from the change feed, or replay deliveries. Enabling an enabled subscription changes nothing.
/// </summary>
public static class EnableWebhook
{
    public sealed record Command(Caller Caller, Guid Id) : ICommand<Webhook>;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Webhook>
    {
        private const string Sql = """
            UPDATE webhook_subscriptions s
               SET enabled = true, disabled_at = NULL, disabled_reason = NULL, consecutive_failures = 0, failing_since = NULL,
                   updated_at = now()
              FROM webhook_subscriptions old
             WHERE s.id = @Id AND old.id = s.id AND NOT s.enabled AND (@Owner::uuid IS NULL OR s.client_id = @Owner)
            RETURNING s.client_id, s.url, old.disabled_reason;
            """;

        private sealed record Enabled(Guid ClientId, string Url, string DisabledReason);

        public async ValueTask<Webhook> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var owner = await WebhookRules.OwnerAsync(connection, c.Caller, null, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var webhook = await WebhookReader.ReadOneAsync(connection, c.Id, owner, tx, ct);
            var enabled = await connection.QuerySingleOrDefaultAsync<Enabled>(
                new CommandDefinition(Sql, new { c.Id, Owner = owner }, tx, cancellationToken: ct)
            );
            if (enabled is not null)
            {
                await events.RecordAsync(
                    tx,
                    EventType.WebhookEnabled,
                    Actor.Of(c.Caller),
                    c.Id,
                    Scope.Platform,
                    before: new { enabled = false, disabledReason = enabled.DisabledReason },
                    after: new { enabled = true },
                    data: new { clientId = enabled.ClientId, url = enabled.Url },
                    ct
                );
                webhook = await WebhookReader.ReadOneAsync(connection, c.Id, null, tx, ct);
            }
            await tx.CommitAsync(ct);
            return webhook;
        }
    }

    [EndpointSummary("Enable a disabled webhook again (the client, admin, IT manager).")]
    public static ValueTask<Webhook> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller, id), ct);
}
