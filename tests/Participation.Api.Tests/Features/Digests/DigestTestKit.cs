using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Participation.Api.Features.Digests;
using Participation.Api.Features.Events;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Digests;

/// <summary>A clock set to a given instant: the job sends the period that has ended by then.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal static class DigestTestKit
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    /// <summary>Today in the platform's time zone.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Brussels).DateTime);

    /// <summary>The first day of this month (platform time).</summary>
    public static DateOnly MonthStart => new(Today.Year, Today.Month, 1);

    /// <summary>A week later: the week containing now has ended.</summary>
    public static TimeProvider NextWeek(int weeks = 1) => new FixedClock(DateTimeOffset.UtcNow.AddDays(7 * weeks));

    /// <summary>Two hours into next month (platform time): this month has ended.</summary>
    public static TimeProvider NextMonth()
    {
        var local = MonthStart.AddMonths(1).ToDateTime(new TimeOnly(2, 0));
        return new FixedClock(new DateTimeOffset(local, Brussels.GetUtcOffset(local)).ToUniversalTime());
    }

    /// <summary>A job of another instance (its own clock, the same database).</summary>
    public static DigestJob Job(this ApiFactory api, TimeProvider clock, int batch = 100) =>
        new(
            api.Services.GetRequiredService<Participation.Api.Infrastructure.Database.CityDb>(),
            api.Services.GetRequiredService<DigestEmails>(),
            api.Services.GetRequiredService<EventRecorder>(),
            clock,
            Options.Create(new DigestOptions { BatchSize = batch })
        );

    /// <summary>Runs the kind's batches until nobody is left; returns how many people were handled.</summary>
    public static async Task<int> DrainAsync(this DigestJob job, DigestKind kind)
    {
        var total = 0;
        int n;
        while ((n = await job.RunAsync(kind, CancellationToken.None)) > 0)
            total += n;
        return total;
    }
}
