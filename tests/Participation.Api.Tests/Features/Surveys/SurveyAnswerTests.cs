using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Surveys;

[Collection(ApiCollection.B)]
public sealed class SurveyAnswerTests(ApiFactory api) : ApiTest(api)
{
    private async Task<(SurveyCity S, JsonObject View)> SurveyAsync(string answer = "registered")
    {
        var s = await SurveyCity.CreateAsync(Api, answer);
        return (s, await s.SaveAsync());
    }

    [Fact]
    public async Task A_resident_submits_a_complete_response_and_reads_it_back()
    {
        var (s, view) = await SurveyAsync();
        var answers = SurveyCity.ValidAnswers(view);
        answers[0] = new JsonObject { ["questionId"] = SurveyCity.QuestionId(view, 0), ["otherText"] = "  Ouest  " };

        var response = await s.SubmitAsync(s.C.A, SurveyCity.Answers(answers.Values));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/phases/{s.Phase}/my-response", response.Headers.Location?.OriginalString);
        var created = await response.ReadJsonAsync();
        Assert.Equal(s.Phase, created["phaseId"]!.GetValue<Guid>());
        var mine = await (await s.C.A.GetAsync(s.MyResponseUrl)).ReadJsonAsync();
        Assert.Equal("submitted", mine["status"]!.GetValue<string>());
        Assert.NotNull(mine["submittedAt"]);
        var read = mine["answers"]!.AsArray().ToDictionary(a => a!["questionId"]!.GetValue<Guid>());
        Assert.Equal(8, read.Count);
        Assert.Equal("Ouest", read[SurveyCity.QuestionId(view, 0)]!["otherText"]!.GetValue<string>());
        Assert.Empty(read[SurveyCity.QuestionId(view, 0)]!["optionIds"]!.AsArray());
        Assert.Equal(answers[6]["optionIds"]!.ToJsonString(), read[SurveyCity.QuestionId(view, 6)]!["optionIds"]!.ToJsonString());
        Assert.Equal(37m, read[SurveyCity.QuestionId(view, 5)]!["number"]!.GetValue<decimal>());
        Assert.Equal("Plus d'ombre,\nmerci.", read[SurveyCity.QuestionId(view, 3)]!["text"]!.GetValue<string>());
        Assert.Equal(50.8466, read[SurveyCity.QuestionId(view, 7)]!["latitude"]!.GetValue<double>());
        Assert.Equal("none", (await (await s.C.B.GetAsync(s.MyResponseUrl)).ReadJsonAsync())["status"]!.GetValue<string>());
        Assert.Equal(1, await Api.ScalarAsync<int>("SELECT responses FROM surveys"));
        await SurveyInvariants.AssertHoldAsync(Api);
    }

