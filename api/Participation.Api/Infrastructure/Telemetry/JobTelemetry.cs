using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Participation.Api.Infrastructure.Telemetry;

/// <summary>
/// A span and metrics for every run of a background job, in one place: the runners (<c>BackgroundJobs</c>, the outbox
/// sender, the invitation reminders) call <see cref="RunAsync"/> around each pass, the jobs themselves know nothing of it.
/// </summary>
public static class JobTelemetry
{
    public const string Name = "Participation.Jobs";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "participation.job.run.duration",
        unit: "s",
        description: "How long one pass of a background job took.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.025, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300] }
    );

    private static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "participation.job.failures",
        unit: "{failure}",
        description: "Passes of a background job that ended with an error (retried at its next tick)."
    );

    /// <summary>Starts <paramref name="job"/>'s failure count at 0, so that the series exists (and alerts on its rate work)
    /// before its first failure.</summary>
    public static void Register(string job) => Failures.Add(0, new KeyValuePair<string, object?>("job.name", job));

    /// <summary>
    /// Runs one pass of <paramref name="job"/> as a root span named after it, recording its duration and, when it throws
    /// (other than for the host stopping), a failure; the exception goes on to the caller.
    /// </summary>
    public static async Task<int> RunAsync(string job, Func<CancellationToken, Task<int>> pass, CancellationToken ct)
    {
        // A job's pass belongs to no request: a root span whatever the runner's context carries (an async method's change
        // of Activity.Current does not flow back to its caller).
        Activity.Current = null;
        using var activity = Source.StartActivity("job " + job, ActivityKind.Internal);
        activity?.SetTag("job.name", job);
        var tag = new KeyValuePair<string, object?>("job.name", job);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var done = await pass(ct);
            activity?.SetTag("job.items", done);
            return done;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            Failures.Add(1, tag);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity?.AddException(ex);
            throw;
        }
        finally
        {
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tag);
        }
    }
}
