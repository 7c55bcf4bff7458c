using System.Text.Json;
using System.Text.Json.Serialization;
using Participation.Api.Infrastructure.Content;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.CalendarEvents;

/// <summary>An event is scheduled until its writers cancel it (it stays listed, marked cancelled).</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum CalendarEventStatus
{
    Scheduled,
    Cancelled,
}

/// <summary>A person's place at an event: registered, or on the waiting list.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum RegistrationStatus
{
    Registered,
    Waiting,
}

/// <summary>Which events a list shows: those not yet over (by default), or those over, latest first.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum CalendarEventPeriod
{
    Upcoming,
    Past,
}

/// <summary>The caller's registration: its status, and the position on the waiting list (1 = next promoted).</summary>
public sealed record MyRegistration(RegistrationStatus Status, int? WaitingPosition);

/// <summary>An event as everybody reads it; <see cref="CanEdit"/> says whether the caller may change it.</summary>
public sealed record CalendarEvent(
    Guid Id,
    Guid? ProjectId,
    IReadOnlyDictionary<string, string>? ProjectTitle,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string> Description,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? PlaceName,
    string? PlaceAddress,
    double? Latitude,
    double? Longitude,
    string? OnlineUrl,
    bool Registration,
    int? Capacity,
    int RegisteredCount,
    int WaitingCount,
    int? PlacesLeft,
    CalendarEventStatus Status,
    string? CancellationReason,
    MyRegistration? MyRegistration,
    bool CanEdit,
    string WebUrl,
    // The readable part of the event's address (/events/{slug}) and of its project's; always sent (the project's when it has one).
    string? Slug = null,
    string? ProjectSlug = null
);

/// <summary>What the writers set on an event (creating and replacing it).</summary>
public sealed record CalendarEventFields(
    IReadOnlyDictionary<string, string>? Title,
    IReadOnlyDictionary<string, string>? Description,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? PlaceName,
    string? PlaceAddress,
    double? Latitude,
    double? Longitude,
    string? OnlineUrl,
    bool Registration,
    int? Capacity
) : ICalendarEventFields;

/// <summary>The writers' fields, as a body or inside a command.</summary>
public interface ICalendarEventFields
{
    IReadOnlyDictionary<string, string>? Title { get; }
    IReadOnlyDictionary<string, string>? Description { get; }
    DateTimeOffset? StartsAt { get; }
    DateTimeOffset? EndsAt { get; }
    string? PlaceName { get; }
    string? PlaceAddress { get; }
    double? Latitude { get; }
    double? Longitude { get; }
    string? OnlineUrl { get; }
    bool Registration { get; }
    int? Capacity { get; }
}

/// <summary>A command carrying the fields, validated by the same rules as its body.</summary>
public abstract record CalendarEventFieldsMessage(CalendarEventFields Fields) : ICalendarEventFields
{
    public IReadOnlyDictionary<string, string>? Title => Fields.Title;
    public IReadOnlyDictionary<string, string>? Description => Fields.Description;
    public DateTimeOffset? StartsAt => Fields.StartsAt;
    public DateTimeOffset? EndsAt => Fields.EndsAt;
    public string? PlaceName => Fields.PlaceName;
    public string? PlaceAddress => Fields.PlaceAddress;
    public double? Latitude => Fields.Latitude;
    public double? Longitude => Fields.Longitude;
    public string? OnlineUrl => Fields.OnlineUrl;
    public bool Registration => Fields.Registration;
    public int? Capacity => Fields.Capacity;
}

