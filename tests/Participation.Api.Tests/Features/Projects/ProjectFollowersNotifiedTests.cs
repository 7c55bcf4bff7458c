using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Participation.Api.Features.Events;
using Participation.Api.Features.Notifications;
using Participation.Api.Features.Projects;
using Participation.Api.Tests.Features.CalendarEvents;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Projects;

public sealed class ProjectFollowersNotifiedTests(ApiFactory api) : ApiTest(api)
{
    private static string Follow(Guid project) => $"/api/v1/projects/{project}/follow";

    private PhaseStartAnnouncer Announcer(TimeProvider clock) =>
        new(
            Api.Services.GetRequiredService<Participation.Api.Infrastructure.Database.CityDb>(),
            Api.Services.GetRequiredService<EventRecorder>(),
            clock,
            Options.Create(new PhaseStartOptions())
        );

    private static async Task<int> DrainAsync(PhaseStartAnnouncer job)
    {
        var total = 0;
        int n;
        while ((n = await job.RunOnceAsync(CancellationToken.None)) > 0)
            total += n;
        return total;
    }

    private async Task<List<(Guid UserId, string Data, string EmailState)>> NotifiedAsync()
    {
        var json = await Api.ScalarAsync<string>(
            "SELECT coalesce(json_agg(json_build_object('u', user_id, 'd', data, 'e', email_state)), '[]')::text "
                + "FROM notifications WHERE category = 'project_updates_followed'"
        );
        return System
            .Text.Json.Nodes.JsonNode.Parse(json)!
            .AsArray()
            .Select(n => (n!["u"]!.GetValue<Guid>(), n["d"]!.ToJsonString(), n["e"]!.GetValue<string>()))
            .ToList();
    }