    public static TheoryData<string> BadAnswers() =>
        new()
        {
            "single_missing_required",
            "single_two_options",
            "single_unknown_option",
            "single_option_and_other",
            "multiple_too_many",
            "multiple_duplicate",
            "multiple_other_not_allowed",
            "multiple_unknown_option",
            "short_missing_required",
            "short_too_long",
            "short_control_character",
            "short_given_a_number",
            "long_too_long",
            "scale_out_of_range",
            "scale_not_whole",
            "number_out_of_range",
            "number_not_whole",
            "number_given_a_text",
            "ranking_partial",
            "ranking_unknown_option",
            "ranking_duplicate",
            "map_half_a_point",
            "map_out_of_range",
            "unknown_question",
            "duplicate_answer",
        };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task Each_bad_answer_is_a_field_error_on_its_question_and_nothing_is_written(string bad)
    {
        var (s, view) = await SurveyAsync();
        var answers = SurveyCity.ValidAnswers(view);
        Guid Q(int i) => SurveyCity.QuestionId(view, i);
        Guid O(int q, int o) => SurveyCity.OptionId(view, q, o);
        var unknown = Guid.NewGuid();
        var extra = new List<JsonObject>();
        var (question, requiredOnly) = bad switch
        {
            "single_missing_required" => (Q(0), answers.Remove(0)),
            "single_two_options" => (Q(0), Set(answers[0], "optionIds", new JsonArray(O(0, 0), O(0, 1)))),
            "single_unknown_option" => (Q(0), Set(answers[0], "optionIds", new JsonArray(unknown))),
            "single_option_and_other" => (Q(0), Set(answers[0], "otherText", "Ouest")),
            "multiple_too_many" => (Q(1), Set(answers[1], "optionIds", new JsonArray(O(1, 0), O(1, 1), O(1, 2)))),
            "multiple_duplicate" => (Q(1), Set(answers[1], "optionIds", new JsonArray(O(1, 0), O(1, 0)))),
            "multiple_other_not_allowed" => (Q(1), Set(answers[1], "otherText", "Trottinette")),
            "multiple_unknown_option" => (Q(1), Set(answers[1], "optionIds", new JsonArray(O(0, 0)))),
            "short_missing_required" => (Q(2), Set(answers[2], "text", "   ")),
            "short_too_long" => (Q(2), Set(answers[2], "text", new string('é', 201))),
            "short_control_character" => (Q(2), Set(answers[2], "text", "Chlo\u202Eé")),
            "short_given_a_number" => (Q(2), Set(answers[2], "number", 3)),
            "long_too_long" => (Q(3), Set(answers[3], "text", new string('a', 51))),
            "scale_out_of_range" => (Q(4), Set(answers[4], "number", 6)),
            "scale_not_whole" => (Q(4), Set(answers[4], "number", 2.5)),
            "number_out_of_range" => (Q(5), Set(answers[5], "number", 121)),
            "number_not_whole" => (Q(5), Set(answers[5], "number", 3.5)),
            "number_given_a_text" => (Q(5), Set(answers[5], "text", "trente")),
            "ranking_partial" => (Q(6), Set(answers[6], "optionIds", new JsonArray(O(6, 0), O(6, 1)))),
            "ranking_unknown_option" => (Q(6), Set(answers[6], "optionIds", new JsonArray(O(6, 0), O(6, 1), unknown))),
            "ranking_duplicate" => (Q(6), Set(answers[6], "optionIds", new JsonArray(O(6, 0), O(6, 1), O(6, 1)))),
            "map_half_a_point" => (Q(7), answers[7].Remove("longitude") && false),
            "map_out_of_range" => (Q(7), Set(answers[7], "latitude", 91)),
            "unknown_question" => (unknown, Add(extra, new JsonObject { ["questionId"] = unknown, ["text"] = "?" })),
            "duplicate_answer" => (Q(2), Add(extra, (JsonObject)answers[2].DeepClone())),
            _ => throw new InvalidOperationException(bad),
        };
        requiredOnly = bad.EndsWith("_missing_required", StringComparison.Ordinal);
        var body = SurveyCity.Answers(answers.Values.Concat(extra));

        await (await s.SubmitAsync(s.C.A, body)).AssertFieldErrorsAsync($"answers.{question}");
        Assert.Equal("0/0//0", await s.StateAsync());

        // A draft is checked the same way, except that required questions may wait.
        var draft = await s.C.A.PutAsJsonAsync(s.MyResponseUrl, body);
        if (requiredOnly)
            Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        else
        {
            await draft.AssertFieldErrorsAsync($"answers.{question}");
            Assert.Equal("0/0//0", await s.StateAsync());
        }
    }

    private static bool Set(JsonObject answer, string field, JsonNode? value)
    {
        answer[field] = value;
        return false;
    }

    private static bool Add(List<JsonObject> list, JsonObject answer)
    {
        list.Add(answer);
        return false;
    }

