using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Participation.Api.Features.Webhooks;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Webhooks;

/// <summary>Webhooks in tests: a client subscribing through the API, and the jobs' steps run directly (no waiting on time).</summary>
public static class WebhookTestKit
{
    /// <summary>An API client with webhooks:manage (and the read scopes unless told), calling as itself.</summary>
    public static async Task<(TestApiClient Client, HttpClient Http)> SubscriberAsync(this ApiFactory api, params string[] scopes)
    {
        var client = await api.CreateApiClientAsync(scopes.Length == 0 ? ["webhooks:manage", "projects:read", "ideas:read"] : scopes);
        return (client, await api.ClientForApiClientAsync(client));
    }

    public static object Subscription(string url, params string[] eventTypes) =>
        new
        {
            url,
            eventTypes = eventTypes.Length == 0 ? ["idea.submitted", "idea.status_changed"] : eventTypes,
            description = "Gestion des demandes",
        };

    /// <summary>Creates the subscription through the API; returns its id and its secret (shown once).</summary>
    public static async Task<(Guid Id, string Secret)> SubscribeAsync(this HttpClient http, object subscription)
    {
        var response = await http.PostAsJsonAsync("/api/v1/webhooks", subscription);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"create webhook: {(int)response.StatusCode} {body}");
        var json = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        return (json["webhook"]!["id"]!.GetValue<Guid>(), json["secret"]!.GetValue<string>());
    }

    /// <summary>One fan-out pass over every event written before the call (see <see cref="Http.SettledAsync"/>).</summary>
    public static async Task<int> FanOutAsync(this ApiFactory api)
    {
        await api.SettledAsync();
        return await api.Services.GetRequiredService<WebhookFanOut>().RunOnceAsync(CancellationToken.None);
    }

    public static Task<int> DispatchAsync(this ApiFactory api) =>
        api.Services.GetRequiredService<WebhookDispatcher>().RunOnceAsync(CancellationToken.None);

    /// <summary>Makes every pending delivery due now (instead of waiting for its retry).</summary>
    public static async Task MakeDueAsync(this ApiFactory api)
    {
        await using var connection = await api.OpenAsync();
        await Dapper.SqlMapper.ExecuteAsync(
            connection,
            "UPDATE webhook_deliveries SET next_attempt_at = now() - interval '1 second' WHERE status = 'pending'"
        );
    }

    /// <summary>
    /// Standard Webhooks verification written from the specification, independent of the API's code: the key is the
    /// base64 after "whsec_", the signed content "id.timestamp.body", any "v1," signature of the header may match
    /// (constant-time comparison), and the timestamp must be within 5 minutes.
    /// </summary>
    public static bool Verify(string secret, IReadOnlyDictionary<string, string> headers, string body, DateTimeOffset now)
    {
        if (
            !headers.TryGetValue("webhook-id", out var id)
            || !headers.TryGetValue("webhook-timestamp", out var timestamp)
            || !headers.TryGetValue("webhook-signature", out var signatures)
        )
            return false;
        if (!long.TryParse(timestamp, out var seconds) || Math.Abs(now.ToUnixTimeSeconds() - seconds) > 300)
            return false;
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        using var hmac = new HMACSHA256(key);
        var expected = Encoding.ASCII.GetBytes(
            Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")))
        );
        return signatures
            .Split(' ')
            .Select(s => s.Split(',', 2))
            .Any(p => p.Length == 2 && p[0] == "v1" && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(p[1]), expected));
    }
}
