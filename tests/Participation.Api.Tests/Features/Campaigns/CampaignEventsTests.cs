using System.Net.Http.Json;
using Participation.Api.Tests.Infrastructure;
using static Participation.Api.Tests.Features.Campaigns.CampaignTestKit;

namespace Participation.Api.Tests.Features.Campaigns;

/// <summary>A campaign's life is recorded as events: staff actions in the audit log, the send by the platform.</summary>
[Collection(ApiCollection.C)]
public sealed class CampaignEventsTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Writing_testing_scheduling_cancelling_and_sending_a_campaign_are_recorded()
    {
        var manager = await Api.CreateUserAsync(role: "communication_manager");
        var client = Api.ClientFor(manager.Id);
        await Api.ResidentAsync();

        var id = await CreateAsync(client, Draft("Avant"));
        (await client.PutAsJsonAsync($"/api/v1/campaigns/{id}", Draft("Après"))).EnsureSuccessStatusCode();
        (await client.PostJsonAsync($"/api/v1/campaigns/{id}/test", new { })).EnsureSuccessStatusCode();
        (
            await client.PostJsonAsync($"/api/v1/campaigns/{id}/schedule", new { scheduledAt = DateTimeOffset.UtcNow.AddDays(1) })
        ).EnsureSuccessStatusCode();
        (await client.PostJsonAsync($"/api/v1/campaigns/{id}/cancel", new { })).EnsureSuccessStatusCode();
        var sent = await CreateAsync(client, Draft("Envoyée"));
        await ScheduleAsync(client, sent);
        await Api.SendDueAsync();

        foreach (
            var type in new[] { "campaign.created", "campaign.edited", "campaign.test_sent", "campaign.scheduled", "campaign.cancelled" }
        )
        {
            var e = (await Api.EventsAsync(type)).First(x => x.SubjectId == id.ToString());
            Assert.Equal("user", e.ActorType);
            Assert.Equal(manager.Id, e.ActorId);
            Assert.Equal("campaign", e.SubjectType);
            Assert.True(e.Audited, type);
        }
        Assert.Equal("Après", (await Api.EventsAsync("campaign.edited")).Single().AfterJson!["subject"]!.GetValue<string>());
        Assert.Equal("newsletter", (await Api.EventsAsync("campaign.created")).First().AfterJson!["segment"]!["kind"]!.GetValue<string>());
        Assert.Equal("cancelled", (await Api.EventsAsync("campaign.cancelled")).Single().AfterJson!["status"]!.GetValue<string>());
        var sendEvent = Assert.Single(await Api.EventsAsync("campaign.sent"));
        Assert.Equal("system", sendEvent.ActorType);
        Assert.Equal(sent.ToString(), sendEvent.SubjectId);
        Assert.Equal(1, sendEvent.DataJson["recipients"]!.GetValue<int>());
    }
}
