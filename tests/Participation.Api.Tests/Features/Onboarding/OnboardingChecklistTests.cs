using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Features.CalendarEvents;
using Participation.Api.Tests.Features.Campaigns;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Features.Invitations;
using Participation.Api.Tests.Features.Pages;
using Participation.Api.Tests.Features.Platform;
using Participation.Api.Tests.Features.Projects;
using Participation.Api.Tests.Features.Reports;
using Participation.Api.Tests.Features.Webhooks;
using Participation.Api.Tests.Features.Widgets;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Onboarding;

/// <summary>
/// Each role's onboarding checklist ticks from the real action, taken through the API, and only from it: an invitation
/// ticks "joined" when it is accepted, not when it is sent; a head's and a moderator's items look at their own department
/// and projects only.
/// </summary>
[Collection(ApiCollection.C)]
public sealed class OnboardingChecklistTests(ApiFactory api) : ApiTest(api)
{
    private static MultipartFormDataContent ImageForm()
    {
        var file = new ByteArrayContent(
            Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
        );
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, "file", "header.png" } };
    }

    [Fact]
    public async Task The_admin_s_checklist_ticks_as_the_platform_is_set_up_and_invitations_are_accepted()
    {
        var admin = Api.ClientFor((await Api.CreateUserAsync(role: "admin")).Id);
        var checklist = await admin.ChecklistAsync("admin");
        Assert.Equal(
            [
                "platform_configured",
                "department_created",
                "department_head_invited",
                "department_head_joined",
                "moderator_joined",
                "elected_official_added",
            ],
            checklist["items"]!.AsArray().Select(i => i!["step"]!.GetValue<string>())
        );
        Assert.Empty(await admin.DoneAsync("admin"));
        Assert.Contains("1 heure", checklist["workload"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/platform/settings", PlatformSettingsTests.Body())).StatusCode);
        Assert.Equal(["platform_configured"], await admin.DoneAsync("admin"));

        var department = await Api.DepartmentAsync(admin);
        await admin.InviteAsync("department_head", "department", department, "cheffe@example.org");
        Assert.Equal(["platform_configured", "department_created", "department_head_invited"], await admin.DoneAsync("admin"));

        var accepted = await Api.CreateClient().AcceptAsNewAsync(await Api.InvitationTokenAsync("cheffe@example.org"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("department_head_joined", await admin.DoneAsync("admin"));

        var project = await new City
        {
            Admin = admin,
            D1 = department,
            D2 = department,
            Head1 = null!,
            Head2 = null!,
        }.ProjectAsync(admin, department);
        await admin.InviteAsync("project_moderator", "project", project, "modo@example.org");
        Assert.DoesNotContain("moderator_joined", await admin.DoneAsync("admin"));
        Assert.Equal(
            HttpStatusCode.OK,
            (await Api.CreateClient().AcceptAsNewAsync(await Api.InvitationTokenAsync("modo@example.org"))).StatusCode
        );
        Assert.Contains("moderator_joined", await admin.DoneAsync("admin"));

        var mayor = await Api.CreateUserAsync(firstName: "Maire");
        var granted = await admin.PutAsJsonAsync(
            $"/api/v1/users/{mayor.Id}/roles",
            new { role = "elected_official", scopeType = "platform" }
        );
        Assert.True(granted.IsSuccessStatusCode, await granted.Content.ReadAsStringAsync());
        Assert.Equal(6, (await admin.ChecklistAsync("admin"))["doneCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_communication_manager_s_checklist_ticks_from_the_home_page_a_page_an_event_a_campaign_and_the_calendar()
    {
        var manager = Api.ClientFor((await Api.CreateUserAsync(role: "communication_manager")).Id);
        Assert.Empty(await manager.DoneAsync("communication_manager")); // the standard pages do not count: a page of its own does

        var home = await manager.PutAsJsonAsync(
            "/api/v1/home-page/draft",
            new
            {
                version = 0,
                language = "fr",
                layout = new
                {
                    banner = new { title = "Bienvenue" },
                    pinnedProjectIds = Array.Empty<Guid>(),
                    sections = new[] { new { kind = "figures", visible = true } },
                },
            }
        );
        Assert.True(home.IsSuccessStatusCode, await home.Content.ReadAsStringAsync());
        Assert.Equal(["home_page_edited"], await manager.DoneAsync("communication_manager"));

        var page = await PageTestKit.CreateAsync(manager);
        Assert.DoesNotContain("page_published", await manager.DoneAsync("communication_manager")); // a draft
        await PageTestKit.PublishAsync(manager, page);
        Assert.Contains("page_published", await manager.DoneAsync("communication_manager"));

        await CalendarEventTestKit.CreateAsync(manager, CalendarEventTestKit.Body(null));
        Assert.Contains("event_announced", await manager.DoneAsync("communication_manager"));

        var campaign = await CampaignTestKit.CreateAsync(manager);
        Assert.DoesNotContain("campaign_scheduled", await manager.DoneAsync("communication_manager")); // a draft
        await CampaignTestKit.ScheduleAsync(manager, campaign);
        Assert.Contains("campaign_scheduled", await manager.DoneAsync("communication_manager"));

        // Personal: another communication manager's calendar subscription does not tick it.
        var colleague = Api.ClientFor((await Api.CreateUserAsync(role: "communication_manager")).Id);
        Assert.True((await colleague.PostAsync("/api/v1/content-calendar/feed", null)).IsSuccessStatusCode);
        Assert.DoesNotContain("content_calendar_subscribed", await manager.DoneAsync("communication_manager"));
        Assert.True((await manager.PostAsync("/api/v1/content-calendar/feed", null)).IsSuccessStatusCode);
        Assert.Equal(5, (await manager.ChecklistAsync("communication_manager"))["doneCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_it_manager_s_checklist_ticks_from_a_widget_an_api_client_and_a_webhook()
    {
        var it = Api.ClientFor((await Api.CreateUserAsync(role: "it_manager")).Id);
        Assert.Empty(await it.DoneAsync("it_manager"));

        await WidgetTestKit.CreateAsync(it, WidgetTestKit.Settings());
        Assert.Equal(["widget_created"], await it.DoneAsync("it_manager"));

        var created = await it.PostJsonAsync(
            "/api/v1/api-clients",
            new
            {
                name = "Gestion des demandes",
                scopes = new[] { "ideas:read" },
                rateLimitPerMinute = 120,
            }
        );
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["widget_created", "api_client_created"], await it.DoneAsync("it_manager"));

        var (_, subscriber) = await Api.SubscriberAsync();
        await subscriber.SubscribeAsync(WebhookTestKit.Subscription("https://hooks.example.org/x"));
        Assert.Equal(["widget_created", "api_client_created", "webhook_subscribed"], await it.DoneAsync("it_manager"));
    }

    [Fact]
    public async Task A_department_head_s_checklist_looks_at_their_own_department_only()
    {
        var city = await City.CreateAsync(Api);
        var head = await City.As(Api, city.Head1);
        Assert.Empty(await head.DoneAsync("department_head"));

        // In the other department: nothing ticks for the head of D1.
        var elsewhere = await city.ProjectAsync(city.Admin, city.D2, "Maison de la culture", "published");
        var moderator = await Api.CreateUserAsync(firstName: "Modé");
        Assert.True((await city.Admin.PutAsync($"/api/v1/projects/{elsewhere}/moderators/{moderator.Id}", null)).IsSuccessStatusCode);
        Assert.Empty(await head.DoneAsync("department_head"));

        var mine = await city.ProjectAsync(head, city.D1);
        var assigned = await head.PutAsync($"/api/v1/projects/{mine}/moderators/{moderator.Id}", null);
        Assert.True(assigned.IsSuccessStatusCode, await assigned.Content.ReadAsStringAsync());
        Assert.Equal(["department_moderator_assigned"], await head.DoneAsync("department_head"));

        Assert.Equal(
            HttpStatusCode.OK,
            (await head.PostJsonAsync($"/api/v1/projects/{mine}/status", new { status = "published" })).StatusCode
        );
        Assert.Equal(["department_moderator_assigned", "department_project_published"], await head.DoneAsync("department_head"));
    }

    [Fact]
    public async Task A_moderator_s_checklist_ticks_from_their_project_page_phases_answers_and_report()
    {
        var c = await IdeaCity.CreateAsync(Api, p1Status: "draft");
        // P1 already has a description and a phase; P2 (another moderator's) has everything that follows.
        Assert.Equal(["phases_planned"], await c.Mod1.DoneAsync("project_moderator"));

        var image = await c.Mod1.PutAsync($"/api/v1/projects/{c.P1}/image", ImageForm());
        Assert.True(image.IsSuccessStatusCode, await image.Content.ReadAsStringAsync());
        Assert.Contains("project_page_designed", await c.Mod1.DoneAsync("project_moderator"));

        var audience = await c.Mod1.PatchAsJsonAsync(
            $"/api/v1/projects/{c.P1}",
            new { targetAudience = new { fr = "Les riverains du parc et les écoles du quartier" } }
        );
        Assert.True(audience.IsSuccessStatusCode, await audience.Content.ReadAsStringAsync());
        Assert.Contains("target_audience_described", await c.Mod1.DoneAsync("project_moderator"));

        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Admin.PostJsonAsync($"/api/v1/projects/{c.P1}/status", new { status = "published" })).StatusCode
        );
        var idea = await c.IdeaAsync(c.A);
        Assert.DoesNotContain("idea_answered", await c.Mod1.DoneAsync("project_moderator")); // submitting is not answering
        var idea2 = await c.IdeaAsync(c.B, c.P2, "Une autre idée");
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Mod2.PostJsonAsync($"/api/v1/ideas/{idea2}/status", new { status = "accepted" })).StatusCode
        );
        Assert.DoesNotContain("idea_answered", await c.Mod1.DoneAsync("project_moderator"));
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Mod1.PostJsonAsync($"/api/v1/ideas/{idea}/status", new { status = "under_consideration" })).StatusCode
        );
        Assert.Contains("idea_answered", await c.Mod1.DoneAsync("project_moderator"));

        var report = await c.Mod1.PutAsJsonAsync($"/api/v1/projects/{c.P1}/report", ReportCity.Body(0));
        Assert.True(report.IsSuccessStatusCode, await report.Content.ReadAsStringAsync());
        Assert.Equal(5, (await c.Mod1.ChecklistAsync("project_moderator"))["doneCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_elected_official_s_checklist_ticks_when_a_briefing_reaches_them()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var official = await Briefings.BriefingsTests.OfficialAsync(Api, c.City.D1);
        var client = Api.ClientFor(official.Id);
        await c.IdeaAsync(c.A, title: "Un potager");
        Assert.Empty(await client.DoneAsync("elected_official"));

        Assert.Equal(HttpStatusCode.OK, (await c.Admin.PostAsync($"/api/v1/briefings/officials/{official.Id}/send", null)).StatusCode);
        Assert.Equal(["briefing_received"], await client.DoneAsync("elected_official"));
    }

    [Fact]
    public async Task Someone_with_several_roles_gets_one_checklist_per_role_and_a_resident_none()
    {
        var c = await IdeaCity.CreateAsync(Api);
        Assert.Empty(await c.A.ChecklistsAsync());
        var both = await Api.CreateUserAsync(role: "it_manager");
        Assert.True(
            (
                await c.Admin.PutAsJsonAsync(
                    $"/api/v1/users/{both.Id}/roles",
                    new { role = "communication_manager", scopeType = "platform" }
                )
            ).IsSuccessStatusCode
        );
        var client = await City.As(Api, both);
        Assert.Equal(["communication_manager", "it_manager"], (await client.ChecklistsAsync()).Select(x => x!["role"]!.GetValue<string>()));
    }
}
