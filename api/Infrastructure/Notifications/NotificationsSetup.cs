using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Infrastructure.Notifications;

public static class NotificationsSetup
{
    /// <summary>Notification e-mails, unsubscribe tokens and the background jobs runner.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobOptions>(configuration.GetSection(JobOptions.Section));
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<NotificationEmails>();
        services.AddSingleton<NotificationMailer>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<NotificationMailer>());
        services.AddHostedService<BackgroundJobs>();
        return services;
    }
}
