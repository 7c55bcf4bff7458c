using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Participation.Api.Features.Feed;

namespace Participation.Api.Features.Webhooks;

/// <summary>
/// Standard Webhooks signatures (spec 1.0.0, symmetric): HMAC-SHA256 keyed with the secret's bytes (the base64 after
/// "whsec_"), over "{webhook-id}.{webhook-timestamp}.{body}" with the body's exact bytes, sent as "v1,{base64}". Several
/// signatures are space-separated (during a secret rotation both the new and the previous secret sign).
/// </summary>
public static class WebhookSignature
{
    public static byte[] KeyOf(string secret) =>
        Convert.FromBase64String(secret.StartsWith(WebhookRules.SecretPrefix, StringComparison.Ordinal) ? secret[6..] : secret);

    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes($"{messageId}.{timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret), signed));
    }

    /// <summary>The webhook-signature header: the current secret's signature, then the previous one's while it still signs.</summary>
    public static string Header(string secret, string? previousSecret, string messageId, long timestamp, string body) =>
        previousSecret is null
            ? Sign(secret, messageId, timestamp, body)
            : $"{Sign(secret, messageId, timestamp, body)} {Sign(previousSecret, messageId, timestamp, body)}";
}

/// <summary>
/// The bodies sent: {"type", "timestamp", "data"} as Standard Webhooks recommends. For an event, data is the change
/// feed's entry for one resource changed (its current public representation or its tombstone, with the feed's cursor).
/// A body above <see cref="WebhookOptions.MaxPayloadBytes"/> goes without the representation and with
/// "representationOmitted": true: the receiver reads the resource from the API.
/// </summary>
public static class WebhookPayloads
{
    public const string TestType = "webhook.test";

    public static string ForEntry(ChangeEntry entry, JsonSerializerOptions json, int maxBytes)
    {
        var body = Serialize(entry.Event.ToWire(), entry.OccurredAt, JsonSerializer.SerializeToNode(entry, json)!, false, json);
        if (Encoding.UTF8.GetByteCount(body) <= maxBytes)
            return body;
        var thin = entry with { Project = null, Idea = null, Comment = null };
        return Serialize(entry.Event.ToWire(), entry.OccurredAt, JsonSerializer.SerializeToNode(thin, json)!, true, json);
    }

    public static string ForTest(Guid webhookId, DateTimeOffset now, JsonSerializerOptions json) =>
        Serialize(
            TestType,
            now,
            new JsonObject
            {
                ["webhookId"] = webhookId,
                ["message"] = "A test message sent from Participation: your endpoint receives it.",
            },
            false,
            json
        );

    private static string Serialize(string type, DateTimeOffset timestamp, JsonNode data, bool omitted, JsonSerializerOptions json)
    {
        var payload = new JsonObject
        {
            ["type"] = type,
            ["timestamp"] = timestamp.UtcDateTime.ToString(
                "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'",
                System.Globalization.CultureInfo.InvariantCulture
            ),
            ["data"] = data,
        };
        if (omitted)
            payload["representationOmitted"] = true;
        return payload.ToJsonString(json);
    }

    /// <summary>A webhook-id: "msg_" and 32 hexadecimal digits (no full stop: it is part of the signed content).</summary>
    public static string MessageId(Guid deliveryId) => "msg_" + deliveryId.ToString("N");
}
