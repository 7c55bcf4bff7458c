using Microsoft.Extensions.Options;
using Participation.Api.Features.Events;
using Participation.Api.Features.Feed;
using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Features.Webhooks;

/// <summary>
/// Follows the events (the change feed's types) with the checkpoint "webhooks" and turns each into deliveries: one per
/// enabled subscription naming its type, whose client (not revoked) holds the scope of the resource changed, and per
/// resource the event changed, with the change feed's entry as the payload. The deliveries are written in the
/// transaction that moves the checkpoint, which is locked while it runs: with several instances an event fans out
/// once (a unique index backs it). An event older than a subscription is not delivered to it.
/// </summary>
public sealed class WebhookFanOut(
    CityDb db,
    IOptions<WebhookOptions> options,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    Infrastructure.Email.CityAddresses addresses
) : IPeriodicJob
{
    public const string Consumer = "webhooks";

    private static readonly string[] FeedTypes = ChangeFeed.Types.Select(t => t.ToWire()).ToArray();

    private const string SubscriptionsSql = """
        SELECT s.id, s.event_types, c.scopes, s.created_at
          FROM webhook_subscriptions s JOIN api_clients c ON c.id = s.client_id
         WHERE s.enabled AND c.revoked_at IS NULL AND s.event_types && @Types;
        """;

    private const string InsertSql = """
        INSERT INTO webhook_deliveries (id, message_id, subscription_id, event_position, event_type, target_kind, target_id, payload,
                                        next_attempt_at)
        SELECT d.id, d.message_id, d.subscription_id, d.event_position, d.event_type, d.target_kind, d.target_id, d.payload, now()
          FROM unnest(@Ids::uuid[], @MessageIds::text[], @Subscriptions::uuid[], @Positions::bigint[], @Types::text[],
                      @Kinds::text[], @Targets::uuid[], @Payloads::text[])
               AS d (id, message_id, subscription_id, event_position, event_type, target_kind, target_id, payload)
        ON CONFLICT DO NOTHING;
        """;

    private sealed class Subscription
    {
        public Guid Id { get; init; }
        public string[] EventTypes { get; init; } = [];
        public string[] Scopes { get; init; } = [];
        public DateTime CreatedAt { get; init; }
    }

    public string Name => "webhook fan-out";

    public TimeSpan Interval(JobOptions o) => TimeSpan.FromSeconds(options.Value.PollSeconds);

    /// <summary>Fans out one batch of events; returns how many events were read (positive: there may be more).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var checkpoint = await EventCheckpoints.TakeAsync(connection, tx, Consumer, ct);
        var (events, next) = await EventReader.ReadAsync(connection, checkpoint, options.Value.BatchSize, FeedTypes, tx, ct);
        if (events.Count == 0)
        {
            await tx.CommitAsync(ct);
            return 0;
        }
        var types = events.Select(e => e.Type.ToWire()).Distinct().ToArray();
        var subscriptions = (
            await connection.QueryAsync<Subscription>(
                new CommandDefinition(SubscriptionsSql, new { Types = types }, tx, cancellationToken: ct)
            )
        ).AsList();
        var work = (
            from e in events
            from target in ChangeFeed.Targets(e)
            from s in subscriptions
            where
                s.EventTypes.Contains(e.Type.ToWire())
                && s.Scopes.Contains(ChangeFeed.ScopeOf(target.Kind).ToWire())
                && e.OccurredAt >= s.CreatedAt.AsUtc()
            select (Event: e, Target: target, Subscription: s.Id)
        ).ToList();
        if (work.Count > 0)
        {
            var snapshot = await ChangeFeed.ReadAsync(
                connection,
                work.Select(w => w.Target).Distinct().ToList(),
                addresses.Current.AppBaseUrl,
                tx,
                ct
            );
            var payloads = new Dictionary<(long, ChangeKind, Guid), string>();
            string PayloadOf(RecordedEvent e, (ChangeKind Kind, Guid Id) t)
            {
                if (!payloads.TryGetValue((e.Position, t.Kind, t.Id), out var payload))
                {
                    var entry = snapshot.Entry(e, new EventCheckpoint(EventReader.TxIdOf(e), e.Position), t.Kind, t.Id);
                    payloads[(e.Position, t.Kind, t.Id)] = payload = WebhookPayloads.ForEntry(
                        entry,
                        json.Value.SerializerOptions,
                        options.Value.MaxPayloadBytes
                    );
                }
                return payload;
            }
            var ids = work.Select(_ => Guid.CreateVersion7()).ToArray();
            await connection.ExecuteAsync(
                new CommandDefinition(
                    InsertSql,
                    new
                    {
                        Ids = ids,
                        MessageIds = ids.Select(WebhookPayloads.MessageId).ToArray(),
                        Subscriptions = work.Select(w => w.Subscription).ToArray(),
                        Positions = work.Select(w => w.Event.Position).ToArray(),
                        Types = work.Select(w => w.Event.Type.ToWire()).ToArray(),
                        Kinds = work.Select(w => w.Target.Kind.ToWire()).ToArray(),
                        Targets = work.Select(w => w.Target.Id).ToArray(),
                        Payloads = work.Select(w => PayloadOf(w.Event, w.Target)).ToArray(),
                    },
                    tx,
                    cancellationToken: ct
                )
            );
        }
        await EventCheckpoints.SaveAsync(connection, tx, Consumer, next, ct);
        await tx.CommitAsync(ct);
        return events.Count;
    }
}
