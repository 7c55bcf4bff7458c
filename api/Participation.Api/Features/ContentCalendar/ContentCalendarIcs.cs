using Ical.Net;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.ContentCalendar;

/// <summary>
/// A staff member's private iCalendar feed, read by calendar apps without signing in: the token is the right (only its hash
/// is stored; a rotated or revoked token, or an owner who is no longer staff, answers 404). It serves what its owner sees in
/// the content calendar now, from 30 days ago to 90 days ahead, each entry with a stable UID and the URL of its page.
/// Not cached (<c>Cache-Control: private, no-store</c>), rate-limited per address like the other anonymous reads.
/// </summary>
public static class ContentCalendarIcs
{
    public sealed record Query(string Token, string Language, string AppBaseUrl) : IQuery<string>;

    private const string OwnerSql = "SELECT user_id FROM content_calendar_feeds WHERE token_hash = @Hash;";

    public sealed class Handler(CityDb db, TimeProvider clock) : IQueryHandler<Query, string>
    {
        public async ValueTask<string> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var owner = await connection.QuerySingleOrDefaultAsync<Guid?>(
                new CommandDefinition(OwnerSql, new { Hash = SecureTokens.Hash(q.Token) }, cancellationToken: ct)
            ) ?? throw new NotFoundException("No such feed.");
            var now = clock.GetUtcNow();
            List<ContentCalendarItem> items;
            try
            {
                (_, items) = await ContentCalendarItems.LoadAsync(
                    connection,
                    owner,
                    now.AddDays(-30),
                    now.AddDays(90),
                    null,
                    null,
                    null,
                    q.Language,
                    clock,
                    ct
                );
            }
            catch (ForbiddenException)
            {
                throw new NotFoundException("No such feed.");
            }
            return Serialize(items, q.Language, q.AppBaseUrl);
        }
    }

    /// <summary>The entries as a calendar, texts in <paramref name="language"/>.</summary>
    public static string Serialize(IEnumerable<ContentCalendarItem> items, string language, string appBaseUrl)
    {
        var calendar = new Calendar { ProductId = "-//Participation//Content calendar//FR", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", ContentCalendarTexts.Name(language));
        foreach (var item in items)
        {
            var vevent = new Ical.Net.CalendarComponents.CalendarEvent
            {
                Uid = $"{item.Kind.ToWire()}-{item.Id}@participation",
                DtStamp = new CalDateTime(DateTime.UtcNow),
                DtStart = new CalDateTime(item.StartsAt.UtcDateTime),
                Summary = ContentCalendarTexts.Summary(item, language),
                Url = new Uri(AppLinks.To(appBaseUrl, language, item.Link)),
                Status = item.Cancelled ? "CANCELLED" : "CONFIRMED",
            };
            if (item.EndsAt is { } end)
                vevent.DtEnd = new CalDateTime(end.UtcDateTime);
            if (item.ProjectTitle is { } project)
                vevent.Description = project;
            calendar.Events.Add(vevent);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    [EndpointSummary("A staff member's private content calendar as an iCalendar feed (the secret token in the address is the right).")]
    public static async Task<IResult> Endpoint(
        string token,
        string? language,
        HttpContext http,
        CityAddresses addresses,
        ISender sender,
        CancellationToken ct
    )
    {
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        var lang = AppLinks.Language(language) ?? RequestLanguage.Current;
        var ics = await sender.Send(new Query(token, lang, addresses.Current.AppBaseUrl), ct);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), CalendarEvents.CalendarFeeds.ContentType, "content-calendar.ics");
    }
}