    [Fact]
    public async Task A_draft_is_saved_then_submitted_and_then_refused_as_already_responded()
    {
        var (s, view) = await SurveyAsync();
        var answers = SurveyCity.ValidAnswers(view);

        var draft = await (await s.C.A.PutAsJsonAsync(s.MyResponseUrl, SurveyCity.Answers([answers[1], answers[4]]))).ReadJsonAsync();
        Assert.Equal("draft", draft["status"]!.GetValue<string>());
        Assert.Null(draft["submittedAt"]);
        Assert.Equal(2, draft["answers"]!.AsArray().Count);
        var again = await (await s.C.A.PutAsJsonAsync(s.MyResponseUrl, SurveyCity.Answers([answers[4], answers[5]]))).ReadJsonAsync();
        Assert.Equal(
            new[] { SurveyCity.QuestionId(view, 4), SurveyCity.QuestionId(view, 5) },
            again["answers"]!.AsArray().Select(a => a!["questionId"]!.GetValue<Guid>())
        );
        Assert.Equal(0, await Api.ScalarAsync<int>("SELECT responses FROM surveys"));
        Assert.Equal("allowed", await ReasonAsync(s, s.C.A));
        await (await s.SubmitAsync(s.C.A, SurveyCity.Answers([answers[4]]))).AssertFieldErrorsAsync(
            $"answers.{SurveyCity.QuestionId(view, 0)}",
            $"answers.{SurveyCity.QuestionId(view, 2)}"
        );

        Assert.Equal(HttpStatusCode.Created, (await s.SubmitAsync(s.C.A, SurveyCity.Answers(answers.Values))).StatusCode);

        var mine = await (await s.C.A.GetAsync(s.MyResponseUrl)).ReadJsonAsync();
        Assert.Equal("submitted", mine["status"]!.GetValue<string>());
        Assert.Equal(8, mine["answers"]!.AsArray().Count);
        Assert.Equal(1, await Api.CountAsync("survey_responses"));
        Assert.Equal("already_responded", await ReasonAsync(s, s.C.A));
        Assert.Equal("allowed", await ReasonAsync(s, s.C.B));
        Assert.Equal(
            "already_responded",
            (
                await (await s.C.A.PutAsJsonAsync(s.MyResponseUrl, SurveyCity.Answers([answers[4]]))).AssertProblemAsync(
                    HttpStatusCode.Forbidden
                )
            )["reason"]!.GetValue<string>()
        );
        Assert.Equal(
            "already_responded",
            (await (await s.SubmitAsync(s.C.A, SurveyCity.Answers(answers.Values))).AssertProblemAsync(HttpStatusCode.Forbidden))[
                "reason"
            ]!.GetValue<string>()
        );
        Assert.Equal(11, await Api.CountAsync("survey_answers")); // two choices and three ranks among them
        await SurveyInvariants.AssertHoldAsync(Api);
    }

    private static async Task<string> ReasonAsync(SurveyCity s, HttpClient client)
    {
        var actions = await (await client.GetAsync($"/api/v1/projects/{s.C.P1}/actions")).ReadJsonAsync();
        var answer = actions["actions"]!.AsArray().Single(a => a!["action"]!.GetValue<string>() == "answer")!;
        return answer["reason"]?.GetValue<string>() ?? "allowed";
    }

    [Fact]
    public async Task Thirty_parallel_submissions_by_one_resident_make_one_response()
    {
        var (s, view) = await SurveyAsync();
        var body = SurveyCity.Answers(SurveyCity.ValidAnswers(view).Values);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => s.SubmitAsync(s.C.A, body)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            Assert.Equal("already_responded", (await refused.AssertProblemAsync(HttpStatusCode.Forbidden))["reason"]!.GetValue<string>());
        Assert.Equal("1/11/submitted/1", await s.StateAsync());
        await SurveyInvariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Residents_answering_at_once_are_all_counted()
    {
        var (s, view) = await SurveyAsync();
        var body = SurveyCity.Answers(SurveyCity.ValidAnswers(view).Values);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 20; i++)
            clients.Add(Api.ClientFor((await Api.CreateUserAsync(firstName: $"R{i}")).Id));

        var responses = await Task.WhenAll(clients.Select(c => s.SubmitAsync(c, body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(20, await Api.ScalarAsync<int>("SELECT responses FROM surveys"));
        await SurveyInvariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Visitors_answer_once_per_browser_token_when_everyone_may_answer()
    {
        var (s, view) = await SurveyAsync(answer: "everyone");
        var body = SurveyCity.Answers(SurveyCity.ValidAnswers(view).Values);
        var visitor = Api.CreateClient();

        await (await s.SubmitAsync(visitor, body)).AssertFieldErrorsAsync("respondentToken");
        await (await s.SubmitAsync(visitor, body, "too-short")).AssertFieldErrorsAsync("respondentToken");
        Assert.Equal("0/0//0", await s.StateAsync());

        var token = "browser-" + Guid.NewGuid().ToString("N");
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => s.SubmitAsync(visitor, body, token)));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            Assert.Equal("already_responded", (await refused.AssertProblemAsync(HttpStatusCode.Forbidden))["reason"]!.GetValue<string>());
        Assert.Equal(
            HttpStatusCode.Created,
            (await s.SubmitAsync(Api.CreateClient(), body, "browser-" + Guid.NewGuid().ToString("N"))).StatusCode
        );

        // The visitor reads their answers back with the same token; another browser (or none) finds nothing.
        async Task<JsonNode> MineAsync(string? t)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, s.MyResponseUrl);
            if (t is not null)
                request.Headers.Add("X-Respondent-Token", t);
            return await (await visitor.SendAsync(request)).ReadJsonAsync();
        }
        var mine = await MineAsync(token);
        Assert.Equal("submitted", mine["status"]!.GetValue<string>());
        Assert.Equal(body["answers"]!.AsArray().Count, mine["answers"]!.AsArray().Count);
        Assert.Equal("none", (await MineAsync("browser-" + Guid.NewGuid().ToString("N")))["status"]!.GetValue<string>());
        Assert.Equal("none", (await MineAsync(null))["status"]!.GetValue<string>());

        // A signed-in resident answers as themselves (by user id, whatever the header).
        Assert.Equal(HttpStatusCode.Created, (await s.SubmitAsync(s.C.A, body, token)).StatusCode);
        Assert.Equal(
            1,
            await Api.ScalarAsync<long>(
                "SELECT count(*) FROM survey_responses WHERE user_id = @Id AND token_hash IS NULL",
                new { s.C.ResidentA.Id }
            )
        );
        Assert.Equal(
            1,
            await Api.ScalarAsync<long>(
                "SELECT count(*) FROM survey_responses WHERE token_hash = sha256(convert_to(@Token, 'UTF8'))",
                new { Token = token }
            )
        );
        Assert.Equal(3, await Api.ScalarAsync<int>("SELECT responses FROM surveys"));
        await SurveyInvariants.AssertHoldAsync(Api);
    }

