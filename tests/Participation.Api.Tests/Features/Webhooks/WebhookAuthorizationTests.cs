using System.Net.Http.Json;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Webhooks;

/// <summary>
/// The authorization matrix (QUALITY.md §2) of the webhook endpoints: admins and the IT manager manage any client's
/// subscriptions; an API client with webhooks:manage its own only (another client's: 404); without the scope: 403.
/// </summary>
[Collection(ApiCollection.B)]
public sealed class WebhookAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Actions =
    [
        "list",
        "get",
        "create",
        "update",
        "delete",
        "rotate",
        "enable",
        "disable",
        "test",
        "deliveries",
        "replay",
    ];

    private static int Success(string action) =>
        action switch
        {
            "create" or "test" or "replay" => 201,
            "delete" => 204,
            _ => 200,
        };

    private static int Expected(string actor, string action) =>
        actor switch
        {
            "anonymous" => 401,
            "admin" or "it_manager" or "client_owner" => Success(action),
            "client_other" => action is "list" or "create" ? Success(action) : 404,
            _ => 403, // people without the role, and clients without webhooks:manage
        };

    public static TheoryData<string, string, int> Matrix() =>
        AuthorizationMatrix.Build(
            [.. AuthorizationMatrix.Actors, "client_owner", "client_other", "client_without_scope"],
            Actions,
            Expected
        );

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_manage_webhooks(string actor, string action, int expected)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var owner = await Api.CreateApiClientAsync("webhooks:manage", "ideas:read");
        var ownerHttp = await Api.ClientForApiClientAsync(owner);
        var (webhook, _) = await ownerHttp.SubscribeAsync(WebhookTestKit.Subscription("https://hooks.example.org/x", "idea.submitted"));
        var delivery = await Api.ScalarAsync<Guid>(
            """
            INSERT INTO webhook_deliveries (id, message_id, subscription_id, event_type, payload, status, delivered_at)
            VALUES (gen_random_uuid(), 'msg_0123456789abcdef', @webhook, 'webhook.test', '{}', 'delivered', now()) RETURNING id
            """,
            new { webhook }
        );
        // A disabled subscription, so that enabling it changes something.
        await Api.ScalarAsync<int>(
            "UPDATE webhook_subscriptions SET enabled = false, disabled_at = now(), disabled_reason = 'manual' "
                + "WHERE id = @webhook RETURNING 1",
            new { webhook }
        );
        if (action is "test" or "replay")
            await Api.ScalarAsync<int>(
                "UPDATE webhook_subscriptions SET enabled = true, disabled_at = NULL, disabled_reason = NULL "
                    + "WHERE id = @webhook RETURNING 1",
                new { webhook }
            );
        var client = actor switch
        {
            "client_owner" => ownerHttp,
            "client_other" => await Api.ClientForApiClientAsync(await Api.CreateApiClientAsync("webhooks:manage", "ideas:read")),
            "client_without_scope" => await Api.ClientForApiClientAsync(await Api.CreateApiClientAsync("ideas:read")),
            _ => await c.ClientAsync(actor),
        };
        var before = await Api.ScalarAsync<string>("SELECT string_agg(row_to_json(s)::text, ',') FROM webhook_subscriptions s");
        var events = await Api.CountAsync("events");
        var url = $"/api/v1/webhooks/{webhook}";

        var response = action switch
        {
            "list" => await client.GetAsync("/api/v1/webhooks"),
            "get" => await client.GetAsync(url),
            "create" => await client.PostAsJsonAsync(
                "/api/v1/webhooks",
                new
                {
                    clientId = owner.Id,
                    url = "https://hooks.example.org/y",
                    eventTypes = new[] { "idea.submitted" },
                }
            ),
            "update" => await client.PutAsJsonAsync(
                url,
                new { url = "https://hooks.example.org/z", eventTypes = new[] { "comment.posted" } }
            ),
            "delete" => await client.DeleteAsync(url),
            "rotate" => await client.PostAsJsonAsync($"{url}/rotate-secret", new { }),
            "enable" => await client.PostAsync($"{url}/enable", null),
            "disable" => await client.PostAsync($"{url}/disable", null),
            "test" => await client.PostAsync($"{url}/test", null),
            "deliveries" => await client.GetAsync($"{url}/deliveries"),
            "replay" => await client.PostAsync($"{url}/deliveries/{delivery}/replay", null),
            _ => throw new InvalidOperationException(action),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected >= 400)
        {
            await response.AssertProblemAsync(response.StatusCode);
            Assert.Equal(
                before,
                await Api.ScalarAsync<string>("SELECT string_agg(row_to_json(s)::text, ',') FROM webhook_subscriptions s")
            );
            Assert.Equal(events, await Api.CountAsync("events"));
        }
        if (actor == "client_other" && action == "list")
            Assert.Empty((await response.ReadJsonAsync())["items"]!.AsArray());
        if (actor == "client_other" && action == "create")
            // Its own, whatever the body says.
            Assert.NotEqual(owner.Id, (await response.ReadJsonAsync())["webhook"]!["clientId"]!.GetValue<Guid>());
    }
}
