namespace Participation.Api.Features.Figures;

/// <summary>
/// The period a dashboard or figures request covers, as days in the platform's time zone: <c>from</c> and <c>to</c>
/// included (by default the 91 days up to today), at most two years; and the "waiting for more than N days" threshold.
/// </summary>
public static class PeriodQuery
{
    public const int MaxDays = 731;
    public const int DefaultDays = 91;

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(FigureDefinitions.TimeZone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    /// <summary>Midnight of <paramref name="day"/> in the platform's time zone.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The days asked for (defaults filled in) and the instants [From, To) they cover.</summary>
    public static (DateOnly From, DateOnly To, Period Period) Resolve(DateOnly? from, DateOnly? to, TimeProvider clock)
    {
        var last = to ?? Today(clock);
        var first = from ?? last.AddDays(1 - DefaultDays);
        return (first, last, new Period(StartOf(first), StartOf(last.AddDays(1))));
    }

    /// <summary>The validation rules for a from/to pair and the waiting threshold.</summary>
    public static void Rules<T>(AbstractValidator<T> v, Func<T, DateOnly?> from, Func<T, DateOnly?> to, Func<T, int?> waitingDays)
    {
        v.RuleFor(x => from(x))
            .Must((x, f) => f is null || to(x) is not { } t || f <= t)
            .WithName("from")
            .WithMessage(_ => Messages.Get("period_order"));
        v.RuleFor(x => from(x))
            .Must((x, f) => f is null || to(x) is not { } t || t.DayNumber - f.Value.DayNumber < MaxDays)
            .WithName("from")
            .WithMessage(_ => Messages.Get("period_too_long"));
        v.RuleFor(x => from(x))
            .Must(f => f is null || (f.Value.Year >= 2000 && f.Value.Year <= 2100))
            .WithName("from")
            .WithMessage(_ => Messages.Get("period_range"));
        v.RuleFor(x => to(x))
            .Must(t => t is null || (t.Value.Year >= 2000 && t.Value.Year <= 2100))
            .WithName("to")
            .WithMessage(_ => Messages.Get("period_range"));
        v.RuleFor(x => waitingDays(x))
            .Must(d => d is null or >= 1 and <= 365)
            .WithName("waitingDays")
            .WithMessage(_ => Messages.Get("waiting_days"));
    }
}
