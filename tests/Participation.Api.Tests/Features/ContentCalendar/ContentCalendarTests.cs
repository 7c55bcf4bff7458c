using System.Net;
using System.Text.Json.Nodes;
using Ical.Net;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;
using static Participation.Api.Tests.Features.CalendarEvents.CalendarEventTestKit;

namespace Participation.Api.Tests.Features.ContentCalendar;

/// <summary>
/// The staff content calendar: who sees what (admins and communication managers the whole platform, campaigns only they,
/// briefings only admins; heads of department their department's projects; moderators their projects; platform-wide events
/// every staff member), bad windows, and the private iCalendar feed (create, rotate, revoke, parsed by Ical.Net).
/// </summary>
public sealed class ContentCalendarTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Staff = ["moderator_p1", "moderator_p2", "head_d1", "head_d2", "communication_manager", "admin"];

    private static readonly string[] Actions = ["list", "feed_status", "feed_create", "feed_revoke"];

    private static int Expected(string actor, string action) =>
        (actor, action) switch
        {
            ("anonymous", _) => 401,
            (_, "feed_revoke") when Staff.Contains(actor) => 204,
            _ when Staff.Contains(actor) => 200,
            _ => 403,
        };

    public static TheoryData<string, string, int> Matrix() => AuthorizationMatrix.Build(AuthorizationMatrix.Actors, Actions, Expected);

    private static string Window(int fromDays = -10, int toDays = 89) =>
        $"from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(fromDays).ToString("O"))}"
        + $"&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(toDays).ToString("O"))}";

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_use_the_content_calendar(string actor, string action, int expected)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var client = await c.ClientAsync(actor);
        var feeds = await Api.CountAsync("content_calendar_feeds");

        var response = action switch
        {
            "list" => await client.GetAsync($"/api/v1/content-calendar?{Window()}"),
            "feed_status" => await client.GetAsync("/api/v1/content-calendar/feed"),
            "feed_create" => await client.PostAsync("/api/v1/content-calendar/feed", null),
            "feed_revoke" => await client.DeleteAsync("/api/v1/content-calendar/feed"),
            _ => throw new InvalidOperationException(action),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected >= 400)
            Assert.Equal(feeds, await Api.CountAsync("content_calendar_feeds"));
    }

    private sealed record Seed(IdeaCity City, Guid Event1, Guid Event2, Guid PlatformEvent, Guid Scheduled, Guid Sent);

    private async Task<Seed> SeedAsync()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var event1 = await CreateAsync(c.Admin, Body(c.P1, title: "Balade au parc"));
        var event2 = await CreateAsync(c.Admin, Body(c.P2, title: "Concert"));
        var platform = await CreateAsync(c.Admin, Body(null, title: "Fête de la ville"));
        var scheduled = await Api.ScalarAsync<Guid>(
            """
            INSERT INTO campaigns (id, subject, body_html, language, segment_kind, status, scheduled_at)
            VALUES (gen_random_uuid(), 'Lettre de janvier', '<p>Bonjour</p>', 'fr', 'newsletter', 'scheduled', now() + interval '5 days')
            RETURNING id;
            """
        );
        var sent = await Api.ScalarAsync<Guid>(
            """
            INSERT INTO campaigns (id, subject, body_html, language, segment_project_id, segment_kind, status, scheduled_at, sent_at,
                                   recipients_count)
            VALUES (gen_random_uuid(), 'Merci aux participants', '<p>Merci</p>', 'fr', @P2, 'project_participants', 'sent',
                    now() - interval '2 days', now() - interval '2 days', 12)
            RETURNING id;
            """,
            new { c.P2 }
        );
        var official = await Api.CreateUserAsync(role: "elected_official");
        await Api.ScalarAsync<int>(
            """
            INSERT INTO briefings (id, official_id, scope_type, kind, period_from, period_to, status, created_at, produced_at)
            VALUES (gen_random_uuid(), @Id, 'platform', 'scheduled', '2026-07-01', '2026-09-30', 'sent', now() - interval '3 days',
                    now() - interval '3 days')
            RETURNING 1;
            """,
            new { official.Id }
        );
        return new Seed(c, event1, event2, platform, scheduled, sent);
    }

    private static async Task<JsonArray> ItemsAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/content-calendar?{Window()}{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["items"]!.AsArray();
    }

    private static string[] Kinds(JsonArray items) => items.Select(i => i!["kind"]!.GetValue<string>()).Distinct().Order().ToArray();

    private static Guid[] Ids(JsonArray items, string kind) =>
        items.Where(i => i!["kind"]!.GetValue<string>() == kind).Select(i => i!["id"]!.GetValue<Guid>()).Order().ToArray();

    [Fact]
    public async Task Each_role_sees_its_part_of_the_platform()
    {
        var s = await SeedAsync();
        var c = s.City;

        var admin = await ItemsAsync(c.Admin);
        Assert.Equal(
            ["briefing_planned", "briefing_sent", "campaign_scheduled", "campaign_sent", "event", "phase_end", "phase_start"],
            Kinds(admin)
        );
        Assert.Equal(new[] { s.Event1, s.Event2, s.PlatformEvent }.Order(), Ids(admin, "event"));
        var walk = admin.Single(i => i!["id"]!.GetValue<Guid>() == s.Event1)!;
        Assert.Equal("Balade au parc", walk["title"]!.GetValue<string>());
        Assert.Equal($"/events/{s.Event1}", walk["link"]!.GetValue<string>());
        Assert.Equal("Parc du centre", walk["projectTitle"]!.GetValue<string>());
        var phaseEnd = admin.First(i => i!["kind"]!.GetValue<string>() == "phase_end")!;
        Assert.StartsWith("/admin/projects/", phaseEnd["link"]!.GetValue<string>());
        var briefing = admin.Single(i => i!["kind"]!.GetValue<string>() == "briefing_sent")!;
        Assert.Equal(1, briefing["count"]!.GetValue<int>());
        Assert.Equal("2026-07-01", briefing["periodFrom"]!.GetValue<string>());
        Assert.Equal("/admin/briefings", briefing["link"]!.GetValue<string>());
        Assert.Equal(new[] { s.Scheduled }, Ids(admin, "campaign_scheduled"));
        Assert.Equal(new[] { s.Sent }, Ids(admin, "campaign_sent"));

        var manager = await ItemsAsync(await c.ClientAsync("communication_manager"));
        Assert.Equal(["campaign_scheduled", "campaign_sent", "event", "phase_end", "phase_start"], Kinds(manager));

        var head1 = await ItemsAsync(await c.ClientAsync("head_d1"));
        Assert.Equal(["event", "phase_end", "phase_start"], Kinds(head1));
        Assert.Equal(new[] { s.Event1, s.PlatformEvent }.Order(), Ids(head1, "event"));
        Assert.All(head1.Where(i => i!["projectId"] is not null), i => Assert.Equal(c.P1, i!["projectId"]!.GetValue<Guid>()));

        var moderator2 = await ItemsAsync(c.Mod2);
        Assert.Equal(new[] { s.Event2, s.PlatformEvent }.Order(), Ids(moderator2, "event"));
        Assert.All(moderator2.Where(i => i!["projectId"] is not null), i => Assert.Equal(c.P2, i!["projectId"]!.GetValue<Guid>()));

        // A department: its projects' entries and the campaigns to their people; nothing platform-wide.
        var d2 = await ItemsAsync(c.Admin, $"&departmentId={c.City.D2}");
        Assert.Equal(["campaign_sent", "event", "phase_end", "phase_start"], Kinds(d2));
        Assert.Equal(new[] { s.Event2 }, Ids(d2, "event"));
        // A head of department filtering on another department sees nothing of it.
        Assert.Empty(await ItemsAsync(await c.ClientAsync("head_d1"), $"&departmentId={c.City.D2}"));

        var events = await ItemsAsync(c.Admin, "&kinds=event,campaign_sent");
        Assert.Equal(["campaign_sent", "event"], Kinds(events));
    }

    [Fact]
    public async Task A_phase_starting_in_the_window_is_listed()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var start = DateTimeOffset.UtcNow.AddDays(40);
        var phase = await IdeaCity.PhaseAsync(c.Admin, c.P1, "voting", start, start.AddDays(10), null);
        var items = await ItemsAsync(c.Mod1, "&kinds=phase_start");
        Assert.Equal(2, items.Count); // the city's phase started yesterday
        Assert.All(items, i => Assert.Equal("phase_start", i!["kind"]!.GetValue<string>()));
        var item = items.Single(i => i!["id"]!.GetValue<Guid>() == phase)!;
        Assert.Equal($"/admin/projects/{c.P1}", item["link"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("from=2026-01-01T00:00:00Z")]
    [InlineData("from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z")]
    [InlineData("from=2026-01-01T00:00:00Z&to=2026-04-12T00:00:00Z")]
    [InlineData("from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&kinds=phase_start,bogus")]
    [InlineData("from=yesterday&to=2026-02-01T00:00:00Z")]
    [InlineData("from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&projectId=1'--")]
    public async Task Bad_windows_are_refused(string query)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var response = await c.Admin.GetAsync($"/api/v1/content-calendar?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_private_feed_is_created_rotated_and_revoked()
    {
        var s = await SeedAsync();
        var manager = await s.City.ClientAsync("communication_manager");
        var anonymous = Api.CreateClient();
        Assert.False((await (await manager.GetAsync("/api/v1/content-calendar/feed")).ReadJsonAsync())["active"]!.GetValue<bool>());

        var created = await (await manager.PostAsync("/api/v1/content-calendar/feed", null)).ReadJsonAsync();
        var path = created["path"]!.GetValue<string>();
        var token = created["token"]!.GetValue<string>();
        Assert.Equal($"/api/v1/content-calendar/feeds/{token}.ics", path);
        const string HashSql = "SELECT count(*) FROM content_calendar_feeds WHERE token_hash = sha256(convert_to(@T, 'UTF8'))";
        Assert.Equal(1, await Api.ScalarAsync<long>(HashSql, new { T = token })); // only the hash is stored
        Assert.True((await (await manager.GetAsync("/api/v1/content-calendar/feed")).ReadJsonAsync())["active"]!.GetValue<bool>());

        var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var walk = calendar.Events.Single(e => e.Uid == $"event-{s.Event1}@participation");
        Assert.Equal("Événement: Balade au parc (Parc du centre)", walk.Summary);
        Assert.Equal($"https://participation.example/fr/events/{s.Event1}", walk.Url!.ToString());
        var campaign = calendar.Events.Single(e => e.Uid == $"campaign_scheduled-{s.Scheduled}@participation");
        Assert.Equal("https://participation.example/fr/admin/campaigns", campaign.Url!.ToString());
        Assert.Contains(calendar.Events, e => e.Summary!.StartsWith("Fin de phase: ", StringComparison.Ordinal));
        Assert.DoesNotContain(calendar.Events, e => e.Uid!.StartsWith("briefing", StringComparison.Ordinal)); // admins only
        Assert.All(calendar.Events, e => Assert.StartsWith("https://participation.example/fr/", e.Url!.ToString()));

        // Rotating: the old address stops working, the new one works.
        var rotated = await (await manager.PostAsync("/api/v1/content-calendar/feed", null)).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
        var newPath = rotated["path"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(newPath)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync("/api/v1/content-calendar/feed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(newPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/content-calendar/feeds/not-a-token.ics")).StatusCode);
        Assert.Equal(0, await Api.CountAsync("content_calendar_feeds"));

        var createdEvents = await Api.EventsAsync("content_calendar.feed_created");
        Assert.Equal(2, createdEvents.Count);
        Assert.All(createdEvents, e => Assert.True(e.Audited));
        Assert.False(createdEvents[0].BeforeJson!["hasFeed"]!.GetValue<bool>());
        Assert.True(createdEvents[1].BeforeJson!["hasFeed"]!.GetValue<bool>());
        Assert.DoesNotContain(token, createdEvents[0].After!);
        Assert.Single(await Api.EventsAsync("content_calendar.feed_revoked"));
    }

    [Fact]
    public async Task A_feed_whose_owner_is_no_longer_staff_is_gone()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var created = await (await c.Mod1.PostAsync("/api/v1/content-calendar/feed", null)).ReadJsonAsync();
        var path = created["path"]!.GetValue<string>();
        var anonymous = Api.CreateClient();
        var calendar = Calendar.Load(await anonymous.GetStringAsync(path))!;
        Assert.Contains(calendar.Events, e => e.Url!.ToString() == $"https://participation.example/fr/admin/projects/{c.P1}");
        await Api.ScalarAsync<int>("DELETE FROM user_roles WHERE user_id = @Id RETURNING 1", new { c.Moderator1.Id });
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
    }
}
