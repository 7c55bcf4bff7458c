using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Participation.Ops.Tests.Infrastructure;
using Participation.Ops.Tests.Replica;

namespace Participation.Ops.Tests.Cluster;

/// <summary>
/// Webhooks with two instances both running the fan-out and the dispatcher: each event becomes one delivery, sent once,
/// signed with the subscription's secret; a delivery the receiver refuses once is retried and delivered once.
/// </summary>
public sealed class WebhookDeliveryTests
{
    private const int Ideas = 6;

    [Fact]
    public async Task Each_event_is_delivered_once_signed_though_both_instances_fan_out_and_dispatch()
    {
        await using var receiver = new WebhookReceiver();
        await using var api = await TwoInstances.StartAsync(
            "webhooks_once",
            new Dictionary<string, string?>
            {
                ["Webhooks__AllowInsecureHttp"] = "true",
                ["Webhooks__AllowedNetworks__0"] = "127.0.0.0/8",
                ["Webhooks__PollSeconds"] = "1",
                ["Webhooks__BatchSize"] = "2", // small batches: both instances take turns at claiming
                ["Webhooks__RetryScheduleSeconds__0"] = "1",
                ["Webhooks__RetryScheduleSeconds__1"] = "1",
                ["Webhooks__RetryScheduleSeconds__2"] = "1",
            }
        );
        var city = await ReplicaCity.CreateAsync(api.A, api.Database);

        // An API client (made by the admin through A) subscribes through B with the token A issued it.
        var client = await JsonOf(
            await city.Admin.PostAsJsonAsync(
                "/api/v1/api-clients",
                new { name = "Gestion des demandes", scopes = new[] { "webhooks:manage", "projects:read", "ideas:read" } }
            )
        );
        var token = await JsonOf(
            await api.A.Client.PostAsync(
                "/api/v1/oauth/token",
                new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        ["grant_type"] = "client_credentials",
                        ["client_id"] = client["clientId"]!.GetValue<string>(),
                        ["client_secret"] = client["clientSecret"]!.GetValue<string>(),
                    }
                )
            )
        );
        using var integration = new HttpClient { BaseAddress = api.B.BaseAddress };
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer",
            token["access_token"]!.GetValue<string>()
        );
        var created = await JsonOf(
            await integration.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url, eventTypes = new[] { "idea.submitted" } })
        );
        var webhook = created["webhook"]!["id"]!.GetValue<Guid>();
        var secret = created["secret"]!.GetValue<string>();

        // Ideas submitted through both instances; the receiver refuses the first delivery it gets (500), once.
        receiver.FailFirst();
        using var authorOnB = new HttpClient { BaseAddress = api.B.BaseAddress };
        authorOnB.DefaultRequestHeaders.Authorization = city.Author.DefaultRequestHeaders.Authorization;
        var ideas = new List<Guid>();
        for (var i = 0; i < Ideas; i++)
        {
            var idea = await JsonOf(
                await (i % 2 == 0 ? city.Author : authorOnB).PostAsJsonAsync(
                    $"/api/v1/projects/{city.Project}/ideas",
                    new
                    {
                        title = $"Des bancs à l'ombre n° {i}",
                        body = "<p>Près de l'étang.</p>",
                        topics = new[] { "parc" },
                    }
                )
            );
            ideas.Add(idea["id"]!.GetValue<Guid>());
        }

        await using var connection = api.Connect();
        await api.UntilAsync(
            async () =>
                await connection.ExecuteScalarAsync<long>(
                    "SELECT count(*) FROM webhook_deliveries WHERE subscription_id = @webhook AND status = 'delivered'",
                    new { webhook }
                ) == Ideas,
            "every idea's delivery delivered"
        );
        await api.SeveralPollsAsync(); // both instances have fanned out and dispatched again since: a second sending would show

        // The receiver: one successful request per event, the refused one retried with the same webhook-id.
        var requests = receiver.Requests.ToList();
        var delivered = requests.Where(r => r.Answered == 200).ToList();
        Assert.Equal(Ideas, delivered.Count);
        Assert.Equal(Ideas, delivered.Select(r => r.WebhookId).Distinct().Count());
        Assert.Equal(ideas.Order(), delivered.Select(r => JsonNode.Parse(r.Body)!["data"]!["id"]!.GetValue<Guid>()).Order());
        Assert.All(delivered, r => Assert.Equal("idea.submitted", JsonNode.Parse(r.Body)!["type"]!.GetValue<string>()));
        var refused = Assert.Single(requests, r => r.Answered == 500);
        Assert.NotNull(refused.WebhookId);
        Assert.Equal(refused.WebhookId, receiver.Failed);
        Assert.Contains(delivered, r => r.WebhookId == refused.WebhookId && r.Body == refused.Body);
        Assert.Equal(Ideas + 1, requests.Count);
        Assert.All(requests, r => Assert.True(Verifies(secret, r), $"signature of {r.WebhookId}"));

        // The deliveries log: one delivery per event, each with one successful attempt (the refused one: 500, then 200).
        var log = (
            await connection.QueryAsync<(string MessageId, string Status, int Attempts, string Codes)>(
                """
                SELECT d.message_id, d.status, d.attempts, string_agg(coalesce(a.status_code::text, '-'), ',' ORDER BY a.id)
                  FROM webhook_deliveries d JOIN webhook_attempts a ON a.delivery_id = d.id
                 WHERE d.subscription_id = @webhook
                 GROUP BY d.id
                """,
                new { webhook }
            )
        ).ToList();
        Assert.Equal(Ideas, log.Count);
        Assert.Equal(delivered.Select(r => r.WebhookId).Order(), log.Select(d => d.MessageId).Order());
        Assert.All(log, d =>
        {
            Assert.Equal("delivered", d.Status);
            var expected = d.MessageId == refused.WebhookId ? "500,200" : "200";
            Assert.Equal(expected, d.Codes);
            Assert.Equal(expected.Split(',').Length, d.Attempts);
        });
        Assert.False(api.A.HasExited);
        Assert.False(api.B.HasExited);
    }

    /// <summary>
    /// Standard Webhooks verification, written from the specification: HMAC-SHA256 keyed with the base64 after "whsec_",
    /// over "id.timestamp.body"; any "v1," signature of the header may match; the timestamp within 5 minutes.
    /// </summary>
    private static bool Verifies(string secret, WebhookReceiver.Received r)
    {
        if (r.WebhookId is null || r.Signature is null || !long.TryParse(r.Timestamp, out var seconds))
            return false;
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300)
            return false;
        var expected = Encoding.ASCII.GetBytes(
            Convert.ToBase64String(
                HMACSHA256.HashData(
                    Convert.FromBase64String(secret["whsec_".Length..]),
                    Encoding.UTF8.GetBytes($"{r.WebhookId}.{r.Timestamp}.{r.Body}")
                )
            )
        );
        return r
            .Signature.Split(' ')
            .Select(s => s.Split(',', 2))
            .Any(p => p.Length == 2 && p[0] == "v1" && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(p[1]), expected));
    }

    private static async Task<JsonNode> JsonOf(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
            return JsonNode.Parse(body)!;
        }
    }
}
