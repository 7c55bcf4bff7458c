using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Features.Notifications;

public static class NotificationsSetup
{
    /// <summary>
    /// Notifications written from the recorded events (an inline projection), their e-mails, unsubscribe tokens and the
    /// background jobs runner.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IEventProjection, NotificationsProjection>();
        services.Configure<JobOptions>(configuration.GetSection(JobOptions.Section));
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<NotificationEmails>();
        services.AddSingleton<NotificationMailer>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<NotificationMailer>());
        services.AddHostedService<BackgroundJobs>();
        return services;
    }
}
