using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Features.Briefings;

public static class BriefingsSetup
{
    /// <summary>Elected officials' briefings: the launch projection, the renderer, the producer and the background job.</summary>
    public static IServiceCollection AddBriefings(this IServiceCollection services)
    {
        services.AddSingleton<IEventProjection, LaunchProjection>();
        services.AddSingleton<BriefingEmails>();
        services.AddSingleton<BriefingProducer>();
        services.AddSingleton<BriefingJob>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<BriefingJob>());
        return services;
    }
}
