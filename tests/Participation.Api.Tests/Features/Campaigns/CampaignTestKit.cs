using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Participation.Api.Features.Campaigns;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Campaigns;

public static class CampaignTestKit
{
    public static object Draft(string subject = "Nouvelles du quartier", object? segment = null) =>
        new
        {
            subject,
            body = "<p>Bonjour à toutes et à tous,</p><p>La <strong>fête</strong> du parc a lieu samedi.</p>",
            language = "fr",
            segment = segment ?? new { kind = "newsletter" },
        };

    public static async Task<Guid> CreateAsync(HttpClient client, object? draft = null)
    {
        var response = await client.PostJsonAsync("/api/v1/campaigns", draft ?? Draft());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    public static async Task ScheduleAsync(HttpClient client, Guid id)
    {
        var response = await client.PostJsonAsync($"/api/v1/campaigns/{id}/schedule", new { });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A resident with a confirmed address who consented (or not) to the newsletter.</summary>
    public static async Task<TestUser> ResidentAsync(this ApiFactory api, bool consented = true, string first = "Chloé")
    {
        var user = await api.CreateUserAsync(firstName: first, lastName: "Dupont");
        if (consented)
            await SetConsentAsync(api, user.Id, true);
        return user;
    }

    public static async Task SetConsentAsync(ApiFactory api, Guid userId, bool consented)
    {
        var response = await api.ClientFor(userId).PutAsJsonAsync("/api/v1/newsletter/consent", new { consented });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Runs the campaigns job until nothing is due.</summary>
    public static async Task SendDueAsync(this ApiFactory api)
    {
        var job = api.Services.GetRequiredService<CampaignJob>();
        while (await job.RunOnceAsync(CancellationToken.None) > 0) { }
    }

    public static async Task<int> PreviewCountAsync(HttpClient client, object? segment = null)
    {
        var response = await client.PostJsonAsync("/api/v1/campaigns/recipients/preview", segment ?? new { kind = "newsletter" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["count"]!.GetValue<int>();
    }

    public static async Task<List<Guid>> RecipientsAsync(ApiFactory api, Guid campaign)
    {
        await using var connection = await api.OpenAsync();
        return (
            await connection.QueryAsync<Guid>("SELECT user_id FROM campaign_recipients WHERE campaign_id = @campaign", new { campaign })
        ).AsList();
    }

    public static Task<long> CampaignMailsAsync(ApiFactory api, Guid campaign) =>
        api.ScalarAsync<long>(
            "SELECT count(*) FROM email_outbox WHERE category = 'campaign' AND dedup_key LIKE @Key",
            new { Key = $"campaign:{campaign}:%" }
        );
}
