using System.Net;
using System.Net.Http.Json;
using Ical.Net;
using Participation.Api.Features.CalendarEvents;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;
using static Participation.Api.Tests.Features.CalendarEvents.CalendarEventTestKit;

namespace Participation.Api.Tests.Features.CalendarEvents;

[Collection(ApiCollection.C)]
public sealed class CalendarEventsTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task A_moderator_creates_an_event_that_everybody_reads_with_its_text_sanitised()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var response = await c.Mod1.PostJsonAsync("/api/v1/events", Body(c.P1, capacity: 20));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        var id = created["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/v1/events/{id}", response.Headers.Location!.OriginalString);
        Assert.True(created["canEdit"]!.GetValue<bool>());

        var read = await (await Api.CreateClient().GetAsync($"/api/v1/events/{id}")).ReadJsonAsync();
        Assert.Equal("Balade au parc", read["title"]!["fr"]!.GetValue<string>());
        Assert.DoesNotContain("onerror", read["description"]!["fr"]!.GetValue<string>());
        Assert.Equal(20, read["placesLeft"]!.GetValue<int>());
        Assert.False(read["canEdit"]!.GetValue<bool>());
        Assert.Equal("balade-au-parc", read["slug"]!.GetValue<string>());
        Assert.EndsWith("/events/balade-au-parc", read["webUrl"]!.GetValue<string>()); // the readable address
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'calendar_event.created'"));

        var list = await (await Api.CreateClient().GetAsync($"/api/v1/events?projectId={c.P1}")).ReadJsonAsync();
        Assert.Single(list["items"]!.AsArray());
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_writes_nothing()
    {
        var c = await IdeaCity.CreateAsync(Api);
        async Task Refused(object body, params string[] fields)
        {
            var response = await c.Admin.PostJsonAsync("/api/v1/events", body);
            await response.AssertFieldErrorsAsync(fields);
        }
        await Refused(
            new
            {
                projectId = c.P1,
                title = new { fr = "X" },
                startsAt = Start,
                endsAt = Start.AddHours(-1),
                registration = false,
            },
            "endsAt"
        );
        await Refused(
            new
            {
                projectId = c.P1,
                title = new { fr = "X" },
                startsAt = Start,
                endsAt = Start.AddHours(1),
                onlineUrl = "http://insecure.example.org",
                registration = false,
            },
            "onlineUrl"
        );
        await Refused(
            new
            {
                projectId = c.P1,
                title = new { nl = "X" },
                startsAt = Start,
                endsAt = Start.AddHours(1),
                latitude = 50.8,
                registration = true,
                capacity = 0,
            },
            "title",
            "latitude",
            "capacity"
        );
        Assert.Equal(400, (int)(await Api.CreateClient().GetAsync("/api/v1/events?period=soon")).StatusCode);
        Assert.Equal(400, (int)(await Api.CreateClient().GetAsync("/api/v1/events?limit=0")).StatusCode);
        Assert.Equal(400, (int)(await Api.CreateClient().GetAsync("/api/v1/events?cursor=garbage")).StatusCode);
        Assert.Equal(0, await Api.CountAsync("calendar_events"));
    }

    [Fact]
    public async Task Events_of_a_draft_project_are_not_public_but_its_staff_see_them()
    {
        var c = await IdeaCity.CreateAsync(Api, p1Status: "draft");
        var id = await CreateAsync(c.Mod1, Body(c.P1));
        var anonymous = Api.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/events/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/events/{id}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/projects/{c.P1}/events.ics")).StatusCode);
        Assert.Empty((await (await anonymous.GetAsync("/api/v1/events")).ReadJsonAsync())["items"]!.AsArray());
        Assert.DoesNotContain(id.ToString(), await anonymous.GetStringAsync("/api/v1/events/calendar.ics"));
        Assert.Equal(HttpStatusCode.NotFound, (await c.A.PostAsync($"/api/v1/events/{id}/registration", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Mod1.GetAsync($"/api/v1/events/{id}")).StatusCode);
        Assert.Single((await (await c.Mod1.GetAsync($"/api/v1/events?projectId={c.P1}")).ReadJsonAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task Parallel_registrations_never_exceed_the_capacity_and_the_rest_wait_in_order()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var id = await CreateAsync(c.Admin, Body(c.P1, capacity: 5));
        var people = new List<TestUser>();
        for (var i = 0; i < 30; i++)
            people.Add(await Api.CreateUserAsync(firstName: $"P{i}"));

        var answers = await Task.WhenAll(people.Select(p => Api.ClientFor(p.Id).PostAsync($"/api/v1/events/{id}/registration", null)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var ev = await (await c.Admin.GetAsync($"/api/v1/events/{id}")).ReadJsonAsync();
        Assert.Equal(5, ev["registeredCount"]!.GetValue<int>());
        Assert.Equal(25, ev["waitingCount"]!.GetValue<int>());
        Assert.Equal(0, ev["placesLeft"]!.GetValue<int>());
        await AssertCountersAsync(Api, id);
        var positions = new List<int>();
        foreach (var a in answers)
        {
            var mine = await a.ReadJsonAsync();
            if (mine["status"]!.GetValue<string>() == "waiting")
                positions.Add(mine["waitingPosition"]!.GetValue<int>());
        }
        Assert.Equal(Enumerable.Range(1, 25), positions.Order());
    }

    [Fact]
    public async Task The_same_person_registering_many_times_at_once_is_registered_once()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var id = await CreateAsync(c.Admin, Body(c.P1, capacity: 3));
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => c.A.PostAsync($"/api/v1/events/{id}/registration", null)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM calendar_event_registrations"));
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'calendar_event.registered'"));
        await AssertCountersAsync(Api, id);
    }

    [Fact]
    public async Task Cancelling_a_registration_promotes_the_first_waiting_person_who_is_emailed()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var id = await CreateAsync(c.Admin, Body(c.P1, capacity: 1));
        Assert.Equal("registered", (await RegisterAsync(c.A, id))["status"]!.GetValue<string>());
        var waiting = await RegisterAsync(c.B, id);
        Assert.Equal("waiting", waiting["status"]!.GetValue<string>());
        Assert.Equal(1, waiting["waitingPosition"]!.GetValue<int>());

        var cancelled = await c.A.DeleteAsync($"/api/v1/events/{id}/registration");

        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        var b = await (await c.B.GetAsync($"/api/v1/events/{id}")).ReadJsonAsync();
        Assert.Equal("registered", b["myRegistration"]!["status"]!.GetValue<string>());
        var mail = Assert.Single(await Api.OutboxAsync(c.ResidentB.Email));
        Assert.Contains("Balade au parc", mail.Subject);
        Assert.Contains("/events/balade-au-parc", mail.TextBody);
        Assert.Contains($"/api/v1/events/{id}.ics", mail.TextBody);
        await AssertCountersAsync(Api, id);
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'calendar_event.registration_cancelled'"));
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'calendar_event.promoted'"));
        Assert.Equal(HttpStatusCode.NotFound, (await c.A.DeleteAsync($"/api/v1/events/{id}/registration")).StatusCode);
    }

    [Fact]
    public async Task A_larger_capacity_registers_waiting_people_and_a_smaller_one_than_registered_is_refused()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var id = await CreateAsync(c.Admin, Body(c.P1, capacity: 1));
        await RegisterAsync(c.A, id);
        await RegisterAsync(c.B, id);
        var bigger = await c.Admin.PutAsJsonAsync($"/api/v1/events/{id}", Fields(capacity: 2));
        Assert.Equal(HttpStatusCode.OK, bigger.StatusCode);
        Assert.Equal(2, (await bigger.ReadJsonAsync())["registeredCount"]!.GetValue<int>());
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'calendar_event.updated'"));
        await (await c.Admin.PutAsJsonAsync($"/api/v1/events/{id}", Fields(capacity: 1))).AssertFieldErrorsAsync("capacity");
        await AssertCountersAsync(Api, id);
    }

    [Fact]
    public async Task Cancelling_an_event_emails_its_registrants_in_their_language_and_closes_registration()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var id = await CreateAsync(c.Admin, Body(c.P1));
        await RegisterAsync(c.A, id);
        await Api.ScalarAsync<int>("UPDATE users SET locale = 'nl' WHERE id = @Id RETURNING 1", new { c.ResidentA.Id });

        var response = await c.Mod1.PostJsonAsync($"/api/v1/events/{id}/cancel", new { reason = "Alerte météo" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cancelled", (await response.ReadJsonAsync())["status"]!.GetValue<string>());
        var mail = Assert.Single(await Api.OutboxAsync(c.ResidentA.Email));
        Assert.Contains("geannuleerd", mail.Subject);
        Assert.Contains("Alerte météo", mail.TextBody);
        Assert.Equal(HttpStatusCode.Conflict, (await c.B.PostAsync($"/api/v1/events/{id}/registration", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Mod1.PostJsonAsync($"/api/v1/events/{id}/cancel", new { })).StatusCode);
        Assert.Single(await Api.OutboxAsync(c.ResidentA.Email));
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'calendar_event.cancelled'"));
    }

    [Fact]
    public async Task Registrants_are_listed_for_staff_by_name_without_email_addresses()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var id = await CreateAsync(c.Admin, Body(c.P1, capacity: 1));
        await RegisterAsync(c.A, id);
        await RegisterAsync(c.B, id);
        var response = await c.Mod1.GetAsync($"/api/v1/events/{id}/registrants?limit=1");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("@", body);
        var page = await response.ReadJsonAsync();
        Assert.Equal("Alice", page["items"]![0]!["firstName"]!.GetValue<string>());
        var next = await (await c.Mod1.GetAsync($"/api/v1/events/{id}/registrants?cursor={page["nextCursor"]}")).ReadJsonAsync();
        Assert.Equal("waiting", next["items"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lists_are_keyset_pages_of_upcoming_or_past_events_with_filters()
    {
        var c = await IdeaCity.CreateAsync(Api);
        for (var i = 0; i < 5; i++)
            await CreateAsync(c.Admin, Body(c.P1, title: $"E{i}", startsAt: Start.AddDays(i)));
        await CreateAsync(c.Admin, Body(null, title: "Plateforme", startsAt: Start.AddDays(2).AddHours(1)));
        var past = await CreateAsync(c.Admin, Body(c.P2, title: "Passé"));
        await Api.ScalarAsync<int>(
            "UPDATE calendar_events SET starts_at = now() - interval '3 days', ends_at = now() - interval '2 days' "
                + "WHERE id = @past RETURNING 1",
            new { past }
        );
        var anonymous = Api.CreateClient();
        var titles = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (
                await anonymous.GetAsync($"/api/v1/events?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}")
            ).ReadJsonAsync();
            titles.AddRange(page["items"]!.AsArray().Select(e => e!["title"]!["fr"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        Assert.Equal(["E0", "E1", "E2", "Plateforme", "E3", "E4"], titles);
        var pastPage = await (await anonymous.GetAsync("/api/v1/events?period=past")).ReadJsonAsync();
        Assert.Equal("Passé", Assert.Single(pastPage["items"]!.AsArray())!["title"]!["fr"]!.GetValue<string>());
        var platform = await (await anonymous.GetAsync("/api/v1/events?platformOnly=true")).ReadJsonAsync();
        Assert.Single(platform["items"]!.AsArray());
        var from = Uri.EscapeDataString(Start.AddDays(3).ToString("O"));
        var window = await (await anonymous.GetAsync($"/api/v1/events?from={from}")).ReadJsonAsync();
        Assert.Equal(2, window["items"]!.AsArray().Count);
        using var counter = new SqlCounter();
        var all = await Api.Send(new ListCalendarEvents.Query(c.ResidentA.Id, null, false, null, null, null, null, 50, "http://app"));
        Assert.Equal(6, all.Items.Count);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task The_ics_feeds_parse_and_link_back_to_the_event_pages()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var id = await CreateAsync(c.Admin, Body(c.P1));
        var online = await CreateAsync(
            c.Admin,
            new
            {
                title = new { fr = "Webinaire" },
                startsAt = Start.AddDays(1),
                endsAt = Start.AddDays(1).AddHours(1),
                onlineUrl = "https://meet.example.org/abc",
                registration = false,
            }
        );
        var anonymous = Api.CreateClient();

        var one = await anonymous.GetAsync($"/api/v1/events/{id}.ics");
        Assert.Equal("text/calendar", one.Content.Headers.ContentType!.MediaType);
        var calendar = Calendar.Load(await one.Content.ReadAsStringAsync())!;
        var vevent = Assert.Single(calendar.Events);
        Assert.Equal("Balade au parc", vevent.Summary);
        Assert.EndsWith("/events/balade-au-parc", vevent.Url!.ToString());
        Assert.Equal(Start.UtcDateTime, vevent.DtStart!.AsUtc);
        Assert.True(vevent.DtStart.IsUtc);
        Assert.Equal(Start.AddHours(2).UtcDateTime, vevent.DtEnd!.AsUtc);
        Assert.Equal(50.8386, vevent.GeographicLocation!.Latitude, 4);
        Assert.Equal("Parc Léopold, Rue Belliard, 1000 Bruxelles", vevent.Location);
        Assert.Equal("Rendez-vous à l'entrée.\nBottes conseillées.", vevent.Description);
        Assert.False(string.IsNullOrEmpty(vevent.Uid));

        var project = Calendar.Load(await anonymous.GetStringAsync($"/api/v1/projects/{c.P1}/events.ics"))!;
        Assert.Equal("balade-au-parc", Assert.Single(project.Events).Url!.Segments[^1]);
        var platform = Calendar.Load(await anonymous.GetStringAsync("/api/v1/events/calendar.ics"))!;
        Assert.Equal(2, platform.Events.Count);
        var webinar = platform.Events.Single(e => e.Summary == "Webinaire");
        Assert.EndsWith("/events/webinaire", webinar.Url!.ToString());
        Assert.Null(webinar.GeographicLocation);
        Assert.Equal("https://meet.example.org/abc", webinar.Location);

        // A calendar app sends no language: the feed's address carries it, and so do its links to the web app's pages.
        var english = Calendar.Load(await anonymous.GetStringAsync($"/api/v1/events/{id}.ics?language=en"))!;
        Assert.Equal("https://participation.example/en/events/balade-au-parc", Assert.Single(english.Events).Url!.ToString());
        using var dutch = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events/calendar.ics");
        dutch.Headers.Add("Accept-Language", "nl");
        var byHeader = Calendar.Load(await (await anonymous.SendAsync(dutch)).Content.ReadAsStringAsync())!;
        Assert.All(byHeader.Events, e => Assert.StartsWith("https://participation.example/nl/events/", e.Url!.ToString()));
        var french = Calendar.Load(await anonymous.GetStringAsync($"/api/v1/projects/{c.P1}/events.ics"))!;
        Assert.Equal("https://participation.example/fr/events/balade-au-parc", Assert.Single(french.Events).Url!.ToString());
    }

    [Fact]
    public async Task Registrants_are_reminded_once_the_day_before_even_with_two_instances()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var id = await CreateAsync(c.Admin, Body(c.P1, capacity: 1));
        await RegisterAsync(c.A, id);
        await RegisterAsync(c.B, id); // waiting: no reminder
        var early = Api.Reminders(new ClockAt(Start.AddDays(-2)));
        Assert.Equal(0, await early.RunOnceAsync(CancellationToken.None));

        var dayBefore = new ClockAt(Start.AddHours(-20));
        var sent = await Task.WhenAll(
            Api.Reminders(dayBefore).RunOnceAsync(CancellationToken.None),
            Api.Reminders(dayBefore).RunOnceAsync(CancellationToken.None)
        );
        Assert.Equal(1, sent.Sum());
        Assert.Equal(0, await Api.Reminders(dayBefore).RunOnceAsync(CancellationToken.None));
        var mail = Assert.Single(await Api.OutboxAsync(c.ResidentA.Email));
        Assert.Contains("Rappel", mail.Subject);
        Assert.Contains($"/api/v1/events/{id}.ics", mail.TextBody);
        Assert.Empty(await Api.OutboxAsync(c.ResidentB.Email));
    }
}
