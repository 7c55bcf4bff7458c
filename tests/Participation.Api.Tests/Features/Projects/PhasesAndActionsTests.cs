using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Projects;

[Collection(ApiCollection.B)]
public sealed class PhasesAndActionsTests(ApiFactory api) : ApiTest(api)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task Phases_form_a_timeline_without_overlaps_and_the_current_one_is_derived_from_dates()
    {
        var city = await City.CreateAsync(Api);
        var id = await city.ProjectAsync(city.Admin, city.D1, status: "published");

        var past = await city.Admin.PostJsonAsync(
            $"/api/v1/projects/{id}/phases",
            City.Phase("information", Now.AddDays(-10), Now.AddDays(-5))
        );
        var current = await city.Admin.PostJsonAsync(
            $"/api/v1/projects/{id}/phases",
            City.Phase("ideation", Now.AddDays(-5), Now.AddDays(5), new { ideasPerUser = 3, map = true })
        );
        var last = await city.Admin.PostJsonAsync($"/api/v1/projects/{id}/phases", City.Phase("survey", Now.AddDays(5), null));
        var overlapping = await city.Admin.PostJsonAsync(
            $"/api/v1/projects/{id}/phases",
            City.Phase("poll", Now.AddDays(4), Now.AddDays(6))
        );

        Assert.Equal(HttpStatusCode.Created, past.StatusCode);
        Assert.Equal(HttpStatusCode.Created, current.StatusCode);
        Assert.Equal(HttpStatusCode.Created, last.StatusCode);
        await overlapping.AssertFieldErrorsAsync("startsAt", "endsAt");
        Assert.Equal(
            "Cette phase chevauche une autre phase du projet.",
            (await overlapping.ReadJsonAsync())["errors"]!["startsAt"]![0]!.GetValue<string>()
        );
        var project = await (await Api.CreateClient().GetAsync($"/api/v1/projects/{id}")).ReadJsonAsync();
        Assert.Equal(3, project["phases"]!.AsArray().Count);
        Assert.Equal((await current.ReadJsonAsync())["id"]!.GetValue<Guid>(), project["currentPhaseId"]!.GetValue<Guid>());
        var settings = project["phases"]![1]!["settings"]!;
        Assert.Equal(3, settings["ideasPerUser"]!.GetValue<int>());
        Assert.Equal("confirmed_email", settings["permissions"]!["postIdea"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ideation", "{\"votesPerUser\": 3}", "settings.votesPerUser")]
    [InlineData("voting", "{\"map\": true}", "settings.map")]
    [InlineData("budgeting", "{}", "settings.budgetAmount")]
    [InlineData("budgeting", "{\"budgetAmount\": 1000, \"budgetCurrency\": \"euro\"}", "settings.budgetCurrency")]
    [InlineData("ideation", "{\"permissions\": {\"postIdea\": \"mayor\"}}", "settings.permissions.postIdea")]
    [InlineData("survey", "{\"permissions\": {\"vote\": \"everyone\"}}", "settings.permissions.vote")]
    public async Task Settings_that_do_not_fit_the_method_are_refused(string method, string settings, string field)
    {
        var city = await City.CreateAsync(Api);
        var id = await city.ProjectAsync(city.Admin, city.D1);

        var response = await city.Admin.PostAsync(
            $"/api/v1/projects/{id}/phases",
            Http.Json(
                """{"title":{"fr":"Phase"}"""
                    + $$""","startsAt":"{{Now.AddDays(1):O}}","endsAt":"{{Now.AddDays(9):O}}","method":"{{method}}","settings":"""
                    + $$"""{{settings}}}"""
            )
        );

        await response.AssertFieldErrorsAsync(field);
        Assert.Equal(0, await Api.CountAsync("phases"));
    }

    [Fact]
    public async Task An_end_before_the_start_or_an_unknown_method_is_refused()
    {
        var city = await City.CreateAsync(Api);
        var id = await city.ProjectAsync(city.Admin, city.D1);

        await (
            await city.Admin.PostJsonAsync($"/api/v1/projects/{id}/phases", City.Phase("ideation", Now.AddDays(5), Now.AddDays(1)))
        ).AssertFieldErrorsAsync("endsAt");
        await (
            await city.Admin.PostJsonAsync($"/api/v1/projects/{id}/phases", City.Phase("lottery", Now, Now.AddDays(1)))
        ).AssertFieldErrorsAsync("method");
    }

    private async Task<(City City, Guid Project, Guid Phase)> IdeationAsync(
        string postIdea = "confirmed_email",
        string status = "published"
    )
    {
        var city = await City.CreateAsync(Api);
        var id = await city.ProjectAsync(city.Admin, city.D1, status: status);
        var phase = await (
            await city.Admin.PostJsonAsync(
                $"/api/v1/projects/{id}/phases",
                City.Phase(
                    "ideation",
                    Now.AddDays(-1),
                    Now.AddDays(10),
                    new
                    {
                        permissions = new
                        {
                            postIdea,
                            comment = "registered",
                            react = "everyone",
                        },
                    }
                )
            )
        ).ReadJsonAsync();
        return (city, id, phase["id"]!.GetValue<Guid>());
    }

    private static async Task<Dictionary<string, string>> Reasons(HttpClient client, Guid project, Guid? phase = null)
    {
        var json = await (
            await client.GetAsync($"/api/v1/projects/{project}/actions{(phase is null ? "" : $"?phaseId={phase}")}")
        ).ReadJsonAsync();
        return json["actions"]!
            .AsArray()
            .ToDictionary(a => a!["action"]!.GetValue<string>(), a => a!["reason"]?.GetValue<string>() ?? "allowed");
    }

    [Fact]
    public async Task The_reasons_follow_who_the_visitor_is()
    {
        var (_, project, _) = await IdeationAsync();
        var confirmed = Api.ClientFor((await Api.CreateUserAsync()).Id);
        var unconfirmed = Api.ClientFor((await Api.CreateUserAsync(confirmed: false)).Id);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["post_idea"] = "not_signed_in",
                ["comment"] = "not_signed_in",
                ["react"] = "allowed",
            },
            await Reasons(Api.CreateClient(), project)
        );
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["post_idea"] = "email_not_confirmed",
                ["comment"] = "allowed",
                ["react"] = "allowed",
            },
            await Reasons(unconfirmed, project)
        );
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["post_idea"] = "allowed",
                ["comment"] = "allowed",
                ["react"] = "allowed",
            },
            await Reasons(confirmed, project)
        );
    }

    [Fact]
    public async Task Staff_only_actions_answer_not_permitted_to_residents()
    {
        var (city, project, _) = await IdeationAsync(postIdea: "staff");
        Assert.Equal("not_permitted", (await Reasons(Api.ClientFor((await Api.CreateUserAsync()).Id), project))["post_idea"]);
        Assert.Equal("allowed", (await Reasons(await City.As(Api, city.Head1), project))["post_idea"]);
    }

    [Fact]
    public async Task Archived_projects_and_inactive_phases_allow_nothing()
    {
        var (city, project, phase) = await IdeationAsync();
        var future = (
            await (
                await city.Admin.PostJsonAsync($"/api/v1/projects/{project}/phases", City.Phase("survey", Now.AddDays(20), null))
            ).ReadJsonAsync()
        )["id"]!.GetValue<Guid>();
        var resident = Api.ClientFor((await Api.CreateUserAsync()).Id);

        Assert.Equal("phase_not_active", (await Reasons(resident, project, future))["answer"]);
        await city.Admin.PostJsonAsync($"/api/v1/projects/{project}/status", new { status = "archived" });
        Assert.All((await Reasons(resident, project, phase)).Values, r => Assert.Equal("project_archived", r));
    }

    [Fact]
    public async Task A_blocked_user_reads_but_may_not_participate_until_unblocked()
    {
        var (city, project, _) = await IdeationAsync();
        var user = await Api.CreateUserAsync(email: "troll@example.org");
        var client = Api.ClientFor(user.Id);

        var blocked = await city.Admin.PutAsJsonAsync(
            $"/api/v1/users/{user.Id}/block",
            new { until = Now.AddDays(30), reason = "Messages insultants répétés." }
        );

        Assert.Equal(HttpStatusCode.NoContent, blocked.StatusCode);
        Assert.All((await Reasons(client, project)).Values, r => Assert.Equal("blocked", r));
        var listed = (await (await city.Admin.GetAsync("/api/v1/users?search=troll%40example.org")).ReadJsonAsync())["items"]![0]!;
        Assert.Equal("Messages insultants répétés.", listed["blockReason"]!.GetValue<string>());
        Assert.NotNull(listed["blockedUntil"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/projects/{project}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        var mail = (await Api.OutboxAsync("troll@example.org")).Single();
        Assert.Equal("account_blocked", mail.Category);
        Assert.Contains("Messages insultants répétés.", mail.TextBody);
        Assert.Equal(HttpStatusCode.NoContent, (await city.Admin.DeleteAsync($"/api/v1/users/{user.Id}/block")).StatusCode);
        Assert.Equal("allowed", (await Reasons(client, project))["comment"]);
        await (
            await (await City.As(Api, city.Head1)).PutAsJsonAsync(
                $"/api/v1/users/{user.Id}/block",
                new { until = Now.AddDays(1), reason = "x" }
            )
        ).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (
            await city.Admin.PutAsJsonAsync($"/api/v1/users/{user.Id}/block", new { until = Now.AddDays(-1), reason = "" })
        ).AssertFieldErrorsAsync("until", "reason");
    }

    [Fact]
    public async Task Drafts_keep_their_actions_private()
    {
        var (_, project, _) = await IdeationAsync(status: "draft");
        await (await Api.CreateClient().GetAsync($"/api/v1/projects/{project}/actions")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_audit_log_shows_admins_everything_and_department_heads_their_department()
    {
        var (city, project, _) = await IdeationAsync();
        await city.ProjectAsync(city.Admin, city.D2, "Autre");

        var all = await (await city.Admin.GetAsync("/api/v1/audit-log?action=project.&limit=100")).ReadJsonAsync();
        var head1 = await (await (await City.As(Api, city.Head1)).GetAsync("/api/v1/audit-log?limit=100")).ReadJsonAsync();

        Assert.Equal(2, all["items"]!.AsArray().Count(e => e!["action"]!.GetValue<string>() == "project.created"));
        Assert.All(head1["items"]!.AsArray(), e =>
            Assert.True(
                e!["targetId"]!.GetValue<string>() == project.ToString()
                    || e["action"]!.GetValue<string>().StartsWith("role.", StringComparison.Ordinal)
            )
        );
        Assert.Contains(head1["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "phase.added");
        await (await Api.ClientFor((await Api.CreateUserAsync()).Id).GetAsync("/api/v1/audit-log")).AssertProblemAsync(
            HttpStatusCode.Forbidden
        );
        await (await city.Admin.GetAsync("/api/v1/audit-log?action=DROP%20TABLE")).AssertFieldErrorsAsync("action");
    }
}
