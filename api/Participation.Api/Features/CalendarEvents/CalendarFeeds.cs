using System.Net;
using System.Text.RegularExpressions;
using Ical.Net;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.CalendarEvents;

/// <summary>
/// iCalendar (RFC 5545) for calendar apps, built with Ical.Net: one event ("add to calendar"), a project's events and the
/// platform's. Public events only (a draft project's are not public), those that ended in the last 90 days and every later
/// one, at most 500. Each VEVENT has a stable UID, DTSTART/DTEND in UTC, SUMMARY, a plain-text DESCRIPTION, LOCATION,
/// GEO when the event has a point, STATUS:CANCELLED when cancelled, and the URL of its page in the web app.
/// </summary>
public static partial class CalendarFeeds
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>One event (<paramref name="EventId"/>), a project's events (<paramref name="ProjectId"/>), or, with
    /// neither, the platform's.</summary>
    public sealed record Query(Guid? EventId, Guid? ProjectId, string Language, string AppBaseUrl) : IQuery<string>;

    private const string Sql = $"""
        SELECT {CalendarEventRows.Columns}
          FROM {CalendarEventRows.From}
         WHERE {CalendarEventRows.IsPublic}
           AND CASE WHEN @EventId IS NOT NULL THEN e.id = @EventId
                    WHEN @ProjectId IS NOT NULL THEN e.project_id = @ProjectId AND e.ends_at > now() - interval '90 days'
                    ELSE e.ends_at > now() - interval '90 days' END
         ORDER BY e.starts_at, e.id
         LIMIT 500;
        """;

    private const string ProjectSql = "SELECT p.title::text FROM projects p WHERE p.id = @Id AND p.status IN ('published', 'archived');";

    public sealed class Handler(CityDb db) : IQueryHandler<Query, string>
    {
        public async ValueTask<string> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            string? name = null;
            if (q.ProjectId is { } projectId)
            {
                var title = await connection.QuerySingleOrDefaultAsync<string?>(
                    new CommandDefinition(ProjectSql, new { Id = projectId }, cancellationToken: ct)
                ) ?? throw new NotFoundException("No such project.");
                name = LocalizedText.Pick(LocalizedText.FromJson(title), q.Language);
            }
            var rows = (
                await connection.QueryAsync<CalendarEventRows.Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            q.EventId,
                            q.ProjectId,
                            ActorId = (Guid?)null,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            if (q.EventId is not null && rows.Count == 0)
                throw new NotFoundException("No such event.");
            return Serialize(rows.Select(r => r.ToEvent(q.AppBaseUrl, q.Language)), q.Language, name);
        }
    }

    /// <summary>The calendar of <paramref name="events"/>, texts in <paramref name="language"/> (French when missing).</summary>
    public static string Serialize(IEnumerable<CalendarEvent> events, string language, string? name)
    {
        var calendar = new Calendar { ProductId = "-//Participation//Events//FR", Method = "PUBLISH" };
        if (name is not null)
            calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var e in events)
        {
            var description = PlainText(LocalizedText.Pick(e.Description, language));
            if (e.OnlineUrl is not null)
                description = description.Length == 0 ? e.OnlineUrl : $"{description}\n\n{e.OnlineUrl}";
            var vevent = new Ical.Net.CalendarComponents.CalendarEvent
            {
                Uid = $"{e.Id}@participation",
                DtStamp = new CalDateTime(DateTime.UtcNow),
                DtStart = new CalDateTime(e.StartsAt.UtcDateTime),
                DtEnd = new CalDateTime(e.EndsAt.UtcDateTime),
                Summary = LocalizedText.Pick(e.Title, language),
                Description = description.Length == 0 ? null : description,
                Location = Place(e),
                Url = new Uri(e.WebUrl),
                Status = e.Status == CalendarEventStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
            };
            if (e.Latitude is { } lat && e.Longitude is { } lon)
                vevent.GeographicLocation = new GeographicLocation(lat, lon);
            calendar.Events.Add(vevent);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>Sanitised rich text as plain text: a line per paragraph, heading or list item, markup removed.</summary>
    public static string PlainText(string html)
    {
        var text = BlockEnd().Replace(html, "\n");
        text = WebUtility.HtmlDecode(Tag().Replace(text, ""));
        var lines = text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0);
        var plain = string.Join("\n", lines);
        return plain.Length <= 4000 ? plain : plain[..3999] + "…";
    }

    [GeneratedRegex(@"<br\s*/?>|</(p|li|h[1-6]|blockquote)>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r]+")]
    private static partial Regex Spaces();

    private static string? Place(CalendarEvent e)
    {
        var parts = new[] { e.PlaceName, e.PlaceAddress }.Where(s => !string.IsNullOrWhiteSpace(s)).ToArray();
        return parts.Length > 0 ? string.Join(", ", parts) : e.OnlineUrl;
    }

    private static async Task<IResult> AnswerAsync(
        Guid? eventId,
        Guid? projectId,
        string? language,
        string fileName,
        CityAddresses addresses,
        ISender sender,
        CancellationToken ct
    )
    {
        var lang = AppLinks.Language(language) ?? RequestLanguage.Current;
        var ics = await sender.Send(new Query(eventId, projectId, lang, addresses.Current.AppBaseUrl), ct);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), ContentType, fileName);
    }

    [EndpointSummary("One event as iCalendar (.ics), to add it to a calendar (public events: everyone).")]
    public static Task<IResult> EventEndpoint(Guid id, string? language, CityAddresses addresses, ISender sender, CancellationToken ct) =>
        AnswerAsync(id, null, language, "event.ics", addresses, sender, ct);

    [EndpointSummary("A project's events as an iCalendar feed to subscribe to (public projects: everyone).")]
    public static Task<IResult> ProjectEndpoint(Guid id, string? language, CityAddresses addresses, ISender sender, CancellationToken ct) =>
        AnswerAsync(null, id, language, "events.ics", addresses, sender, ct);

    [EndpointSummary("The platform's events (platform-wide and public projects') as an iCalendar feed to subscribe to.")]
    public static Task<IResult> PlatformEndpoint(string? language, CityAddresses addresses, ISender sender, CancellationToken ct) =>
        AnswerAsync(null, null, language, "calendar.ics", addresses, sender, ct);
}
