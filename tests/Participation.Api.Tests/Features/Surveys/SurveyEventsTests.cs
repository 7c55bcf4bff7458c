using System.Net;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Surveys;

/// <summary>What saving and exporting a questionnaire record: the project's event with the phase in scope, the audit data as it
/// was.</summary>
[Collection(ApiCollection.B)]
public sealed class SurveyEventsTests(ApiFactory api) : ApiTest(api)
{
    private static string Compact(string? json) => JsonNode.Parse(json!)!.ToJsonString();

    [Fact]
    public async Task Saving_a_questionnaire_records_its_version_sections_and_questions_before_and_after()
    {
        var s = await SurveyCity.CreateAsync(Api);
        var first = await s.SaveAsync();
        var body = SurveyCity.AsRequest(first);
        body["sections"]![0]!["questions"]!.AsArray().RemoveAt(0);
        await s.SaveAsync(body: body);

        var saved = await Api.EventsAsync("survey.saved");
        Assert.Equal(2, saved.Count);
        Assert.All(saved, e =>
            Assert.Equal(
                (s.C.P1.ToString(), s.C.Moderator1.Id, s.C.P1, s.Phase, s.C.City.D1),
                (e.SubjectId, e.ActorId, e.ProjectId, e.PhaseId, e.DepartmentId)
            )
        );
        Assert.Null(saved[0].Before); // the questionnaire is created
        Assert.Equal("""{"version":1,"sections":2,"questions":8}""", Compact(saved[0].After));
        Assert.Equal($$"""{"phaseId":"{{s.Phase}}","version":1,"questions":8,"wordingOnly":false}""", Compact(saved[0].Data));
        Assert.Equal("""{"version":1,"sections":2,"questions":8}""", Compact(saved[1].Before));
        Assert.Equal("""{"version":2,"sections":2,"questions":7}""", Compact(saved[1].After));
        Assert.Equal($$"""{"phaseId":"{{s.Phase}}","version":2,"questions":7,"wordingOnly":false}""", Compact(saved[1].Data));
    }

    [Fact]
    public async Task An_export_is_recorded_about_the_phase_with_nothing_before_or_after()
    {
        var s = await SurveyCity.CreateAsync(Api);
        await s.SaveAsync();

        Assert.Equal(HttpStatusCode.OK, (await s.C.Mod1.GetAsync($"/api/v1/phases/{s.Phase}/responses.csv?language=nl")).StatusCode);
        await (await s.C.A.GetAsync($"/api/v1/phases/{s.Phase}/responses.csv")).AssertProblemAsync(HttpStatusCode.Forbidden);

        var exported = Assert.Single(await Api.EventsAsync("survey.exported"));
        Assert.Equal(
            (s.Phase.ToString(), s.C.Moderator1.Id, s.C.P1, s.Phase, s.C.City.D1),
            (exported.SubjectId, exported.ActorId, exported.ProjectId, exported.PhaseId, exported.DepartmentId)
        );
        Assert.Null(exported.Before);
        Assert.Null(exported.After);
        Assert.Equal($$"""{"language":"nl","projectId":"{{s.C.P1}}"}""", Compact(exported.Data));
    }
}