    [Fact]
    public async Task Visitors_are_refused_when_the_phase_asks_for_an_account()
    {
        var (s, view) = await SurveyAsync(answer: "registered");
        var body = SurveyCity.Answers(SurveyCity.ValidAnswers(view).Values);

        var problem = await (await s.SubmitAsync(Api.CreateClient(), body, "browser-" + Guid.NewGuid().ToString("N"))).AssertProblemAsync(
            HttpStatusCode.Forbidden
        );

        Assert.Equal("not_signed_in", problem["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CreateClient().PutAsJsonAsync(s.MyResponseUrl, body)).StatusCode);
        Assert.Equal("0/0//0", await s.StateAsync());
    }

    [Fact]
    public async Task A_retried_submission_with_the_same_idempotency_key_is_replayed()
    {
        var (s, view) = await SurveyAsync();
        var body = SurveyCity.Answers(SurveyCity.ValidAnswers(view).Values);
        async Task<HttpResponseMessage> Send()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, s.ResponsesUrl) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "submit-1");
            return await s.C.A.SendAsync(request);
        }

        var first = await Send();
        var second = await Send();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(
            (await first.ReadJsonAsync())["responseId"]!.ToJsonString(),
            (await second.ReadJsonAsync())["responseId"]!.ToJsonString()
        );
        Assert.Equal("1/11/submitted/1", await s.StateAsync());
    }

    [Fact]
    public async Task Answers_are_refused_outside_the_open_survey_phase()
    {
        var (s, view) = await SurveyAsync();
        var body = SurveyCity.Answers(SurveyCity.ValidAnswers(view).Values);
        await using (var connection = await Api.OpenAsync())
            await Dapper.SqlMapper.ExecuteAsync(
                connection,
                "UPDATE phases SET ends_at = now() - interval '1 minute' WHERE id = @Phase",
                new { s.Phase }
            );

        Assert.Equal(
            "phase_not_active",
            (await (await s.SubmitAsync(s.C.A, body)).AssertProblemAsync(HttpStatusCode.Forbidden))["reason"]!.GetValue<string>()
        );
        Assert.Equal(
            "phase_not_active",
            (await (await s.C.A.PutAsJsonAsync(s.MyResponseUrl, body)).AssertProblemAsync(HttpStatusCode.Forbidden))[
                "reason"
            ]!.GetValue<string>()
        );
        Assert.Equal(HttpStatusCode.NotFound, (await s.C.A.PostAsJsonAsync($"/api/v1/phases/{s.C.Phase1}/responses", body)).StatusCode);
        Assert.Equal("0/0//0", await s.StateAsync());
    }
}
