using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Features.Projects;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Onboarding;

/// <summary>
/// A new project's setup checklist (decision process, key dates, goals shared with the public, stakeholders): answered by
/// its staff with a version (no lost update), ticking as answers are written and, for key dates, as phases are set; bad
/// input writes nothing.
/// </summary>
[Collection(ApiCollection.C)]
public sealed class ProjectSetupTests(ApiFactory api) : ApiTest(api)
{
    internal static object Body(int version, string decision = "Le plan communal de mobilité 2027", string? stakeholders = null) =>
        new
        {
            version,
            decisionProcess = decision,
            keyDates = "Conseil communal du 12 mars",
            publicGoals = "Choisir ensemble l'aménagement du parc",
            stakeholders,
        };

    private static async Task<JsonNode> SaveAsync(HttpClient client, Guid project, object body)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/projects/{project}/setup", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static string[] Done(JsonNode setup) =>
        [.. setup["items"]!.AsArray().Where(i => i!["done"]!.GetValue<bool>()).Select(i => i!["step"]!.GetValue<string>())];

    private const string Snapshot = "SELECT coalesce(string_agg(row_to_json(s)::text, ','), '') FROM project_setups s";

    [Fact]
    public async Task A_new_project_s_setup_ticks_as_its_staff_answer_and_as_phases_are_set()
    {
        var city = await City.CreateAsync(Api);
        var project = await city.ProjectAsync(city.Admin, city.D1);
        var head = await City.As(Api, city.Head1);

        var empty = await (await head.GetAsync($"/api/v1/projects/{project}/setup")).ReadJsonAsync();
        Assert.Equal(0, empty["version"]!.GetValue<int>());
        Assert.Equal(
            ["decision_process", "key_dates", "public_goals", "stakeholders"],
            empty["items"]!.AsArray().Select(i => i!["step"]!.GetValue<string>())
        );
        Assert.Empty(Done(empty));

        var saved = await SaveAsync(head, project, Body(0));
        Assert.Equal(1, saved["version"]!.GetValue<int>());
        Assert.Equal(["decision_process", "public_goals"], Done(saved)); // key dates tick with phases, not with the note
        Assert.Equal("Conseil communal du 12 mars", saved["keyDates"]!.GetValue<string>());
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'project.setup_edited' AND audited"));

        var now = DateTimeOffset.UtcNow;
        await IdeaCity.PhaseAsync(city.Admin, project, "information", now.AddDays(1), now.AddDays(20), null);
        var withPhase = await (await head.GetAsync($"/api/v1/projects/{project}/setup")).ReadJsonAsync();
        Assert.Equal(["decision_process", "key_dates", "public_goals"], Done(withPhase));

        var all = await SaveAsync(head, project, Body(1, stakeholders: "Comité de quartier, service Mobilité, écoles"));
        Assert.Equal(4, all["doneCount"]!.GetValue<int>());

        // The same answers again: nothing written, no new version, no event.
        var same = await SaveAsync(head, project, Body(2, stakeholders: "Comité de quartier, service Mobilité, écoles"));
        Assert.Equal(2, same["version"]!.GetValue<int>());
        Assert.Equal(2, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'project.setup_edited'"));
    }

    [Fact]
    public async Task A_stale_version_is_a_409_and_bad_answers_a_400_and_nothing_is_written()
    {
        var city = await City.CreateAsync(Api);
        var project = await city.ProjectAsync(city.Admin, city.D1);
        await SaveAsync(city.Admin, project, Body(0));
        var before = await Api.ScalarAsync<string>(Snapshot);

        await (await city.Admin.PutAsJsonAsync($"/api/v1/projects/{project}/setup", Body(0, "Autre"))).AssertProblemAsync(
            HttpStatusCode.Conflict
        );
        await (await city.Admin.PutAsJsonAsync($"/api/v1/projects/{project}/setup", Body(1, new string('a', 2001)))).AssertFieldErrorsAsync(
            "decisionProcess"
        );
        await (await city.Admin.PutAsJsonAsync($"/api/v1/projects/{project}/setup", Body(1, "nul \u0000 ici"))).AssertFieldErrorsAsync(
            "decisionProcess"
        );
        await (await city.Admin.PutAsJsonAsync($"/api/v1/projects/{project}/setup", Body(-1))).AssertFieldErrorsAsync("version");
        await (await city.Admin.PutAsync($"/api/v1/projects/{project}/setup", Http.Json("""{"decisionProcess":"x"}"""))).AssertProblemAsync(
            HttpStatusCode.BadRequest
        );
        await (await city.Admin.PutAsJsonAsync($"/api/v1/projects/{Guid.NewGuid()}/setup", Body(0))).AssertProblemAsync(
            HttpStatusCode.NotFound
        );
        await (await city.Admin.GetAsync("/api/v1/projects/not-a-uuid/setup")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await Api.ScalarAsync<string>(Snapshot));
        Assert.Equal(1, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'project.setup_edited'"));
    }

    [Fact]
    public async Task A_draft_project_s_setup_is_a_404_for_those_outside_its_staff()
    {
        var city = await City.CreateAsync(Api);
        var draft = await city.ProjectAsync(city.Admin, city.D1);
        var head2 = await City.As(Api, city.Head2);
        await (await head2.GetAsync($"/api/v1/projects/{draft}/setup")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await head2.PutAsJsonAsync($"/api/v1/projects/{draft}/setup", Body(0))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await Api.CountAsync("project_setups"));
    }
}
