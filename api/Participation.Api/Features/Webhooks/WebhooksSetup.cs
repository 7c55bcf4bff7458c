using Participation.Api.Infrastructure.Jobs;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Webhooks;

public static class WebhooksSetup
{
    /// <summary>Webhooks: the SSRF-guarded outbound HTTP, the fan-out from the events and the dispatcher (periodic jobs).</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutboundHttp(configuration);
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.AddSingleton<WebhookDisabling>();
        services.AddSingleton<WebhookFanOut>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<WebhookRetention>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<WebhookFanOut>());
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<WebhookRetention>());
        return services;
    }
}
