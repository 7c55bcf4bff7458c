using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Surveys;

/// <summary>
/// The <see cref="IdeaCity"/> whose P1 ideation phase is over and whose current phase is a survey (or poll) with the
/// given answer audience; helpers save questionnaires and build answers through the API.
/// </summary>
internal sealed class SurveyCity
{
    public required IdeaCity C { get; init; }
    public required Guid Phase { get; init; }
    public ApiFactory Api => C.Api;

    public static async Task<SurveyCity> CreateAsync(
        ApiFactory api,
        string answer = "registered",
        string method = "survey",
        string p1Status = "published"
    )
    {
        var c = await IdeaCity.CreateAsync(api, p1Status: p1Status);
        await using (var connection = await api.OpenAsync())
            await connection.ExecuteAsync(
                "UPDATE phases SET starts_at = now() - interval '10 days', ends_at = now() - interval '1 hour' WHERE id = @Phase1",
                new { c.Phase1 }
            );
        var phase = await IdeaCity.PhaseAsync(
            c.Admin,
            c.P1,
            method,
            DateTimeOffset.UtcNow.AddMinutes(-30),
            DateTimeOffset.UtcNow.AddDays(10),
            new { permissions = new { answer } }
        );
        return new SurveyCity { C = c, Phase = phase };
    }

    public string SurveyUrl => $"/api/v1/phases/{Phase}/survey";
    public string MyResponseUrl => $"/api/v1/phases/{Phase}/my-response";
    public string ResponsesUrl => $"/api/v1/phases/{Phase}/responses";

    /// <summary>
    /// Two pages, one question of each type: 0 single choice (required, "other" allowed, 3 options), 1 multiple
    /// choice (1–2 of 4), 2 short text (required), 3 long text (50 characters), 4 scale of 5, 5 number 0–120
    /// integers only, 6 ranking of 3, 7 point on a map.
    /// </summary>
    public static JsonObject Questionnaire(int version = 0) =>
        (JsonObject)
            JsonNode.Parse(
                $$"""
                {
                  "version": {{version}},
                  "sections": [
                    { "title": { "fr": "Vous", "nl": "U" }, "description": { "fr": "Quelques questions" }, "questions": [
                      { "type": "single_choice", "title": { "fr": "Quartier" }, "help": { "fr": "Où habitez-vous ?" }, "required": true,
                        "settings": { "allowOther": true },
                        "options": [ { "label": { "fr": "Centre" } }, { "label": { "fr": "Nord" } }, { "label": { "fr": "Sud" } } ] },
                      { "type": "multiple_choice", "title": { "fr": "Transports" }, "required": false,
                        "settings": { "minSelections": 1, "maxSelections": 2 },
                        "options": [ { "label": { "fr": "Vélo" } }, { "label": { "fr": "Bus" } }, { "label": { "fr": "Voiture" } },
                                     { "label": { "fr": "À pied" } } ] },
                      { "type": "short_text", "title": { "fr": "Votre prénom" }, "required": true },
                      { "type": "long_text", "title": { "fr": "Remarques" }, "required": false, "settings": { "maxLength": 50 } }
                    ] },
                    { "title": { "fr": "Le parc" }, "questions": [
                      { "type": "linear_scale", "title": { "fr": "Satisfaction" }, "required": false,
                        "settings": { "scalePoints": 5, "minLabel": { "fr": "Pas du tout" }, "maxLabel": { "fr": "Tout à fait" } } },
                      { "type": "number", "title": { "fr": "Âge" }, "required": false,
                        "settings": { "min": 0, "max": 120, "integerOnly": true } },
                      { "type": "ranking", "title": { "fr": "Priorités" }, "required": false,
                        "options": [ { "label": { "fr": "Bancs" } }, { "label": { "fr": "Arbres" } }, { "label": { "fr": "Jeux" } } ] },
                      { "type": "map_point", "title": { "fr": "Un endroit à améliorer" }, "required": false }
                    ] }
                  ]
                }
                """
            )!;

    /// <summary>A one-question poll.</summary>
    public static JsonObject Poll(int version = 0) =>
        (JsonObject)
            JsonNode.Parse(
                $$"""
                { "version": {{version}}, "sections": [ { "questions": [
                  { "type": "single_choice", "title": { "fr": "Quel nom pour le parc ?" }, "required": true,
                    "options": [ { "label": { "fr": "Parc des Tilleuls" } }, { "label": { "fr": "Parc du Moulin" } } ] } ] } ] }
                """
            )!;

