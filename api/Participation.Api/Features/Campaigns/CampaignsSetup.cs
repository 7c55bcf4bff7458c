using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Features.Campaigns;

public static class CampaignsSetup
{
    /// <summary>E-mail campaigns: the renderer and the background job that sends due campaigns.</summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.AddSingleton<CampaignEmails>();
        services.AddSingleton<CampaignJob>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<CampaignJob>());
        return services;
    }
}