    [Fact]
    public async Task A_phase_start_is_announced_once_to_followers_only_whatever_the_parallel_runs_and_restarts()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var now = DateTimeOffset.UtcNow;
        var voting = await IdeaCity.PhaseAsync(c.Admin, c.P1, "voting", now.AddDays(31), now.AddDays(40), null);
        // The phases that started before (the city's ideation phases) are announced first, while nobody follows.
        var earlier = await DrainAsync(Announcer(TimeProvider.System));
        Assert.Equal(earlier, (await Api.EventsAsync("phase.started")).Count);
        Assert.Empty(await NotifiedAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await c.A.PutAsync(Follow(c.P1), null)).StatusCode);
        var off = await c.ResidentAsync("Chloé");
        var offClient = Api.ClientFor(off.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await offClient.PutAsync(Follow(c.P1), null)).StatusCode);
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await offClient.PutAsJsonAsync(
                    "/api/v1/notifications/preferences",
                    new { preferences = new[] { new { category = "project_updates_followed", channel = "off" } } }
                )
            ).StatusCode
        );
        // B follows the other project only.
        Assert.Equal(HttpStatusCode.NoContent, (await c.B.PutAsync(Follow(c.P2), null)).StatusCode);
        Assert.Equal(0, await DrainAsync(Announcer(TimeProvider.System)));
        var before = await Api.CountAsync("phase_start_announcements");

        // After it, two instances at once, then a restart: one event, one notification.
        var later = new ClockAt(now.AddDays(31).AddMinutes(5));
        var runs = await Task.WhenAll(DrainAsync(Announcer(later)), DrainAsync(Announcer(later)));
        Assert.Equal(1, runs.Sum());
        Assert.Equal(0, await DrainAsync(Announcer(later)));
        var started = (await Api.EventsAsync("phase.started")).Single(e => e.SubjectId == voting.ToString());
        Assert.Equal(earlier + 1, (await Api.EventsAsync("phase.started")).Count);
        Assert.Equal("system", started.ActorType);
        Assert.Equal(before + 1, await Api.CountAsync("phase_start_announcements"));

        var notified = await NotifiedAsync();
        var (user, data, email) = Assert.Single(notified);
        Assert.Equal(c.ResidentA.Id, user);
        Assert.Equal("pending", email);
        Assert.Contains("\"kind\":\"phase_started\"", data);
        Assert.Contains("\"method\":\"voting\"", data);

        // In A's list, about the project, and e-mailed in their language with a link to the project.
        var list = await (await c.A.GetAsync("/api/v1/notifications")).ReadJsonAsync();
        var item = list["items"]!.AsArray().Single()!;
        Assert.Equal("project_updates_followed", item["category"]!.GetValue<string>());
        Assert.Equal(c.P1, item["projectId"]!.GetValue<Guid>());
        await Api.Services.GetRequiredService<NotificationMailer>().RunOnceAsync(CancellationToken.None);
        var mail = Assert.Single(await Api.OutboxAsync(c.ResidentA.Email));
        Assert.Contains("Parc du centre", mail.Subject);
        Assert.Contains("nouvelle phase", mail.Subject);
    }

    [Fact]
    public async Task A_start_long_past_or_of_a_draft_project_is_not_announced()
    {
        var c = await IdeaCity.CreateAsync(Api, p1Status: "draft");
        var now = DateTimeOffset.UtcNow;
        await IdeaCity.PhaseAsync(c.Admin, c.P1, "voting", now.AddDays(31), now.AddDays(40), null);
        await IdeaCity.PhaseAsync(c.Admin, c.P2, "voting", now.AddDays(31), now.AddDays(40), null);

        // Five days after the starts: too old to be news.
        Assert.Equal(0, await DrainAsync(Announcer(new ClockAt(now.AddDays(36)))));
        // At the start: the published project's phase only.
        Assert.Equal(1, await DrainAsync(Announcer(new ClockAt(now.AddDays(31).AddMinutes(1)))));
        var started = Assert.Single(await Api.EventsAsync("phase.started"));
        Assert.Equal(c.P2, started.ProjectId);
    }

    [Fact]
    public async Task A_decision_on_an_idea_tells_the_project_followers_once_not_the_actor_and_not_for_an_intermediate_status()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        // The author follows the project and the idea's own notification wins (one per person and event).
        Assert.Equal(HttpStatusCode.NoContent, (await c.A.PutAsync(Follow(c.P1), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.B.PutAsync(Follow(c.P1), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.Mod1.PutAsync(Follow(c.P1), null)).StatusCode);
        var outsider = await c.ResidentAsync("Omar");

        var considered = await c.Mod1.PostJsonAsync($"/api/v1/ideas/{idea}/status", new { status = "under_consideration" });
        Assert.Equal(HttpStatusCode.OK, considered.StatusCode);
        Assert.Empty(await NotifiedAsync());

        var accepted = await c.Mod1.PostJsonAsync($"/api/v1/ideas/{idea}/status", new { status = "accepted" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var (user, data, _) = Assert.Single(await NotifiedAsync());
        Assert.Equal(c.ResidentB.Id, user);
        Assert.Contains("\"kind\":\"decision\"", data);
        Assert.Equal(0, await Api.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE user_id = @Id", new { outsider.Id }));
        // The author heard of both changes as the author, once each.
        Assert.Equal(
            2,
            await Api.ScalarAsync<long>(
                "SELECT count(*) FROM notifications WHERE user_id = @Id AND category = 'idea_status_mine'",
                new { c.ResidentA.Id }
            )
        );
        Assert.Equal(2, await Api.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE user_id = @Id", new { c.ResidentA.Id }));
    }

    [Fact]
    public async Task Followers_default_to_email_and_see_the_category_among_their_preferences()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var preferences = await (await c.A.GetAsync("/api/v1/notifications/preferences")).ReadJsonAsync();
        var followed = preferences.AsArray().Single(p => p!["category"]!.GetValue<string>() == "project_updates_followed")!;
        Assert.Equal("email", followed["defaultChannel"]!.GetValue<string>());
        Assert.Equal(NotificationChannel.Email, NotificationCategories.Default(NotificationCategory.ProjectUpdatesFollowed));
    }
}