    public async Task<JsonObject> SaveAsync(HttpClient? client = null, JsonNode? body = null)
    {
        var response = await (client ?? C.Mod1).PutAsJsonAsync(SurveyUrl, body ?? Questionnaire());
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (JsonObject)await response.ReadJsonAsync();
    }

    /// <summary>The saved view turned back into a request (ids kept) for the next save.</summary>
    public static JsonObject AsRequest(JsonNode view)
    {
        var body = (JsonObject)view.DeepClone();
        foreach (var key in new[] { "phaseId", "projectId", "method", "responses", "locked", "resultsPublic" })
            body.Remove(key);
        return body;
    }

    public static JsonNode Question(JsonNode view, int index) =>
        view["sections"]!.AsArray().SelectMany(s => s!["questions"]!.AsArray()).ElementAt(index)!;

    public static Guid QuestionId(JsonNode view, int index) => Question(view, index)["id"]!.GetValue<Guid>();

    public static Guid OptionId(JsonNode view, int question, int option) =>
        Question(view, question)["options"]![option]!["id"]!.GetValue<Guid>();

    /// <summary>A valid answer to every question of <see cref="Questionnaire"/>, by question index.</summary>
    public static Dictionary<int, JsonObject> ValidAnswers(JsonNode view) =>
        new()
        {
            [0] = new() { ["questionId"] = QuestionId(view, 0), ["optionIds"] = new JsonArray(OptionId(view, 0, 1)) },
            [1] = new() { ["questionId"] = QuestionId(view, 1), ["optionIds"] = new JsonArray(OptionId(view, 1, 0), OptionId(view, 1, 3)) },
            [2] = new() { ["questionId"] = QuestionId(view, 2), ["text"] = "Chloé" },
            [3] = new() { ["questionId"] = QuestionId(view, 3), ["text"] = "Plus d'ombre,\nmerci." },
            [4] = new() { ["questionId"] = QuestionId(view, 4), ["number"] = 4 },
            [5] = new() { ["questionId"] = QuestionId(view, 5), ["number"] = 37 },
            [6] = new()
            {
                ["questionId"] = QuestionId(view, 6),
                ["optionIds"] = new JsonArray(OptionId(view, 6, 2), OptionId(view, 6, 0), OptionId(view, 6, 1)),
            },
            [7] = new()
            {
                ["questionId"] = QuestionId(view, 7),
                ["latitude"] = 50.8466,
                ["longitude"] = 4.3528,
            },
        };

    public static JsonObject Answers(IEnumerable<JsonObject> answers) =>
        new() { ["answers"] = new JsonArray(answers.Select(a => (JsonNode)a.DeepClone()).ToArray()) };

    public async Task<HttpResponseMessage> SubmitAsync(HttpClient client, JsonNode body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ResponsesUrl) { Content = JsonContent.Create(body) };
        if (token is not null)
            request.Headers.Add("X-Respondent-Token", token);
        return await client.SendAsync(request);
    }

    /// <summary>Responses and answers stored, as a comparable snapshot.</summary>
    public Task<string> StateAsync() =>
        Api.ScalarAsync<string>(
            """
            SELECT (SELECT count(*) FROM survey_responses) || '/' || (SELECT count(*) FROM survey_answers) || '/' ||
                   coalesce((SELECT string_agg(status, ',' ORDER BY id) FROM survey_responses), '') || '/' ||
                   coalesce((SELECT responses::text FROM surveys WHERE phase_id = @Phase), '-')
            """,
            new { Phase }
        );
}

/// <summary>Survey counters equal their rows: <c>surveys.responses</c> = the submitted responses.</summary>
internal static class SurveyInvariants
{
    public static async Task AssertHoldAsync(ApiFactory api)
    {
        var broken = await api.ScalarAsync<long>(
            """
            SELECT count(*) FROM surveys s
             WHERE s.responses <> (SELECT count(*) FROM survey_responses r WHERE r.phase_id = s.phase_id AND r.status = 'submitted')
            """
        );
        Assert.Equal(0, broken);
        await Invariants.AssertHoldAsync(api);
    }
}
