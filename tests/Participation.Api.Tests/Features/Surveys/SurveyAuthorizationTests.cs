using System.Net.Http.Json;
using Dapper;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Surveys;

/// <summary>
/// The authorization matrix (QUALITY.md §2) of the builder and answering, generated from a table: P1 (D1,
/// moderator_p1) in an open survey phase for registered residents, with a saved questionnaire; resident A has a
/// draft. The same reads on a draft project show it to its staff only. A blocked user is refused every answer.
/// </summary>
[Collection(ApiCollection.B)]
public sealed class SurveyAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Actors = [.. AuthorizationMatrix.Actors, "blocked"];

    private static readonly string[] Actions =
    [
        "read_survey",
        "read_draft_project_survey",
        "save_survey",
        "read_my_response",
        "save_draft",
        "submit",
    ];

    private static int Expected(string actor, string action)
    {
        var staff = actor is "moderator_p1" or "head_d1" or "admin";
        return action switch
        {
            "read_survey" => 200,
            "read_draft_project_survey" => staff ? 200 : 404,
            "submit" when actor == "anonymous" => 403, // not_signed_in: the phase asks for an account
            "read_my_response" when actor == "anonymous" => 200, // nothing without a browser token: status none
            _ when actor == "anonymous" => 401,
            "save_survey" => staff ? 200 : 403,
            "read_my_response" => 200, // always the caller's own
            "save_draft" => actor == "blocked" ? 403 : 200,
            "submit" => actor == "blocked" ? 403 : 201,
            _ => throw new InvalidOperationException(action),
        };
    }

    public static TheoryData<string, string, int> Matrix() => AuthorizationMatrix.Build(Actors, Actions, Expected);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_build_read_and_answer_surveys(string actor, string action, int expected)
    {
        var s = await SurveyCity.CreateAsync(Api, p1Status: action == "read_draft_project_survey" ? "draft" : "published");
        var view = await s.SaveAsync();
        var answers = SurveyCity.ValidAnswers(view);
        if (action != "read_draft_project_survey")
            Assert.Equal(
                System.Net.HttpStatusCode.OK,
                (await s.C.A.PutAsJsonAsync(s.MyResponseUrl, SurveyCity.Answers([answers[4]]))).StatusCode
            );
        var client = actor == "blocked" ? await BlockedAsync(s) : await s.C.ClientAsync(actor);
        var before = await StateAsync();

        var response = action switch
        {
            "read_survey" or "read_draft_project_survey" => await client.GetAsync(s.SurveyUrl),
            "save_survey" => await client.PutAsJsonAsync(s.SurveyUrl, SurveyCity.AsRequest(view)),
            "read_my_response" => await client.GetAsync(s.MyResponseUrl),
            "save_draft" => await client.PutAsJsonAsync(s.MyResponseUrl, SurveyCity.Answers([answers[5]])),
            "submit" => await s.SubmitAsync(client, SurveyCity.Answers(answers.Values)),
            _ => throw new InvalidOperationException(action),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected >= 400)
            Assert.Equal(before, await StateAsync());
        if (action == "read_my_response" && expected == 200)
            Assert.Equal(actor == "resident_a" ? "draft" : "none", (await response.ReadJsonAsync())["status"]!.GetValue<string>());
        if (action == "save_draft" && expected == 200)
            Assert.Equal(
                1,
                await Api.ScalarAsync<long>(
                    "SELECT count(*) FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id WHERE r.user_id = @Id",
                    new { s.C.ResidentA.Id }
                )
            );
        await SurveyInvariants.AssertHoldAsync(Api);
    }

    private async Task<HttpClient> BlockedAsync(SurveyCity s)
    {
        var user = await Api.CreateUserAsync(firstName: "Bloqué");
        await using var connection = await Api.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO user_blocks (user_id, reason, until) VALUES (@Id, 'spam', now() + interval '1 day')",
            new { user.Id }
        );
        return Api.ClientFor(user.Id);
    }

    private Task<string> StateAsync() =>
        Api.ScalarAsync<string>(
            """
            SELECT (SELECT version || '/' || responses FROM surveys) || '|' ||
                   coalesce((SELECT string_agg(coalesce(user_id::text, '-') || ':' || status, ',' ORDER BY id)
                               FROM survey_responses), '') || '|' ||
                   (SELECT count(*) FROM survey_answers) || '|' || (SELECT count(*) FROM audit_log WHERE action = 'survey.saved')
            """
        );
}