public sealed class CalendarEventFieldsRules<T> : AbstractValidator<T>
    where T : ICalendarEventFields
{
    public CalendarEventFieldsRules()
    {
        RuleFor(f => f.Title).Localized(160);
        RuleFor(f => f.Description)
            .Must(d => d is null || d.Keys.All(TextRules.Locales.Contains) && d.Values.All(v => v is not null && v.Length <= 20_000))
            .WithMessage(_ => Messages.Get("too_long"));
        RuleFor(f => f.StartsAt).NotNull().WithMessage(_ => Messages.Get("required"));
        RuleFor(f => f.EndsAt)
            .NotNull()
            .WithMessage(_ => Messages.Get("required"))
            .Must((f, end) => f.StartsAt is null || end is null || end > f.StartsAt)
            .WithMessage(_ => Messages.Get("event_end_after_start"))
            .Must((f, end) => f.StartsAt is null || end is null || end - f.StartsAt <= TimeSpan.FromDays(31))
            .WithMessage(_ => Messages.Get("event_too_long"));
        RuleFor(f => f.StartsAt)
            .Must(s => s is null || (s.Value.Year >= 2000 && s.Value.Year <= 2100))
            .WithMessage(_ => Messages.Get("event_date_range"));
        RuleFor(f => f.PlaceName!)
            .SingleLine()
            .MaximumLength(200)
            .WithMessage(_ => Messages.Get("too_long"))
            .When(f => f.PlaceName is not null);
        RuleFor(f => f.PlaceAddress!)
            .SingleLine()
            .MaximumLength(300)
            .WithMessage(_ => Messages.Get("too_long"))
            .When(f => f.PlaceAddress is not null);
        RuleFor(f => f.Latitude)
            .InclusiveBetween(-90, 90)
            .Must((f, lat) => (lat is null) == (f.Longitude is null))
            .WithMessage(_ => Messages.Get("event_point"));
        RuleFor(f => f.Longitude).InclusiveBetween(-180, 180);
        RuleFor(f => f.OnlineUrl)
            .Must(v =>
                v is null
                || (
                    v.Length <= 500
                    && Uri.TryCreate(v.Trim(), UriKind.Absolute, out var u)
                    && u.Scheme == Uri.UriSchemeHttps
                    && u.Host.Contains('.')
                )
            )
            .WithMessage(_ => Messages.Get("event_online_url"));
        RuleFor(f => f.Capacity).InclusiveBetween(1, 100_000);
    }
}

/// <summary>The fields ready for the columns: texts trimmed, rich text sanitised.</summary>
internal static class CalendarEventColumns
{
    public static object Parameters(Guid id, ICalendarEventFields f) =>
        new
        {
            Id = id,
            Title = LocalizedText.ToJson(f.Title!),
            Description = JsonSerializer.Serialize(RichText.Sanitize(f.Description)),
            StartsAt = f.StartsAt!.Value.UtcDateTime,
            EndsAt = f.EndsAt!.Value.UtcDateTime,
            PlaceName = Blank(f.PlaceName),
            PlaceAddress = Blank(f.PlaceAddress),
            f.Latitude,
            f.Longitude,
            OnlineUrl = Blank(f.OnlineUrl),
            f.Registration,
            f.Capacity,
        };

    /// <summary>The audited values (the event's before/after).</summary>
    public static Dictionary<string, object?> Audit(ICalendarEventFields f) =>
        new()
        {
            ["title"] = f.Title,
            ["startsAt"] = f.StartsAt,
            ["endsAt"] = f.EndsAt,
            ["placeName"] = Blank(f.PlaceName),
            ["placeAddress"] = Blank(f.PlaceAddress),
            ["latitude"] = f.Latitude,
            ["longitude"] = f.Longitude,
            ["onlineUrl"] = Blank(f.OnlineUrl),
            ["registration"] = f.Registration,
            ["capacity"] = f.Capacity,
        };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>Reading events: one projection for every read (lists, one event, feeds), and who may see and write them.</summary>
internal static class CalendarEventRows
{
    /// <summary>SQL fragment: the event (alias <c>e</c>, its project <c>p</c>, possibly none) is public.</summary>
    public const string IsPublic = "(e.project_id IS NULL OR p.status IN ('published', 'archived'))";

