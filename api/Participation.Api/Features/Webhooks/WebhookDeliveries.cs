using System.Data;
using System.Text.Json.Serialization;

namespace Participation.Api.Features.Webhooks;

/// <summary>Where a delivery stands.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum WebhookDeliveryStatus
{
    /// <summary>Not delivered yet: waiting for its first attempt or its next retry (nextAttemptAt).</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Given up after the last retry of the schedule (it can be replayed).</summary>
    Failed,
}

/// <summary>One attempt: the receiver's status code and the first kilobyte of its answer, or why it could not be reached.</summary>
public sealed record WebhookAttempt(DateTimeOffset AttemptedAt, int? StatusCode, int DurationMs, string? Error, string? ResponseExcerpt);

/// <summary>A message sent (or to send) to a subscription, with its attempts, oldest first.</summary>
/// <param name="MessageId">The webhook-id header: the same on every retry and replay of this message (an idempotency key).</param>
/// <param name="Type">The payload's type: an event type, or webhook.test.</param>
/// <param name="Payload">The exact body sent and signed.</param>
/// <param name="ReplayOf">The delivery this one replays.</param>
public sealed record WebhookDelivery(
    Guid Id,
    string MessageId,
    string Type,
    WebhookDeliveryStatus Status,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? DeliveredAt,
    Guid? ReplayOf,
    DateTimeOffset CreatedAt,
    string Payload,
    IReadOnlyList<WebhookAttempt> Attempts
);

/// <summary>Reads deliveries with their attempts in one statement.</summary>
public static class WebhookDeliveryReader
{
    public const string Columns = """
        d.id, d.message_id, d.event_type, d.status, d.next_attempt_at, d.last_attempt_at, d.delivered_at, d.replay_of, d.created_at,
        d.payload,
        coalesce((SELECT json_agg(json_build_object(
                            'attemptedAt', a.attempted_at, 'statusCode', a.status_code, 'durationMs', a.duration_ms,
                            'error', a.error, 'responseExcerpt', a.response_excerpt) ORDER BY a.id)
                    FROM webhook_attempts a WHERE a.delivery_id = d.id), '[]')::text AS attempts
        """;

    private const string OneSql = $"SELECT {Columns} FROM webhook_deliveries d WHERE d.id = @Id;";

    public sealed record Row(
        Guid Id,
        string MessageId,
        string EventType,
        string Status,
        DateTime? NextAttemptAt,
        DateTime? LastAttemptAt,
        DateTime? DeliveredAt,
        Guid? ReplayOf,
        DateTime CreatedAt,
        string Payload,
        string Attempts
    )
    {
        private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

        public WebhookDelivery ToDelivery() =>
            new(
                Id,
                MessageId,
                EventType,
                Status.ToEnum<WebhookDeliveryStatus>(),
                NextAttemptAt?.AsUtc(),
                LastAttemptAt?.AsUtc(),
                DeliveredAt?.AsUtc(),
                ReplayOf,
                CreatedAt.AsUtc(),
                Payload,
                System.Text.Json.JsonSerializer.Deserialize<List<WebhookAttempt>>(Attempts, Json)!
            );
    }

    public static async Task<WebhookDelivery> ReadOneAsync(IDbConnection connection, Guid id, IDbTransaction? tx, CancellationToken ct) =>
        (await connection.QuerySingleAsync<Row>(new CommandDefinition(OneSql, new { Id = id }, tx, cancellationToken: ct))).ToDelivery();
}
