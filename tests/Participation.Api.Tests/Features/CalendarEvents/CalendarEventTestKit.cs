using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Participation.Api.Features.CalendarEvents;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.CalendarEvents;

internal static class CalendarEventTestKit
{
    public static readonly DateTimeOffset Start = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(10).AddHours(17);

    public static object Body(
        Guid? projectId,
        string title = "Balade au parc",
        bool registration = true,
        int? capacity = null,
        DateTimeOffset? startsAt = null,
        object? extra = null
    ) =>
        extra
        ?? new
        {
            projectId,
            title = new
            {
                fr = title,
                nl = "Wandeling in het park",
                en = "Park walk",
            },
            description = new
            {
                fr = "<p>Rendez-vous <strong>à l'entrée</strong>.</p><p>Bottes conseillées.<img src=x onerror=alert(1)></p>",
            },
            startsAt = startsAt ?? Start,
            endsAt = (startsAt ?? Start).AddHours(2),
            placeName = "Parc Léopold",
            placeAddress = "Rue Belliard, 1000 Bruxelles",
            latitude = 50.8386,
            longitude = 4.3770,
            onlineUrl = (string?)null,
            registration,
            capacity,
        };

    /// <summary>The fields of <see cref="Body"/> for replacing an event (no project: it does not move).</summary>
    public static object Fields(int? capacity = null, DateTimeOffset? startsAt = null) =>
        new
        {
            title = new { fr = "Balade au parc" },
            startsAt = startsAt ?? Start,
            endsAt = (startsAt ?? Start).AddHours(2),
            placeName = "Parc Léopold",
            registration = true,
            capacity,
        };

    public static async Task<Guid> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/api/v1/events", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    public static async Task<JsonNode> RegisterAsync(HttpClient client, Guid id)
    {
        var response = await client.PostAsync($"/api/v1/events/{id}/registration", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    /// <summary>A reminder job of another instance with its own clock.</summary>
    public static CalendarEventReminders Reminders(this ApiFactory api, TimeProvider clock) =>
        new(
            api.Services.GetRequiredService<Participation.Api.Infrastructure.Database.CityDb>(),
            api.Services.GetRequiredService<CalendarEventEmails>(),
            clock,
            Options.Create(new CalendarEventOptions())
        );

    /// <summary>The counters equal a recount of the rows, and never exceed the capacity (QUALITY.md §3).</summary>
    public static async Task AssertCountersAsync(ApiFactory api, Guid id)
    {
        var drift = await api.ScalarAsync<long>(
            """
            SELECT count(*) FROM calendar_events e
             WHERE e.id = @Id AND (e.registered_count <> (SELECT count(*) FROM calendar_event_registrations r
                                                          WHERE r.event_id = e.id AND r.status = 'registered')
                                OR e.waiting_count <> (SELECT count(*) FROM calendar_event_registrations r
                                                        WHERE r.event_id = e.id AND r.status = 'waiting')
                                OR e.registered_count > coalesce(e.capacity, 2147483647));
            """,
            new { Id = id }
        );
        Assert.Equal(0, drift);
    }
}

internal sealed class ClockAt(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