    /// <summary>SQL fragment: the caller (@ActorId, possibly null) may write event <c>e</c> of project <c>p</c>: admins and
    /// communication managers, and for a project's event its moderators and the heads of its department.</summary>
    public const string CanWrite = """
        EXISTS (SELECT 1 FROM user_roles r
                 WHERE r.user_id = @ActorId
                   AND (r.role IN ('admin', 'communication_manager')
                        OR (p.id IS NOT NULL AND r.role = 'department_head' AND r.department_id = p.department_id)
                        OR (p.id IS NOT NULL AND r.role = 'project_moderator' AND r.project_id = p.id)))
        """;

    public const string Columns = $"""
        e.id, e.slug, e.project_id, p.slug AS project_slug, p.title::text AS project_title, e.title::text AS title,
        e.description::text AS description,
        e.starts_at, e.ends_at, e.place_name, e.place_address, e.latitude, e.longitude, e.online_url, e.registration,
        e.capacity, e.registered_count, e.waiting_count, e.status, e.cancellation_reason,
        {CanWrite} AS can_edit,
        me.status AS my_status,
        CASE WHEN me.status = 'waiting' THEN (SELECT count(*) FROM calendar_event_registrations w
                                               WHERE w.event_id = e.id AND w.status = 'waiting' AND w.seq <= me.seq) END
            AS my_waiting_position
        """;

    public const string From = """
        calendar_events e
        LEFT JOIN projects p ON p.id = e.project_id
        LEFT JOIN calendar_event_registrations me ON me.event_id = e.id AND me.user_id = @ActorId
        """;

    internal sealed record Row
    {
        public Guid Id { get; init; }
        public string Slug { get; init; } = "";
        public string? ProjectSlug { get; init; }
        public Guid? ProjectId { get; init; }
        public string? ProjectTitle { get; init; }
        public string Title { get; init; } = "{}";
        public string Description { get; init; } = "{}";
        public DateTime StartsAt { get; init; }
        public DateTime EndsAt { get; init; }
        public string? PlaceName { get; init; }
        public string? PlaceAddress { get; init; }
        public double? Latitude { get; init; }
        public double? Longitude { get; init; }
        public string? OnlineUrl { get; init; }
        public bool Registration { get; init; }
        public int? Capacity { get; init; }
        public int RegisteredCount { get; init; }
        public int WaitingCount { get; init; }
        public string Status { get; init; } = "scheduled";
        public string? CancellationReason { get; init; }
        public bool CanEdit { get; init; }
        public string? MyStatus { get; init; }
        public long? MyWaitingPosition { get; init; }

        /// <param name="appBaseUrl">The web app's address.</param>
        /// <param name="language">The language of the event's page address (none: the web app negotiates one).</param>
        public CalendarEvent ToEvent(string appBaseUrl, string? language) =>
            new(
                Id,
                ProjectId,
                ProjectTitle is null ? null : LocalizedText.FromJson(ProjectTitle),
                LocalizedText.FromJson(Title),
                LocalizedText.FromJson(Description),
                StartsAt.AsUtc(),
                EndsAt.AsUtc(),
                PlaceName,
                PlaceAddress,
                Latitude,
                Longitude,
                OnlineUrl,
                Registration,
                Capacity,
                RegisteredCount,
                WaitingCount,
                Registration && Capacity is { } c ? Math.Max(0, c - RegisteredCount) : null,
                Status.ToEnum<CalendarEventStatus>(),
                CancellationReason,
                MyStatus is null ? null : new MyRegistration(MyStatus.ToEnum<RegistrationStatus>(), (int?)MyWaitingPosition),
                CanEdit,
                WebUrl(appBaseUrl, language, Slug),
                Slug,
                ProjectSlug
            );
    }

    /// <summary>The event's page in the web app, in <paramref name="language"/>.</summary>
    public static string WebUrl(string appBaseUrl, string? language, string slug) => AppLinks.To(appBaseUrl, language, $"/events/{slug}");
}
