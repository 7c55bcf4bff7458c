using Participation.Api.Tests.Infrastructure;
using static Participation.Api.Tests.Features.Surveys.SurveyResultsKit;

namespace Participation.Api.Tests.Features.Surveys;

/// <summary>
/// The authorization matrix (QUALITY.md §2) of survey results, text answers and the export, generated from a table:
/// a survey in P1 (D1, moderator_p1) with six responses; the results published or not.
/// </summary>
[Collection(ApiCollection.B)]
public sealed class SurveyResultsAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Actions = ["read_results_unpublished", "read_results_published", "list_texts", "export"];

    private static int Expected(string actor, string action)
    {
        var staff = actor is "moderator_p1" or "head_d1" or "admin";
        return action switch
        {
            "read_results_published" => 200,
            // The elected official (platform-wide here) oversees the project: provisional results, read-only (small groups withheld).
            "read_results_unpublished" => staff || actor == "elected_official" ? 200 : 403,
            _ when actor == "anonymous" => 401,
            "list_texts" or "export" => staff ? 200 : 403,
            _ => throw new InvalidOperationException(action),
        };
    }

    public static TheoryData<string, string, int> Matrix() => AuthorizationMatrix.Build(AuthorizationMatrix.Actors, Actions, Expected);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_read_survey_results_texts_and_exports(string actor, string action, int expected)
    {
        var k = await CreateAsync(Api, resultsPublic: action == "read_results_published");
        var (choice, options) = await k.QuestionAsync("single_choice", "Quartier", new { allowOther = true }, "Centre", "Nord");
        var (text, _) = await k.QuestionAsync("short_text", "Une idée");
        for (var i = 0; i < 6; i++)
            await k.RespondAsync([Choice(choice, options[i % 2]), Text(text, $"Idée {i}")]);
        var client = await k.C.ClientAsync(actor);

        var response = action switch
        {
            "read_results_unpublished" or "read_results_published" => await client.GetAsync($"/api/v1/phases/{k.Phase}/survey-results"),
            "list_texts" => await client.GetAsync($"/api/v1/survey-questions/{text}/text-answers"),
            "export" => await client.GetAsync($"/api/v1/phases/{k.Phase}/responses.csv"),
            _ => throw new InvalidOperationException(action),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (action == "export")
            Assert.Equal(
                expected == 200 ? 1 : 0,
                await Api.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'survey.exported'")
            );
        if (expected == 200 && action.StartsWith("read_results", StringComparison.Ordinal))
        {
            var body = await response.ReadJsonAsync();
            var staff = actor is "moderator_p1" or "head_d1" or "admin";
            Assert.Equal(staff, body["staff"]!.GetValue<bool>());
            // 3 of 6: hidden from non-staff
            Assert.Equal(staff ? 3 : null, body["questions"]![0]!["options"]![0]!["count"]?.GetValue<int>());
            Assert.Equal(6, body["questions"]![1]!["textCount"]!.GetValue<int>()); // counted for all, listed for the staff
        }
    }
}
