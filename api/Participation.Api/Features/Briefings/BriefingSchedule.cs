using System.Data;
using System.Text.Json.Serialization;
using Participation.Api.Features.Figures;

namespace Participation.Api.Features.Briefings;

/// <summary>How often officials get a briefing: calendar months, quarters or half-years (platform time), or never.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum BriefingFrequency
{
    Monthly,
    Quarterly,
    HalfYearly,
    Off,
}

/// <summary>
/// The admin's schedule: a period's briefings go out on <paramref name="SendDay"/> (1–28) of the month after the period
/// ends, from <paramref name="SendHour"/> (0–23) platform time (Europe/Brussels).
/// </summary>
public sealed record BriefingSchedule(BriefingFrequency Frequency, int SendDay, int SendHour)
{
    public static readonly BriefingSchedule Default = new(BriefingFrequency.Quarterly, 1, 8);

    private const string Sql = "SELECT frequency, send_day, send_hour FROM briefing_schedule WHERE id;";

    private sealed record Row(string Frequency, int SendDay, int SendHour);

    /// <summary>The stored schedule (the defaults when none is stored).</summary>
    public static async Task<BriefingSchedule> ReadAsync(IDbConnection connection, IDbTransaction? tx, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Sql, transaction: tx, cancellationToken: ct)) is { } r
            ? new BriefingSchedule(r.Frequency.ToEnum<BriefingFrequency>(), r.SendDay, r.SendHour)
            : Default;

    /// <summary>The months a period of this schedule covers (Off: quarters, for previews and "send now").</summary>
    public int Months =>
        Frequency switch
        {
            BriefingFrequency.Monthly => 1,
            BriefingFrequency.HalfYearly => 6,
            _ => 3,
        };

    /// <summary>The period of the schedule that contains <paramref name="day"/>: its first and last day.</summary>
    public (DateOnly First, DateOnly Last) PeriodOf(DateOnly day)
    {
        var first = new DateOnly(day.Year, (day.Month - 1) / Months * Months + 1, 1);
        return (first, first.AddMonths(Months).AddDays(-1));
    }

    /// <summary>When the briefings of the period ending on <paramref name="last"/> go out (UTC).</summary>
    public DateTimeOffset SendAt(DateOnly last)
    {
        // The hour in platform time on that day (the offset of that very hour, whatever the daylight saving time).
        var local = last.AddDays(SendDay).ToDateTime(new TimeOnly(SendHour, 0));
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(FigureDefinitions.TimeZone);

    /// <summary>How long after its send time a period's briefings may still go out (a new instance never sends old ones).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(31);

    /// <summary>
    /// The period whose briefings are due now: the last one that ended, from its send time and for <see cref="Window"/>
    /// (none when the schedule is off or it is not yet time).
    /// </summary>
    public (DateOnly First, DateOnly Last)? Due(TimeProvider clock)
    {
        if (Frequency == BriefingFrequency.Off)
            return null;
        var (current, _) = PeriodOf(PeriodQuery.Today(clock));
        var ended = PeriodOf(current.AddDays(-1));
        var now = clock.GetUtcNow();
        return now >= SendAt(ended.Last) && now < SendAt(ended.Last) + Window ? ended : null;
    }

    /// <summary>The next period whose briefings will go out, and when (none when the schedule is off).</summary>
    public (DateOnly First, DateOnly Last, DateTimeOffset SendAt)? Next(TimeProvider clock)
    {
        if (Frequency == BriefingFrequency.Off)
            return null;
        var (current, last) = PeriodOf(PeriodQuery.Today(clock));
        var ended = PeriodOf(current.AddDays(-1));
        if (clock.GetUtcNow() < SendAt(ended.Last))
            return (ended.First, ended.Last, SendAt(ended.Last));
        return (current, last, SendAt(last));
    }
}
