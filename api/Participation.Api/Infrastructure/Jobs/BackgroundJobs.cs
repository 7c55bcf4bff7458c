using Microsoft.Extensions.Options;
using Participation.Api.Infrastructure.Telemetry;

namespace Participation.Api.Infrastructure.Jobs;

public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Whether this instance runs the periodic jobs (every instance may: the jobs claim their work).</summary>
    public bool Enabled { get; set; } = true;
    public int NotificationPollSeconds { get; set; } = 2;
    public int TrendingRefreshSeconds { get; set; } = 300;

    /// <summary>How many scopes' briefings an instance produces at once, each on its own connection (a scope's figures are
    /// one statement that keeps a database core busy for seconds at a large platform's size).</summary>
    public int BriefingWorkers { get; set; } = 2;
}

/// <summary>Work done periodically in the background; safe to run on several instances at once.</summary>
public interface IPeriodicJob
{
    string Name { get; }
    TimeSpan Interval(JobOptions options);

    /// <summary>One pass; a positive result means there may be more to do right away.</summary>
    Task<int> RunOnceAsync(CancellationToken ct);

    /// <summary>Whether a pass runs for each city in turn (the default: the job works on a city's rows) or once for the
    /// deployment (it works on the platform's own tables, through the owner's connections).</summary>
    bool PerCity => true;
}

/// <summary>
/// Runs every registered <see cref="IPeriodicJob"/> on its own timer; a failing pass is logged and retried next tick. Each pass is
/// a span and is measured (<see cref="JobTelemetry"/>).
/// </summary>
public sealed class BackgroundJobs(
    IEnumerable<IPeriodicJob> jobs,
    CityList cities,
    IOptions<JobOptions> options,
    ILogger<BackgroundJobs> logger
) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Enabled ? Task.WhenAll(jobs.Select(job => RunAsync(job, stoppingToken))) : Task.CompletedTask;

    private async Task RunAsync(IPeriodicJob job, CancellationToken ct)
    {
        JobTelemetry.Register(job.Name);
        using var timer = new PeriodicTimer(job.Interval(options.Value));
        do
        {
            try
            {
                Func<CancellationToken, Task<int>> pass = job.PerCity ? c => cities.ForEachAsync(job.RunOnceAsync, c) : job.RunOnceAsync;
                while (await JobTelemetry.RunAsync(job.Name, pass, ct) > 0 && !ct.IsCancellationRequested) { }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Background job {Job} failed: {Error}", job.Name, ex.Message);
            }
        } while (await WaitAsync(timer, ct));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
