using System.Data;
using System.Globalization;
using System.Net;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.CalendarEvents;

/// <summary>
/// E-mails to an event's registrants in each one's language (fr, nl, en): a place freed for someone on the waiting list,
/// the event cancelled, the reminder the day before. Each carries the event's page and its .ics ("add to calendar");
/// dates in the platform's time zone (Europe/Brussels). Values written by people (titles, places) are HTML-encoded.
/// </summary>
public sealed class CalendarEventEmails(CityAddresses addresses)
{
    private static readonly TimeZoneInfo CityTime = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Brussels", out var zone)
        ? zone
        : TimeZoneInfo.Utc;

    private static readonly Dictionary<string, Dictionary<string, string>> Texts = new()
    {
        ["fr"] = new()
        {
            ["hello"] = "Bonjour {0},",
            ["promoted.subject"] = "Une place s'est libérée : {0}",
            ["promoted.body"] = "Une place s'est libérée et vous êtes maintenant inscrit·e à l'événement « {0} ».",
            ["cancelled.subject"] = "Événement annulé : {0}",
            ["cancelled.body"] = "L'événement « {0} » auquel vous étiez inscrit·e est annulé.",
            ["cancelled.reason"] = "Motif : {0}",
            ["reminder.subject"] = "Rappel : {0} demain",
            ["reminder.body"] = "Petit rappel : vous êtes inscrit·e à l'événement « {0} ».",
            ["when"] = "Quand : {0}",
            ["where"] = "Où : {0}",
            ["online"] = "En ligne : {0}",
            ["open"] = "Voir l'événement",
            ["ics"] = "Ajouter à mon agenda",
        },
        ["nl"] = new()
        {
            ["hello"] = "Beste {0},",
            ["promoted.subject"] = "Er is een plaats vrijgekomen: {0}",
            ["promoted.body"] = "Er is een plaats vrijgekomen en u bent nu ingeschreven voor het evenement \"{0}\".",
            ["cancelled.subject"] = "Evenement geannuleerd: {0}",
            ["cancelled.body"] = "Het evenement \"{0}\" waarvoor u ingeschreven was, is geannuleerd.",
            ["cancelled.reason"] = "Reden: {0}",
            ["reminder.subject"] = "Herinnering: {0} morgen",
            ["reminder.body"] = "Een herinnering: u bent ingeschreven voor het evenement \"{0}\".",
            ["when"] = "Wanneer: {0}",
            ["where"] = "Waar: {0}",
            ["online"] = "Online: {0}",
            ["open"] = "Het evenement bekijken",
            ["ics"] = "Aan mijn agenda toevoegen",
        },
        ["en"] = new()
        {
            ["hello"] = "Hello {0},",
            ["promoted.subject"] = "A place became free: {0}",
            ["promoted.body"] = "A place became free and you are now registered for the event \"{0}\".",
            ["cancelled.subject"] = "Event cancelled: {0}",
            ["cancelled.body"] = "The event \"{0}\" you registered for is cancelled.",
            ["cancelled.reason"] = "Reason: {0}",
            ["reminder.subject"] = "Reminder: {0} tomorrow",
            ["reminder.body"] = "A reminder: you are registered for the event \"{0}\".",
            ["when"] = "When: {0}",
            ["where"] = "Where: {0}",
            ["online"] = "Online: {0}",
            ["open"] = "See the event",
            ["ics"] = "Add to my calendar",
        },
    };

    /// <summary>What an e-mail says about the event (read with <see cref="RecipientsSql"/>'s columns).</summary>
    public sealed record Recipient(
        Guid UserId,
        string Email,
        string FirstName,
        string Locale,
        Guid EventId,
        string Title,
        DateTime StartsAt,
        DateTime EndsAt,
        string? PlaceName,
        string? PlaceAddress,
        string? OnlineUrl,
        string? CancellationReason,
        string EventSlug
    );

    /// <summary>The columns of a <see cref="Recipient"/>, from users <c>u</c> and calendar_events <c>e</c>.</summary>
    internal const string RecipientColumns = """
        u.id AS user_id, u.email, u.first_name, u.locale, e.id AS event_id, e.title::text AS title, e.starts_at, e.ends_at,
        e.place_name, e.place_address, e.online_url, e.cancellation_reason, e.slug AS event_slug
        """;

