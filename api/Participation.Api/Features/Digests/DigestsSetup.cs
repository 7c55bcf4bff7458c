using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Features.Digests;

public sealed class DigestOptions
{
    public const string Section = "Digests";

    /// <summary>How often an instance looks for digests due (a period that has ended and people not yet handled).</summary>
    public int PollSeconds { get; set; } = 300;

    /// <summary>People handled per transaction.</summary>
    public int BatchSize { get; set; } = 100;
}

public static class DigestsSetup
{
    /// <summary>The digests' e-mails and the job that sends them once a period has ended.</summary>
    public static IServiceCollection AddDigests(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DigestOptions>(configuration.GetSection(DigestOptions.Section));
        services.AddSingleton<DigestEmails>();
        services.AddSingleton<DigestJob>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<DigestJob>());
        return services;
    }
}
