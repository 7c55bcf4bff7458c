using Microsoft.Extensions.Options;

namespace Participation.Api.Infrastructure.Email;

public static class EmailSetup
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<SmtpEmailTransport>();
        services.AddSingleton<PickupDirectoryTransport>();
        services.AddSingleton<IEmailTransport>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EmailOptions>>().Value.SmtpHost)
                ? sp.GetRequiredService<PickupDirectoryTransport>()
                : sp.GetRequiredService<SmtpEmailTransport>()
        );
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<CityAddresses>();
        services.AddSingleton<EmailTemplates>();
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