    internal const string RecipientsSql = $"""
        SELECT {RecipientColumns}
          FROM users u JOIN calendar_events e ON e.id = @EventId
         WHERE u.id = ANY(@Users);
        """;

    internal static async Task<IReadOnlyList<Recipient>> RecipientsAsync(
        IDbConnection connection,
        IDbTransaction tx,
        Guid eventId,
        Guid[] users,
        CancellationToken ct
    ) =>
        users.Length == 0
            ? []
            : (
                await connection.QueryAsync<Recipient>(
                    new CommandDefinition(RecipientsSql, new { EventId = eventId, Users = users }, tx, cancellationToken: ct)
                )
            ).AsList();

    public OutgoingEmail Promoted(Recipient r) => Build("promoted", r, $"calendar-event-promoted:{r.EventId}:{r.UserId}:{Guid.NewGuid()}");

    public OutgoingEmail Cancelled(Recipient r) => Build("cancelled", r, $"calendar-event-cancelled:{r.EventId}:{r.UserId}");

    public OutgoingEmail Reminder(Recipient r) =>
        Build("reminder", r, $"calendar-event-reminder:{r.EventId}:{r.UserId}:{r.StartsAt.Ticks}");

    private static readonly Dictionary<string, (string[] Days, string[] Months)> Names = new()
    {
        ["fr"] = (
            ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
        ),
        ["nl"] = (
            ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
            ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
        ),
        ["en"] = (
            ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
            ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        ),
    };

    /// <summary>The event's start and end in the platform's time zone, written for <paramref name="locale"/> (the API runs
    /// without culture data: the names are ours).</summary>
    public static string When(string locale, DateTime startsAt, DateTime endsAt)
    {
        var (days, months) = Names.GetValueOrDefault(locale, Names["fr"]);
        var start = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startsAt, DateTimeKind.Utc), CityTime);
        var end = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(endsAt, DateTimeKind.Utc), CityTime);
        string Day(DateTime d) => $"{days[(int)d.DayOfWeek]} {d.Day} {months[d.Month - 1]} {d.Year}";
        string Time(DateTime d) => d.ToString("HH:mm", CultureInfo.InvariantCulture);
        return start.Date == end.Date
            ? $"{Day(start)}, {Time(start)} – {Time(end)}"
            : $"{Day(start)} {Time(start)} – {Day(end)} {Time(end)}";
    }

    private OutgoingEmail Build(string key, Recipient r, string dedupKey)
    {
        var t = Texts.GetValueOrDefault(r.Locale) ?? Texts["fr"];
        var o = addresses.Current;
        var title = LocalizedText.Pick(LocalizedText.FromJson(r.Title), r.Locale);
        string F(string k, params object?[] args) => string.Format(CultureInfo.InvariantCulture, t[k], args);
        var link = CalendarEventRows.WebUrl(o.AppBaseUrl, r.Locale, r.EventSlug);
        var ics = $"{o.ApiRoot}/api/v1/events/{r.EventId}.ics";
        var place = string.Join(", ", new[] { r.PlaceName, r.PlaceAddress }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var lines = new List<string> { F($"{key}.body", title) };
        if (key == "cancelled" && !string.IsNullOrWhiteSpace(r.CancellationReason))
            lines.Add(F("cancelled.reason", r.CancellationReason));
        lines.Add(F("when", When(r.Locale, r.StartsAt, r.EndsAt)));
        if (place.Length > 0)
            lines.Add(F("where", place));
        if (r.OnlineUrl is not null && key != "cancelled")
            lines.Add(F("online", r.OnlineUrl));
        var hello = F("hello", r.FirstName);
        var text = $"{hello}\n\n{string.Join("\n", lines)}\n\n{t["open"]}: {link}\n" + (key == "cancelled" ? "" : $"{t["ics"]}: {ics}\n");
        var html = $"""
            <!doctype html><html lang="{r.Locale}"><body style="font-family:sans-serif;line-height:1.5">
            <p>{WebUtility.HtmlEncode(hello)}</p>
            {string.Concat(lines.Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>"))}
            <p><a href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(t["open"])}</a></p>
            {(key == "cancelled" ? "" : $"<p><a href=\"{WebUtility.HtmlEncode(ics)}\">{WebUtility.HtmlEncode(t["ics"])}</a></p>")}
            </body></html>
            """;
        return new OutgoingEmail($"calendar_event_{key}", r.Email, r.FirstName, F($"{key}.subject", title), text, html, DedupKey: dedupKey);
    }
}
