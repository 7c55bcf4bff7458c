using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Participation.Api.Features.Feed;
using Participation.Api.Features.Webhooks;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Webhooks;

/// <summary>
/// Webhooks end to end: a client subscribes through the API, events fan out once into deliveries, the dispatcher sends
/// them signed to a receiver on loopback; retries, giving up, disabling with e-mails, replay, test messages, races.
/// </summary>
[Collection(ApiCollection.B)]
public sealed class WebhooksTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private TestReceiver _receiver = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Api.Connections.Clear();
        _receiver = await TestReceiver.StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _receiver.DisposeAsync();
        // Whatever a test did, the outbound handler connected to loopback only.
        Assert.All(Api.Connections.Attempts, e => Assert.True(IPAddress.IsLoopback(e.Address), e.ToString()));
        await DisposeAsync();
    }

    private string Hook => _receiver.BaseUrl + "/hook";

    private async Task DrainFanOutAsync()
    {
        while (await Api.FanOutAsync() > 0) { }
    }

    private Task<long> DeliveriesAsync() => Api.CountAsync("webhook_deliveries");

    [Fact]
    public async Task A_client_subscribes_and_receives_each_event_once_signed_per_Standard_Webhooks()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var (_, http) = await Api.SubscriberAsync();
        var (webhook, secret) = await http.SubscribeAsync(WebhookTestKit.Subscription(Hook, "idea.submitted"));
        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        // The secret is never shown again.
        Assert.DoesNotContain(secret, await http.GetStringAsync("/api/v1/webhooks"));
        Assert.DoesNotContain(secret, await http.GetStringAsync($"/api/v1/webhooks/{webhook}"));
        Assert.DoesNotContain(
            secret,
            await Api.ScalarAsync<string>("SELECT string_agg(data::text || coalesce(after::text, ''), '') FROM events")
        );

        var idea = await c.IdeaAsync(c.A, title: "Des arbres rue Haute");
        await c.CommentAsync(c.B, idea); // comment.posted: not subscribed
        await DrainFanOutAsync();
        await DrainFanOutAsync();

        Assert.Equal(1, await DeliveriesAsync());
        Assert.Equal(1, await Api.DispatchAsync());
        Assert.Equal(0, await Api.DispatchAsync());
        var request = Assert.Single(_receiver.Requests);
        Assert.True(WebhookTestKit.Verify(secret, request.Headers, request.Body, DateTimeOffset.UtcNow));
        Assert.False(WebhookTestKit.Verify(secret, request.Headers, request.Body + " ", DateTimeOffset.UtcNow));
        Assert.Matches("^msg_[0-9a-f]{32}$", request.Headers["webhook-id"]);
        Assert.InRange(
            long.Parse(request.Headers["webhook-timestamp"]),
            DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(),
            DateTimeOffset.UtcNow.ToUnixTimeSeconds()
        );
        Assert.StartsWith("application/json", request.Headers["content-type"]);
        Assert.Equal("Participation-Webhooks/1", request.Headers["user-agent"]);
        var payload = JsonNode.Parse(request.Body)!;
        Assert.Equal("idea.submitted", payload["type"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(payload["timestamp"]!.GetValue<string>(), out _));
        Assert.Equal("idea", payload["data"]!["kind"]!.GetValue<string>());
        Assert.Equal(idea, payload["data"]!["id"]!.GetValue<Guid>());
        Assert.Equal("Des arbres rue Haute", payload["data"]!["idea"]!["title"]!.GetValue<string>());
        Assert.NotNull(payload["data"]!["cursor"]);

        var log = await (await http.GetAsync($"/api/v1/webhooks/{webhook}/deliveries")).ReadJsonAsync();
        var delivery = Assert.Single(log["items"]!.AsArray())!;
        Assert.Equal("delivered", delivery["status"]!.GetValue<string>());
        Assert.Equal(request.Headers["webhook-id"], delivery["messageId"]!.GetValue<string>());
        Assert.Equal(request.Body, delivery["payload"]!.GetValue<string>());
        Assert.Equal(200, Assert.Single(delivery["attempts"]!.AsArray())!["statusCode"]!.GetValue<int>());

        // Above the size cap, the same entry goes without its representation, marked so.
        var json = Api.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var entry = System.Text.Json.JsonSerializer.Deserialize<ChangeEntry>(payload["data"], json)!;
        Assert.NotNull(entry.Idea);
        var thin = JsonNode.Parse(WebhookPayloads.ForEntry(entry, json, 300))!;
        Assert.True(thin["representationOmitted"]!.GetValue<bool>());
        Assert.Null(thin["data"]!["idea"]);
        Assert.Equal(idea, thin["data"]!["id"]!.GetValue<Guid>());
    }

    [Fact]
    public void The_signature_matches_the_test_vector_of_the_Standard_Webhooks_libraries()
    {
        // libraries/javascript/src/webhook.test.ts and libraries/csharp/StandardWebhooks.Tests: "sign function works".
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        const string id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        const string body = "{\"test\": 2432232314}";

        var signature = WebhookSignature.Sign(secret, id, 1614265330, body);

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
        var headers = new Dictionary<string, string>
        {
            ["webhook-id"] = id,
            ["webhook-timestamp"] = "1614265330",
            ["webhook-signature"] = signature,
        };
        Assert.True(WebhookTestKit.Verify(secret, headers, body, DateTimeOffset.FromUnixTimeSeconds(1614265330)));
        Assert.False(WebhookTestKit.Verify(secret, headers, body, DateTimeOffset.FromUnixTimeSeconds(1614265330 + 301)));
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_growing_waits_until_it_succeeds()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var (_, http) = await Api.SubscriberAsync();
        var (webhook, secret) = await http.SubscribeAsync(WebhookTestKit.Subscription(Hook, "idea.submitted"));
        _receiver.FailNext(2);
        await c.IdeaAsync(c.A);
        await DrainFanOutAsync();

        var waits = new List<double>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await Api.MakeDueAsync();
            Assert.Equal(1, await Api.DispatchAsync());
            if (attempt < 3)
                waits.Add(
                    await Api.ScalarAsync<double>(
                        "SELECT extract(epoch FROM next_attempt_at - last_attempt_at)::float8 FROM webhook_deliveries "
                            + "WHERE status = 'pending'"
                    )
                );
        }

        // The schedule's waits (10 s, then 100 s in tests), with at most 10 % jitter.
        Assert.InRange(waits[0], 10, 11.01);
        Assert.InRange(waits[1], 100, 110.01);
        Assert.Equal(3, _receiver.Requests.Count);
        Assert.Single(_receiver.Requests.Select(r => r.Headers["webhook-id"]).Distinct());
        Assert.All(_receiver.Requests, r => Assert.True(WebhookTestKit.Verify(secret, r.Headers, r.Body, DateTimeOffset.UtcNow)));
        var delivery = (await (await http.GetAsync($"/api/v1/webhooks/{webhook}/deliveries")).ReadJsonAsync())["items"]![0]!;
        Assert.Equal("delivered", delivery["status"]!.GetValue<string>());
        var attempts = delivery["attempts"]!.AsArray();
        Assert.Equal([500, 500, 200], attempts.Select(a => a!["statusCode"]!.GetValue<int>()));
        Assert.Contains("500", attempts[0]!["error"]!.GetValue<string>());
        Assert.Equal("receiver down for maintenance", attempts[0]!["responseExcerpt"]!.GetValue<string>());
        Assert.Null(attempts[2]!["error"]);
        Assert.Equal(
            0,
            (await (await http.GetAsync($"/api/v1/webhooks/{webhook}")).ReadJsonAsync())["consecutiveFailures"]!.GetValue<int>()
        );
    }

    [Fact]
    public async Task A_delivery_failing_through_the_whole_schedule_is_given_up_and_can_be_replayed()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var (_, http) = await Api.SubscriberAsync();
        var (webhook, _) = await http.SubscribeAsync(WebhookTestKit.Subscription(Hook, "idea.submitted"));
        _receiver.FailNext(4);
        await c.IdeaAsync(c.A);
        await DrainFanOutAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await Api.MakeDueAsync();
            Assert.Equal(1, await Api.DispatchAsync());
        }

        var failed = (await (await http.GetAsync($"/api/v1/webhooks/{webhook}/deliveries?status=failed")).ReadJsonAsync())["items"]!;
        var delivery = Assert.Single(failed.AsArray())!;
        Assert.Null(delivery["nextAttemptAt"]);
        Assert.Equal(4, delivery["attempts"]!.AsArray().Count);
        await Api.MakeDueAsync();
        Assert.Equal(0, await Api.DispatchAsync());
        // Four failures are fewer than the six that disable (test configuration): the subscription stays on.
        Assert.True((await (await http.GetAsync($"/api/v1/webhooks/{webhook}")).ReadJsonAsync())["enabled"]!.GetValue<bool>());

        // Replayed once the receiver is back: a new delivery with the same webhook-id and body.
        var replay = await http.PostAsync($"/api/v1/webhooks/{webhook}/deliveries/{delivery["id"]}/replay", null);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        var replayed = await replay.ReadJsonAsync();
        Assert.Equal(delivery["id"]!.GetValue<Guid>(), replayed["replayOf"]!.GetValue<Guid>());
        Assert.Equal(delivery["messageId"]!.GetValue<string>(), replayed["messageId"]!.GetValue<string>());
        // Not again while it is pending.
        var again = await http.PostAsync($"/api/v1/webhooks/{webhook}/deliveries/{replayed["id"]}/replay", null);
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await Api.DispatchAsync());
        var requests = _receiver.Requests.ToList();
        Assert.Equal(5, requests.Count);
        Assert.Equal(requests[0].Body, requests[4].Body);
        Assert.Equal(requests[0].Headers["webhook-id"], requests[4].Headers["webhook-id"]);
        Assert.Equal(
            "delivered",
            await Api.ScalarAsync<string>(
                "SELECT status FROM webhook_deliveries WHERE id = @Id",
                new { Id = replayed["id"]!.GetValue<Guid>() }
            )
        );
        Assert.Equal(
            1,
            await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'webhook.delivery_replayed' AND actor_type = 'client'")
        );
    }

    [Fact]
    public async Task Repeated_failures_disable_the_subscription_and_e_mail_the_IT_managers_until_it_is_enabled_again()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var it = await Api.CreateUserAsync(email: "it@ville.example", firstName: "Inès", role: "it_manager");
        var (_, http) = await Api.SubscriberAsync();
        var (webhook, _) = await http.SubscribeAsync(WebhookTestKit.Subscription(Hook, "idea.submitted"));
        _receiver.FailNext(1000);
        await c.IdeaAsync(c.A, title: "Idée un");
        await c.IdeaAsync(c.A, title: "Idée deux");
        await DrainFanOutAsync();

        // Two deliveries, three rounds: the sixth failure in a row disables it.
        for (var round = 0; round < 3; round++)
        {
            await Api.MakeDueAsync();
            Assert.Equal(2, await Api.DispatchAsync());
        }

        var disabled = await (await http.GetAsync($"/api/v1/webhooks/{webhook}")).ReadJsonAsync();
        Assert.False(disabled["enabled"]!.GetValue<bool>());
        Assert.Equal("failing", disabled["disabledReason"]!.GetValue<string>());
        Assert.Equal("system", await Api.ScalarAsync<string>("SELECT actor_type FROM events WHERE type = 'webhook.disabled'"));
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'webhook.disabled'"));
        var mail = Assert.Single(await Api.OutboxAsync(it.Email));
        Assert.Contains("Webhook désactivé", mail.Subject);
        Assert.Contains(Hook, mail.TextBody);
        Assert.Contains("/admin/webhooks", mail.TextBody);
        // Admins are e-mailed only when there is no IT manager.
        Assert.Single(await Api.OutboxAsync(), m => m.Category == "webhook_disabled");

        // Off: nothing is sent, new events do not fan out to it.
        await Api.MakeDueAsync();
        Assert.Equal(0, await Api.DispatchAsync());
        await c.IdeaAsync(c.A, title: "Idée trois");
        await DrainFanOutAsync();
        Assert.Equal(2, await DeliveriesAsync());
        await (await http.PostAsync($"/api/v1/webhooks/{webhook}/test", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        // Enabled again once the receiver is fixed: the pending deliveries go out.
        _receiver.FailNext(0);
        var enabled = await (await http.PostAsync($"/api/v1/webhooks/{webhook}/enable", null)).ReadJsonAsync();
        Assert.True(enabled["enabled"]!.GetValue<bool>());
        Assert.Equal(0, enabled["consecutiveFailures"]!.GetValue<int>());
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'webhook.enabled'"));
        await Api.MakeDueAsync();
        Assert.Equal(2, await Api.DispatchAsync());
        Assert.Equal(2, await Api.ScalarAsync<long>("SELECT count(*) FROM webhook_deliveries WHERE status = 'delivered'"));
    }

    [Fact]
    public async Task A_receiver_answering_410_Gone_disables_the_subscription_at_once()
    {
        await Api.CreateUserAsync(email: "admin@ville.example", role: "admin");
        var (_, http) = await Api.SubscriberAsync();
        var (webhook, _) = await http.SubscribeAsync(WebhookTestKit.Subscription(_receiver.BaseUrl + "/gone", "idea.submitted"));

        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync($"/api/v1/webhooks/{webhook}/test", null)).StatusCode);
        Assert.Equal(1, await Api.DispatchAsync());

        var gone = await (await http.GetAsync($"/api/v1/webhooks/{webhook}")).ReadJsonAsync();
        Assert.Equal("gone", gone["disabledReason"]!.GetValue<string>());
        // No IT manager: the admins are told.
        Assert.Contains(await Api.OutboxAsync(), m => m.ToAddress == "admin@ville.example");
    }

    [Fact]
    public async Task A_test_message_reaches_the_receiver_and_manual_disabling_stops_deliveries()
    {
        var (_, http) = await Api.SubscriberAsync();
        var (webhook, secret) = await http.SubscribeAsync(WebhookTestKit.Subscription(Hook, "project.edited"));

        var response = await http.PostAsync($"/api/v1/webhooks/{webhook}/test", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("webhook.test", (await response.ReadJsonAsync())["type"]!.GetValue<string>());
        Assert.Equal(1, await Api.DispatchAsync());
        var request = Assert.Single(_receiver.Requests);
        Assert.True(WebhookTestKit.Verify(secret, request.Headers, request.Body, DateTimeOffset.UtcNow));
        Assert.Equal(webhook, JsonNode.Parse(request.Body)!["data"]!["webhookId"]!.GetValue<Guid>());
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'webhook.test_sent'"));

        var off = await (await http.PostAsync($"/api/v1/webhooks/{webhook}/disable", null)).ReadJsonAsync();
        Assert.Equal("manual", off["disabledReason"]!.GetValue<string>());
        Assert.Empty(await Api.OutboxAsync()); // nobody is e-mailed for a manual stop
        await (await http.PostAsync($"/api/v1/webhooks/{webhook}/test", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Rotating_the_secret_signs_with_both_secrets_during_the_overlap_then_with_the_new_one_only()
    {
        var (_, http) = await Api.SubscriberAsync();
        var (webhook, first) = await http.SubscribeAsync(WebhookTestKit.Subscription(Hook, "idea.submitted"));
        var rotated = await (await http.PostJsonAsync($"/api/v1/webhooks/{webhook}/rotate-secret", new { })).ReadJsonAsync();
        var second = rotated["secret"]!.GetValue<string>();
        Assert.NotEqual(first, second);

        await http.PostAsync($"/api/v1/webhooks/{webhook}/test", null);
        await Api.DispatchAsync();
        var during = _receiver.Requests.Last();
        Assert.Equal(2, during.Headers["webhook-signature"].Split(' ').Length);
        Assert.True(WebhookTestKit.Verify(first, during.Headers, during.Body, DateTimeOffset.UtcNow));
        Assert.True(WebhookTestKit.Verify(second, during.Headers, during.Body, DateTimeOffset.UtcNow));

        // After a leak: no overlap.
        var third = (
            await (await http.PostJsonAsync($"/api/v1/webhooks/{webhook}/rotate-secret", new { overlapHours = 0 })).ReadJsonAsync()
        )["secret"]!.GetValue<string>();
        await http.PostAsync($"/api/v1/webhooks/{webhook}/test", null);
        await Api.DispatchAsync();
        var after = _receiver.Requests.Last();
        Assert.False(WebhookTestKit.Verify(second, after.Headers, after.Body, DateTimeOffset.UtcNow));
        Assert.True(WebhookTestKit.Verify(third, after.Headers, after.Body, DateTimeOffset.UtcNow));
        Assert.Equal(2, await Api.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'webhook.secret_rotated'"));
    }

    [Fact]
    public async Task Two_fan_outs_and_two_dispatchers_racing_deliver_each_event_once()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var (_, http) = await Api.SubscriberAsync();
        await http.SubscribeAsync(WebhookTestKit.Subscription(Hook, "idea.submitted", "comment.posted"));
        await http.SubscribeAsync(WebhookTestKit.Subscription(Hook + "?second", "idea.submitted"));
        for (var i = 0; i < 6; i++)
            await c.CommentAsync(c.B, await c.IdeaAsync(c.A, title: $"Idée {i}"));

        // Two instances' jobs on the same database, at once, until both find nothing left (of what was written before).
        await Api.SettledAsync();
        var fanOuts = new[]
        {
            ActivatorUtilities.CreateInstance<WebhookFanOut>(Api.Services),
            ActivatorUtilities.CreateInstance<WebhookFanOut>(Api.Services),
        };
        await Task.WhenAll(
            fanOuts.Select(async f =>
            {
                while (await f.RunOnceAsync(CancellationToken.None) > 0) { }
            })
        );
        // 6 ideas to both subscriptions, 6 comments to the first: one delivery per subscription and resource changed.
        Assert.Equal(6 + 6 + 6, await DeliveriesAsync());

        var dispatchers = new[]
        {
            ActivatorUtilities.CreateInstance<WebhookDispatcher>(Api.Services),
            ActivatorUtilities.CreateInstance<WebhookDispatcher>(Api.Services),
        };
        await Task.WhenAll(
            dispatchers.Select(async d =>
            {
                while (await d.RunOnceAsync(CancellationToken.None) > 0) { }
            })
        );

        Assert.Equal(18, _receiver.Requests.Count);
        Assert.Equal(18, _receiver.Requests.Select(r => r.Headers["webhook-id"]).Distinct().Count());
        Assert.Equal(18, await Api.CountAsync("webhook_attempts"));
        Assert.Equal(18, await Api.ScalarAsync<long>("SELECT count(*) FROM webhook_deliveries WHERE status = 'delivered'"));
        foreach (var d in dispatchers)
            d.Dispose();
    }

    [Fact]
    public async Task A_client_edits_and_deletes_its_subscription_and_each_change_is_audited_as_the_client()
    {
        var (client, http) = await Api.SubscriberAsync();
        var (webhook, _) = await http.SubscribeAsync(WebhookTestKit.Subscription(Hook, "idea.submitted"));

        var edited = await http.PutAsJsonAsync(
            $"/api/v1/webhooks/{webhook}",
            new
            {
                url = "https://hooks.example.org/participation",
                eventTypes = new[] { "comment.posted", "idea.submitted", "project.status_changed" },
                description = "CRM",
            }
        );

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var body = await edited.ReadJsonAsync();
        Assert.Equal("https://hooks.example.org/participation", body["url"]!.GetValue<string>());
        Assert.Equal(
            ["project.status_changed", "idea.submitted", "comment.posted"],
            body["eventTypes"]!.AsArray().Select(t => t!.GetValue<string>())
        );
        var after = JsonNode.Parse(await Api.ScalarAsync<string>("SELECT after::text FROM events WHERE type = 'webhook.edited'"))!;
        Assert.Equal("CRM", after["description"]!.GetValue<string>());
        Assert.Equal(client.Id, await Api.ScalarAsync<Guid>("SELECT client_id FROM events WHERE type = 'webhook.edited'"));
        Assert.Equal("client", await Api.ScalarAsync<string>("SELECT actor_type FROM events WHERE type = 'webhook.created'"));

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/v1/webhooks/{webhook}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/v1/webhooks/{webhook}")).StatusCode);
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'webhook.deleted'"));
    }

    [Fact]
    public async Task The_IT_manager_subscribes_for_a_client_within_its_scopes()
    {
        var manager = Api.ClientFor((await Api.CreateUserAsync(role: "it_manager")).Id);
        var projectsOnly = await Api.CreateApiClientAsync("projects:read");

        var refused = await manager.PostJsonAsync(
            "/api/v1/webhooks",
            new
            {
                clientId = projectsOnly.Id,
                url = "https://hooks.example.org/x",
                eventTypes = new[] { "idea.submitted" },
            }
        );
        await refused.AssertFieldErrorsAsync("eventTypes");

        var created = await manager.PostJsonAsync(
            "/api/v1/webhooks",
            new
            {
                clientId = projectsOnly.Id,
                url = "https://hooks.example.org/x",
                eventTypes = new[] { "project.edited" },
            }
        );
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var list = await (await manager.GetAsync($"/api/v1/webhooks?clientId={projectsOnly.Id}")).ReadJsonAsync();
        Assert.Single(list["items"]!.AsArray());
        Assert.Equal("user", await Api.ScalarAsync<string>("SELECT actor_type FROM events WHERE type = 'webhook.created'"));
    }

    [Fact]
    public async Task Bad_input_is_refused_and_nothing_is_written()
    {
        var (_, http) = await Api.SubscriberAsync();
        var manager = Api.ClientFor((await Api.CreateUserAsync(role: "admin")).Id);
        var events = await Api.CountAsync("events");

        foreach (
            var url in new[]
            {
                "",
                "pas une adresse",
                "ftp://hooks.example.org/x",
                "https://user:pw@hooks.example.org/x",
                "https://nowhere.invalid/x",
            }
        )
            await (await http.PostJsonAsync("/api/v1/webhooks", WebhookTestKit.Subscription(url))).AssertFieldErrorsAsync("url");
        await (
            await http.PostJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.org/x", eventTypes = Array.Empty<string>() })
        ).AssertFieldErrorsAsync("eventTypes");
        await (
            await http.PostJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.org/x", eventTypes = new[] { "vote.cast" } })
        ).AssertFieldErrorsAsync("eventTypes");
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (
                await http.PostJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.org/x", eventTypes = new[] { "nope" } })
            ).StatusCode
        );
        await (
            await http.PostJsonAsync(
                "/api/v1/webhooks",
                new
                {
                    url = "https://hooks.example.org/x",
                    eventTypes = new[] { "idea.submitted" },
                    description = new string('x', 1001),
                }
            )
        ).AssertFieldErrorsAsync("description");
        await (
            await manager.PostJsonAsync("/api/v1/webhooks", WebhookTestKit.Subscription("https://hooks.example.org/x"))
        ).AssertFieldErrorsAsync("clientId");
        await (
            await manager.PostJsonAsync(
                "/api/v1/webhooks?x=1",
                new
                {
                    clientId = Guid.NewGuid(),
                    url = "https://hooks.example.org/x",
                    eventTypes = new[] { "idea.submitted" },
                }
            )
        ).AssertFieldErrorsAsync("clientId");
        await (await http.GetAsync("/api/v1/webhooks/" + Guid.NewGuid() + "/deliveries?limit=0")).AssertProblemAsync(
            HttpStatusCode.BadRequest
        );

        Assert.Equal(0, await Api.CountAsync("webhook_subscriptions"));
        Assert.Equal(events, await Api.CountAsync("events"));
    }
}
