using System.Text.Json.Serialization;
using Participation.Api.Features.Figures;
using Participation.Api.Features.Notifications;

namespace Participation.Api.Features.Digests;

/// <summary>The periodic e-mails to staff: a department head's monthly summary, a moderator's weekly digest.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum DigestKind
{
    DepartmentSummary,
    ModeratorDigest,
}

/// <summary>What became of a person's digest for a period: sent, skipped (nothing to say) or opted out.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum DigestStatus
{
    Sent,
    SkippedEmpty,
    OptedOut,
}

/// <summary>
/// The periods, in the platform's time zone: a calendar month for department summaries, an ISO week (Monday 00:00 to
/// Monday 00:00) for moderators' digests. A period is sent once it has ended.
/// </summary>
public static class DigestPeriods
{
    /// <summary>The notification category that opts a person in or out of the kind.</summary>
    public static NotificationCategory Category(DigestKind kind) =>
        kind == DigestKind.DepartmentSummary ? NotificationCategory.DepartmentSummary : NotificationCategory.ModeratorDigest;

    /// <summary>The role that receives the kind.</summary>
    public static string Role(DigestKind kind) => kind == DigestKind.DepartmentSummary ? "department_head" : "project_moderator";

    /// <summary>The period in progress today: its first day and the day after its last.</summary>
    public static (DateOnly Start, DateOnly End) Current(DigestKind kind, TimeProvider clock)
    {
        var today = PeriodQuery.Today(clock);
        if (kind == DigestKind.DepartmentSummary)
        {
            var first = new DateOnly(today.Year, today.Month, 1);
            return (first, first.AddMonths(1));
        }
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return (monday, monday.AddDays(7));
    }

    /// <summary>The last period that has ended: the one sent now.</summary>
    public static (DateOnly Start, DateOnly End) LastEnded(DigestKind kind, TimeProvider clock)
    {
        var (start, _) = Current(kind, clock);
        return (kind == DigestKind.DepartmentSummary ? start.AddMonths(-1) : start.AddDays(-7), start);
    }

    /// <summary>The instants [From, To) the days cover.</summary>
    public static Period Instants(DateOnly start, DateOnly end) => new(PeriodQuery.StartOf(start), PeriodQuery.StartOf(end));
}
