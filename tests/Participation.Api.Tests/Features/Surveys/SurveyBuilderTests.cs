using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Surveys;

[Collection(ApiCollection.B)]
public sealed class SurveyBuilderTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task A_moderator_saves_a_questionnaire_that_everyone_reads_in_order()
    {
        var s = await SurveyCity.CreateAsync(Api);
        var empty = await (await Api.CreateClient().GetAsync(s.SurveyUrl)).ReadJsonAsync();
        Assert.Equal(0, empty["version"]!.GetValue<int>());
        Assert.Empty(empty["sections"]!.AsArray());

        var saved = await s.SaveAsync();

        Assert.Equal(1, saved["version"]!.GetValue<int>());
        Assert.False(saved["locked"]!.GetValue<bool>());
        var read = await (await Api.CreateClient().GetAsync(s.SurveyUrl)).ReadJsonAsync();
        Assert.Equal(saved.ToJsonString(), read.ToJsonString());
        Assert.Equal(
            new[] { "single_choice", "multiple_choice", "short_text", "long_text", "linear_scale", "number", "ranking", "map_point" },
            Enumerable.Range(0, 8).Select(i => SurveyCity.Question(read, i)["type"]!.GetValue<string>())
        );
        Assert.Equal(200, SurveyCity.Question(read, 2)["settings"]!["maxLength"]!.GetValue<int>());
        Assert.Equal("Nord", SurveyCity.Question(read, 0)["options"]![1]!["label"]!["fr"]!.GetValue<string>());
        Assert.Equal("U", read["sections"]![0]!["title"]!["nl"]!.GetValue<string>());
        Assert.Equal(
            1,
            await Api.ScalarAsync<long>(
                "SELECT count(*) FROM audit_log WHERE action = 'survey.saved' AND department_id = @D1",
                new { s.C.City.D1 }
            )
        );
    }

    [Fact]
    public async Task Before_any_response_the_questionnaire_changes_freely_and_keeps_its_ids()
    {
        var s = await SurveyCity.CreateAsync(Api);
        var first = await s.SaveAsync();
        var body = SurveyCity.AsRequest(first);
        var questions = body["sections"]![0]!["questions"]!.AsArray();
        var kept = SurveyCity.QuestionId(first, 1);
        questions.RemoveAt(0); // delete
        questions[0]!["options"]!.AsArray().RemoveAt(3); // drop an option
        questions[1]!["type"] = "long_text"; // retype (to the default length)
        questions[1]!.AsObject().Remove("settings");
        questions.Add(JsonNode.Parse("""{ "type": "number", "title": { "fr": "Nouvelle" }, "required": true }"""));
        var moved = body["sections"]![1]!["questions"]!.AsArray()[0]!.DeepClone();
        body["sections"]![1]!["questions"]!.AsArray().RemoveAt(0);
        questions.Insert(0, moved); // move across sections

        var second = await s.SaveAsync(body: body);

        Assert.Equal(2, second["version"]!.GetValue<int>());
        Assert.Equal(SurveyCity.QuestionId(first, 4), SurveyCity.QuestionId(second, 0));
        Assert.Equal(kept, SurveyCity.QuestionId(second, 1));
        Assert.Equal(3, SurveyCity.Question(second, 1)["options"]!.AsArray().Count);
        Assert.Equal("long_text", SurveyCity.Question(second, 2)["type"]!.GetValue<string>());
        Assert.Equal(5000, SurveyCity.Question(second, 2)["settings"]!["maxLength"]!.GetValue<int>());
        Assert.Equal("Nouvelle", SurveyCity.Question(second, 4)["title"]!["fr"]!.GetValue<string>());
        Assert.Equal(8, await Api.CountAsync("survey_questions"));
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_a_conflict()
    {
        var s = await SurveyCity.CreateAsync(Api);
        await s.SaveAsync();
        var state = await s.StateAsync();

        var problem = await (await s.C.Mod1.PutAsJsonAsync(s.SurveyUrl, SurveyCity.Questionnaire(version: 0))).AssertProblemAsync(
            HttpStatusCode.Conflict
        );
        Assert.Contains("rechargez", problem["title"]!.GetValue<string>());
        await (await s.C.Admin.PutAsJsonAsync(s.SurveyUrl, SurveyCity.Questionnaire(version: 5))).AssertProblemAsync(
            HttpStatusCode.Conflict
        );
        Assert.Equal(1, await Api.ScalarAsync<int>("SELECT version FROM surveys"));
        Assert.Equal(state, await s.StateAsync());
    }

    [Fact]
    public async Task Invalid_questionnaires_get_one_field_error_per_problem_and_nothing_is_written()
    {
        var s = await SurveyCity.CreateAsync(Api);
        var body = SurveyCity.Questionnaire();
        var q = body["sections"]![0]!["questions"]!.AsArray();
        var p = body["sections"]![1]!["questions"]!.AsArray();
        q[0]!["title"] = new JsonObject { ["nl"] = "Wijk" };
        q[0]!["options"]![1]!["label"] = new JsonObject { ["fr"] = new string('x', 301) };
        q[1]!["settings"] = JsonNode.Parse("""{ "minSelections": 5, "maxSelections": 5 }""");
        q[2]!["options"] = JsonNode.Parse("""[ { "label": { "fr": "Non" } }, { "label": { "fr": "Non plus" } } ]""");
        q[3]!["settings"] = JsonNode.Parse("""{ "maxLength": 0, "scalePoints": 3 }""");
        p[0]!["settings"] = JsonNode.Parse("""{ "scalePoints": 12 }""");
        p[1]!["settings"] = JsonNode.Parse("""{ "min": 10, "max": 10 }""");
        p[2]!["options"] = JsonNode.Parse("""[ { "label": { "fr": "Seul" } } ]""");
        p[3]!["type"] = "drawing";
        body["sections"]![1]!["title"] = new JsonObject { ["de"] = "Park" };

        var response = await s.C.Mod1.PutAsJsonAsync(s.SurveyUrl, body);

        await response.AssertFieldErrorsAsync(
            "sections[0].questions[0].title",
            "sections[0].questions[0].options[1].label",
            "sections[0].questions[1].settings.minSelections",
            "sections[0].questions[1].settings.maxSelections",
            "sections[0].questions[2].options",
            "sections[0].questions[3].settings.maxLength",
            "sections[0].questions[3].settings.scalePoints",
            "sections[1].questions[0].settings.scalePoints",
            "sections[1].questions[1].settings.max",
            "sections[1].questions[2].options",
            "sections[1].questions[3].type",
            "sections[1].title"
        );
        Assert.Equal(0, await Api.CountAsync("surveys"));
    }

    [Fact]
    public async Task A_linear_scale_needs_its_points_and_limits_are_enforced()
    {
        var s = await SurveyCity.CreateAsync(Api);
        var body = SurveyCity.Questionnaire();
        body["sections"]![1]!["questions"]![0]!.AsObject().Remove("settings");
        await (await s.C.Mod1.PutAsJsonAsync(s.SurveyUrl, body)).AssertFieldErrorsAsync("sections[1].questions[0].settings.scalePoints");

        var many = new JsonObject
        {
            ["version"] = 0,
            ["sections"] = new JsonArray(
                Enumerable.Range(0, 21).Select(_ => (JsonNode)new JsonObject { ["questions"] = new JsonArray() }).ToArray()
            ),
        };
        await (await s.C.Mod1.PutAsJsonAsync(s.SurveyUrl, many)).AssertFieldErrorsAsync("sections");
        var question = """{ "type": "short_text", "title": { "fr": "Q" }, "required": false }""";
        var tooMany = JsonNode.Parse(
            $$"""{ "version": 0, "sections": [ { "questions": [ {{string.Join(",", Enumerable.Repeat(question, 201))}} ] } ] }"""
        );
        await (await s.C.Mod1.PutAsJsonAsync(s.SurveyUrl, tooMany)).AssertFieldErrorsAsync("sections");
        Assert.Equal(0, await Api.CountAsync("surveys"));
    }

    [Fact]
    public async Task Ids_from_another_questionnaire_are_refused()
    {
        var s = await SurveyCity.CreateAsync(Api);
        var other = await IdeasPhaseSurveyAsync(s);
        var body = SurveyCity.Questionnaire();
        body["sections"]![0]!["questions"]![0]!["id"] = SurveyCity.QuestionId(other, 0);
        body["sections"]![0]!["questions"]![1]!["options"]![0]!["id"] = SurveyCity.OptionId(other, 0, 0);

        await (await s.C.Mod1.PutAsJsonAsync(s.SurveyUrl, body)).AssertFieldErrorsAsync(
            "sections[0].questions[0].id",
            "sections[0].questions[1].options[0].id"
        );
        Assert.Equal(1, await Api.CountAsync("surveys"));
    }

    /// <summary>A survey in P2 (a second survey phase), saved by its moderator.</summary>
    private async Task<JsonNode> IdeasPhaseSurveyAsync(SurveyCity s)
    {
        var now = DateTimeOffset.UtcNow;
        var phase = await Ideas.IdeaCity.PhaseAsync(s.C.Admin, s.C.P2, "survey", now.AddDays(40), now.AddDays(50), null);
        var response = await s.C.Mod2.PutAsJsonAsync($"/api/v1/phases/{phase}/survey", SurveyCity.Questionnaire());
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task A_poll_has_one_section_of_one_to_five_choice_questions()
    {
        var s = await SurveyCity.CreateAsync(Api, method: "poll");
        await (await s.C.Mod1.PutAsJsonAsync(s.SurveyUrl, SurveyCity.Questionnaire())).AssertFieldErrorsAsync(
            "sections",
            "sections[0].questions[2].type"
        );
        var six = SurveyCity.Poll();
        var questions = six["sections"]![0]!["questions"]!.AsArray();
        for (var i = 0; i < 5; i++)
            questions.Add(questions[0]!.DeepClone());
        await (await s.C.Mod1.PutAsJsonAsync(s.SurveyUrl, six)).AssertFieldErrorsAsync("sections");

        var poll = await s.SaveAsync(body: SurveyCity.Poll());
        Assert.Equal("poll", poll["method"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_phase_that_is_not_a_survey_has_no_questionnaire()
    {
        var s = await SurveyCity.CreateAsync(Api);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.CreateClient().GetAsync($"/api/v1/phases/{s.C.Phase1}/survey")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await s.C.Mod1.PutAsJsonAsync($"/api/v1/phases/{s.C.Phase1}/survey", SurveyCity.Questionnaire())).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await s.C.Mod1.PutAsJsonAsync($"/api/v1/phases/{Guid.NewGuid()}/survey", SurveyCity.Questionnaire())).StatusCode
        );
        Assert.Equal(0, await Api.CountAsync("surveys"));
    }

    /// <summary>Saved with one submitted response; returns the saved view.</summary>
    private async Task<(SurveyCity S, JsonObject View)> AnsweredAsync()
    {
        var s = await SurveyCity.CreateAsync(Api);
        var view = await s.SaveAsync();
        var response = await s.SubmitAsync(s.C.A, SurveyCity.Answers(SurveyCity.ValidAnswers(view).Values));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (s, view);
    }

    [Fact]
    public async Task After_the_first_response_the_wording_may_still_change()
    {
        var (s, view) = await AnsweredAsync();
        var body = SurveyCity.AsRequest(view);
        var q = body["sections"]![0]!["questions"]!.AsArray();
        q[0]!["title"] = new JsonObject { ["fr"] = "Votre quartier", ["en"] = "Your area" };
        q[0]!["help"] = new JsonObject();
        q[0]!["options"]![0]!["label"] = new JsonObject { ["fr"] = "Centre-ville" };
        body["sections"]![1]!["questions"]![0]!["settings"]!["maxLabel"] = new JsonObject { ["fr"] = "Très satisfait" };
        body["sections"]![1]!["description"] = new JsonObject { ["fr"] = "Le parc et vous" };

        var saved = await s.SaveAsync(body: body);

        Assert.True(saved["locked"]!.GetValue<bool>());
        Assert.Equal(1, saved["responses"]!.GetValue<int>());
        Assert.Equal(2, saved["version"]!.GetValue<int>());
        Assert.Equal("Votre quartier", SurveyCity.Question(saved, 0)["title"]!["fr"]!.GetValue<string>());
        Assert.Equal("Très satisfait", SurveyCity.Question(saved, 4)["settings"]!["maxLabel"]!["fr"]!.GetValue<string>());
        Assert.Equal(1, await Api.CountAsync("survey_responses"));
        Assert.True(await Api.CountAsync("survey_answers") >= 8);
    }

    public static TheoryData<string> StructuralChanges() =>
        new() { "delete", "retype", "add", "reorder", "required", "remove_option", "reorder_options", "settings", "add_section" };

    [Theory]
    [MemberData(nameof(StructuralChanges))]
    public async Task After_the_first_response_anything_but_wording_is_a_conflict_naming_the_question(string change)
    {
        var (s, view) = await AnsweredAsync();
        var body = SurveyCity.AsRequest(view);
        var q = body["sections"]![0]!["questions"]!.AsArray();
        var named = "Quartier";
        switch (change)
        {
            case "delete":
                q.RemoveAt(0);
                break;
            case "retype":
                q[0]!["type"] = "multiple_choice";
                break;
            case "add":
                q.Insert(0, JsonNode.Parse("""{ "type": "short_text", "title": { "fr": "Ajoutée" }, "required": false }"""));
                named = "Ajoutée";
                break;
            case "reorder":
            {
                var (a, b) = (q[0]!.DeepClone(), q[1]!.DeepClone());
                q[0] = b;
                q[1] = a;
                break;
            }
            case "required":
                q[0]!["required"] = false;
                break;
            case "remove_option":
                q[0]!["options"]!.AsArray().RemoveAt(2);
                break;
            case "reorder_options":
            {
                var o = q[0]!["options"]!.AsArray();
                var first = o[0]!.DeepClone();
                o.RemoveAt(0);
                o.Add(first);
                break;
            }
            case "settings":
                q[0]!["settings"]!["allowOther"] = false;
                break;
            case "add_section":
                body["sections"]!.AsArray().Add(JsonNode.Parse("""{ "questions": [] }"""));
                named = "";
                break;
        }
        var before = await Api.ScalarAsync<string>(
            "SELECT string_agg(id::text || type || required || settings::text, ',' ORDER BY position) FROM survey_questions"
        );

        var problem = await (await s.C.Mod1.PutAsJsonAsync(s.SurveyUrl, body)).AssertProblemAsync(HttpStatusCode.Conflict);

        var title = problem["title"]!.GetValue<string>();
        Assert.Contains("seule la formulation", title);
        if (named.Length > 0)
            Assert.Contains($"« {named} »", title);
        Assert.Equal(
            before,
            await Api.ScalarAsync<string>(
                "SELECT string_agg(id::text || type || required || settings::text, ',' ORDER BY position) FROM survey_questions"
            )
        );
        Assert.Equal(1, await Api.ScalarAsync<int>("SELECT version FROM surveys"));
    }

    [Fact]
    public async Task The_conflict_is_explained_in_the_callers_language()
    {
        var (s, view) = await AnsweredAsync();
        var body = SurveyCity.AsRequest(view);
        body["sections"]![0]!["questions"]!.AsArray().RemoveAt(2);
        using var request = new HttpRequestMessage(HttpMethod.Put, s.SurveyUrl) { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd("en");

        var problem = await (await s.C.Mod1.SendAsync(request)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("only the wording may change", problem["title"]!.GetValue<string>());
        Assert.Contains("Votre prénom", problem["title"]!.GetValue<string>());
    }
}
