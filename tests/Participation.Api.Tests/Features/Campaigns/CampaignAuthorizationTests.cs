using System.Net.Http.Json;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;
using static Participation.Api.Tests.Features.Campaigns.CampaignTestKit;

namespace Participation.Api.Tests.Features.Campaigns;

/// <summary>
/// The authorization matrix (QUALITY.md §2) of campaigns (communication managers and admins only) and of the newsletter
/// consent (every signed-in person, their own).
/// </summary>
[Collection(ApiCollection.C)]
public sealed class CampaignAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Actions =
    [
        "list",
        "get",
        "create",
        "update",
        "preview",
        "test",
        "schedule",
        "cancel",
        "consent_get",
        "consent_set",
    ];

    private static int Expected(string actor, string action) =>
        (actor, action) switch
        {
            ("anonymous", _) => 401,
            (_, "consent_get" or "consent_set") => 200,
            ("admin" or "communication_manager", "create") => 201,
            ("admin" or "communication_manager", _) => 200,
            _ => 403,
        };

    public static TheoryData<string, string, int> Matrix() => AuthorizationMatrix.Build(AuthorizationMatrix.Actors, Actions, Expected);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_run_campaigns_and_manage_consent(string actor, string action, int expected)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var draft = await CreateAsync(c.Admin);
        var scheduled = await CreateAsync(c.Admin, Draft("Plus tard"));
        await c.Admin.PostJsonAsync($"/api/v1/campaigns/{scheduled}/schedule", new { scheduledAt = DateTimeOffset.UtcNow.AddDays(3) });
        var client = await c.ClientAsync(actor);
        const string state = """
            SELECT coalesce(string_agg(row_to_json(x)::text, ',' ORDER BY x.id), '') FROM campaigns x;
            """;
        var before = await Api.ScalarAsync<string>(state);
        var consents = await Api.CountAsync("newsletter_consents");
        var outbox = await Api.CountAsync("email_outbox");
        var events = await Api.CountAsync("events");

        var response = action switch
        {
            "list" => await client.GetAsync("/api/v1/campaigns"),
            "get" => await client.GetAsync($"/api/v1/campaigns/{draft}"),
            "create" => await client.PostJsonAsync("/api/v1/campaigns", Draft("Nouvelle")),
            "update" => await client.PutAsJsonAsync($"/api/v1/campaigns/{draft}", Draft("Revue")),
            "preview" => await client.PostJsonAsync("/api/v1/campaigns/recipients/preview", new { kind = "newsletter" }),
            "test" => await client.PostJsonAsync($"/api/v1/campaigns/{draft}/test", new { }),
            "schedule" => await client.PostJsonAsync($"/api/v1/campaigns/{draft}/schedule", new { }),
            "cancel" => await client.PostJsonAsync($"/api/v1/campaigns/{scheduled}/cancel", new { }),
            "consent_get" => await client.GetAsync("/api/v1/newsletter/consent"),
            "consent_set" => await client.PutAsJsonAsync("/api/v1/newsletter/consent", new { consented = true }),
            _ => throw new InvalidOperationException(action),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected >= 400)
        {
            await response.AssertProblemAsync(response.StatusCode);
            Assert.Equal(before, await Api.ScalarAsync<string>(state));
            Assert.Equal(consents, await Api.CountAsync("newsletter_consents"));
            Assert.Equal(outbox, await Api.CountAsync("email_outbox"));
            Assert.Equal(events, await Api.CountAsync("events"));
        }
    }
}
