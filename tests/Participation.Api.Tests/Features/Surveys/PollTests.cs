using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Features.Projects;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Surveys;

/// <summary>
/// Polls: answered in one click, one answer per person (or browser token), changeable and withdrawable while the phase
/// is open, results right after the answer when published (always for the project's staff).
/// </summary>
[Collection(ApiCollection.B)]
public sealed class PollTests(ApiFactory api) : ApiTest(api)
{
    private sealed record Poll(IdeaCity C, Guid Phase, Guid Question, Guid[] Options);

    /// <summary>
    /// The project's ideation phase moved to the past, then a running poll with one single choice question of three
    /// options, in P1 (or P2 of the same city).
    /// </summary>
    private async Task<Poll> PollAsync(object? settings = null, bool multiple = false, IdeaCity? city = null)
    {
        var c = city ?? await IdeaCity.CreateAsync(Api);
        var project = city is null ? c.P1 : c.P2;
        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync(
                "UPDATE phases SET starts_at = now() - interval '10 days', ends_at = now() - interval '1 hour' WHERE project_id = @project",
                new { project }
            );
        var phase = await IdeaCity.PhaseAsync(
            c.Admin,
            project,
            "poll",
            DateTimeOffset.UtcNow.AddMinutes(-30),
            DateTimeOffset.UtcNow.AddDays(10),
            settings ?? new { permissions = new { answer = "registered" }, resultsPublic = true }
        );
        var saved = await c.Admin.PutAsJsonAsync(
            $"/api/v1/phases/{phase}/survey",
            new
            {
                version = 0,
                sections = new[]
                {
                    new
                    {
                        questions = new[]
                        {
                            new
                            {
                                type = multiple ? "multiple_choice" : "single_choice",
                                required = true,
                                title = new Dictionary<string, string> { ["fr"] = "Quel thème pour la fête ?" },
                                settings = multiple ? (object)new { maxSelections = 2 } : new { },
                                options = new[] { "Cirque", "Années 80", "Jeux en bois" }.Select(l => new
                                {
                                    label = new Dictionary<string, string> { ["fr"] = l },
                                }),
                            },
                        },
                    },
                },
            }
        );
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var question = (await saved.ReadJsonAsync())["sections"]![0]!["questions"]![0]!;
        return new Poll(
            c,
            phase,
            question["id"]!.GetValue<Guid>(),
            question["options"]!.AsArray().Select(o => o!["id"]!.GetValue<Guid>()).ToArray()
        );
    }

    private static object Choose(Poll p, params Guid[] options) =>
        new { answers = new[] { new { questionId = p.Question, optionIds = options } } };

    private static HttpRequestMessage Anonymous(HttpMethod method, Poll p, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, $"/api/v1/phases/{p.Phase}/poll-answer")
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        if (token is not null)
            request.Headers.Add("X-Respondent-Token", token);
        return request;
    }

    private async Task<(long Responses, long Counted, string Answers)> StoredAsync(Guid phase)
    {
        await using var connection = await Api.OpenAsync();
        return (
            await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM survey_responses WHERE phase_id = @phase AND status = 'submitted'",
                new { phase }
            ),
            await connection.ExecuteScalarAsync<long>("SELECT responses FROM surveys WHERE phase_id = @phase", new { phase }),
            await connection.ExecuteScalarAsync<string>(
                """
                SELECT coalesce(string_agg(a.option_id::text, ',' ORDER BY a.option_id), '') FROM survey_answers a
                  JOIN survey_responses r ON r.id = a.response_id WHERE r.phase_id = @phase
                """,
                new { phase }
            ) ?? ""
        );
    }

    private static int Count(JsonNode results, Guid option) =>
        results["questions"]![0]!["options"]!.AsArray().Single(o => o!["optionId"]!.GetValue<Guid>() == option)!["count"]!.GetValue<int>();

    [Fact]
    public async Task A_resident_answers_in_one_click_changes_and_withdraws_the_answer_and_sees_the_published_results_at_once()
    {
        var p = await PollAsync();

        var state = await (await p.C.A.PutAsJsonAsync($"/api/v1/phases/{p.Phase}/poll-answer", Choose(p, p.Options[0]))).ReadJsonAsync();
        Assert.Equal("submitted", state["response"]!["status"]!.GetValue<string>());
        Assert.Equal(p.Options[0], state["response"]!["answers"]![0]!["optionIds"]![0]!.GetValue<Guid>());
        Assert.Equal(1, state["results"]!["responses"]!.GetValue<int>());
        Assert.Equal((1, 1, p.Options[0].ToString()), await StoredAsync(p.Phase));

        state = await (await p.C.A.PutAsJsonAsync($"/api/v1/phases/{p.Phase}/poll-answer", Choose(p, p.Options[2]))).ReadJsonAsync();
        Assert.Equal(p.Options[2], state["response"]!["answers"]![0]!["optionIds"]![0]!.GetValue<Guid>());
        Assert.Equal((1, 1, p.Options[2].ToString()), await StoredAsync(p.Phase));

        var read = await (await p.C.A.GetAsync($"/api/v1/phases/{p.Phase}/poll-answer")).ReadJsonAsync();
        Assert.Equal(p.Options[2], read["response"]!["answers"]![0]!["optionIds"]![0]!.GetValue<Guid>());

        var withdrawn = await (await p.C.A.DeleteAsync($"/api/v1/phases/{p.Phase}/poll-answer")).ReadJsonAsync();
        Assert.Equal("none", withdrawn["response"]!["status"]!.GetValue<string>());
        Assert.Equal((0, 0, ""), await StoredAsync(p.Phase));
        // nothing left: no change
        Assert.Equal(HttpStatusCode.OK, (await p.C.A.DeleteAsync($"/api/v1/phases/{p.Phase}/poll-answer")).StatusCode);
        Assert.Equal((0, 0, ""), await StoredAsync(p.Phase));
    }

    [Fact]
    public async Task Results_come_with_the_answer_only_when_published_but_always_for_the_project_staff()
    {
        var p = await PollAsync(new { permissions = new { answer = "registered" }, resultsPublic = false });

        var state = await (await p.C.A.PutAsJsonAsync($"/api/v1/phases/{p.Phase}/poll-answer", Choose(p, p.Options[1]))).ReadJsonAsync();
        Assert.Null(state["results"]);
        Assert.Null((await (await p.C.B.GetAsync($"/api/v1/phases/{p.Phase}/poll-answer")).ReadJsonAsync())["results"]);

        var staff = await (await p.C.Mod1.GetAsync($"/api/v1/phases/{p.Phase}/poll-answer")).ReadJsonAsync();
        Assert.Equal("none", staff["response"]!["status"]!.GetValue<string>());
        Assert.Equal(1, Count(staff["results"]!, p.Options[1]));
    }

    [Fact]
    public async Task Wrong_answers_are_refused_per_question_and_nothing_is_written()
    {
        var p = await PollAsync();
        var bad = new object[]
        {
            Choose(p, Guid.NewGuid()), // unknown option
            Choose(p, p.Options[0], p.Options[1]), // two choices in a single choice
            Choose(p), // nothing chosen
            new { answers = new[] { new { questionId = p.Question, text = "Cirque" } } }, // a text for a choice
        };
        foreach (var body in bad)
        {
            var response = await p.C.A.PutAsJsonAsync($"/api/v1/phases/{p.Phase}/poll-answer", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull((await response.ReadJsonAsync())["errors"]![$"answers.{p.Question}"]);
        }
        var empty = await p.C.A.PutAsJsonAsync($"/api/v1/phases/{p.Phase}/poll-answer", new { answers = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal((0, 0, ""), await StoredAsync(p.Phase));
    }

    [Fact]
    public async Task Parallel_answers_of_one_person_or_one_browser_token_leave_one_answer()
    {
        var p = await PollAsync(new { permissions = new { answer = "everyone" }, resultsPublic = true });

        var mine = await Task.WhenAll(
            Enumerable.Range(0, 20).Select(i => p.C.A.PutAsJsonAsync($"/api/v1/phases/{p.Phase}/poll-answer", Choose(p, p.Options[i % 3])))
        );
        Assert.All(mine, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var token = "a-browser-token-" + Guid.NewGuid();
        var visitor = Api.CreateClient();
        var theirs = await Task.WhenAll(
            Enumerable.Range(0, 20).Select(i => visitor.SendAsync(Anonymous(HttpMethod.Put, p, token, Choose(p, p.Options[i % 3]))))
        );
        Assert.All(theirs, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var (responses, counted, answers) = await StoredAsync(p.Phase);
        Assert.Equal(2, responses);
        Assert.Equal(2, counted);
        Assert.Equal(2, answers.Split(',').Length);
        Assert.Equal(
            1,
            await Api.ScalarAsync<long>(
                "SELECT count(*) FROM survey_responses WHERE phase_id = @Phase AND user_id IS NULL",
                new { p.Phase }
            )
        );
    }

    [Fact]
    public async Task Visitors_answer_with_a_browser_token_only_when_everyone_may_answer()
    {
        var open = await PollAsync(new { permissions = new { answer = "everyone" }, resultsPublic = true });
        var visitor = Api.CreateClient();
        var token = "token-" + Guid.NewGuid();

        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await visitor.SendAsync(Anonymous(HttpMethod.Put, open, null, Choose(open, open.Options[0])))).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await visitor.SendAsync(Anonymous(HttpMethod.Put, open, "short", Choose(open, open.Options[0])))).StatusCode
        );
        var answered = await (
            await visitor.SendAsync(Anonymous(HttpMethod.Put, open, token, Choose(open, open.Options[0])))
        ).ReadJsonAsync();
        Assert.Equal(1, answered["results"]!["responses"]!.GetValue<int>());
        Assert.Equal(
            1,
            Count(
                (await (await open.C.Mod1.GetAsync($"/api/v1/phases/{open.Phase}/poll-answer")).ReadJsonAsync())["results"]!,
                open.Options[0]
            )
        );
        var again = await (await visitor.SendAsync(Anonymous(HttpMethod.Get, open, token))).ReadJsonAsync();
        Assert.Equal(open.Options[0], again["response"]!["answers"]![0]!["optionIds"]![0]!.GetValue<Guid>());
        var stranger = await (await visitor.SendAsync(Anonymous(HttpMethod.Get, open, "another-token-" + Guid.NewGuid()))).ReadJsonAsync();
        Assert.Equal("none", stranger["response"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await visitor.SendAsync(Anonymous(HttpMethod.Delete, open, token))).StatusCode);
        Assert.Equal(0, (await StoredAsync(open.Phase)).Responses);

        var closed = await PollAsync(new { permissions = new { answer = "registered" }, resultsPublic = true }, city: open.C);
        var refused = await visitor.SendAsync(Anonymous(HttpMethod.Put, closed, token, Choose(closed, closed.Options[0])));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("not_signed_in", (await refused.ReadJsonAsync())["reason"]!.GetValue<string>());
        Assert.Equal(0, (await StoredAsync(closed.Phase)).Responses);
    }

    [Fact]
    public async Task A_poll_over_or_not_started_refuses_answers_and_keeps_its_questions_once_answered()
    {
        var p = await PollAsync();
        await p.C.A.PutAsJsonAsync($"/api/v1/phases/{p.Phase}/poll-answer", Choose(p, p.Options[0]));

        // Once answered, its options cannot change (only their wording).
        var survey = await (await p.C.Mod1.GetAsync($"/api/v1/phases/{p.Phase}/survey")).ReadJsonAsync();
        Assert.True(survey["locked"]!.GetValue<bool>());
        var sections = survey["sections"]!.DeepClone();
        sections[0]!["questions"]![0]!["options"]!.AsArray().RemoveAt(2);
        var changed = await p.C.Mod1.PutAsJsonAsync(
            $"/api/v1/phases/{p.Phase}/survey",
            new { version = survey["version"]!.GetValue<int>(), sections }
        );
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);

        // Its method can no longer change either.
        var now = DateTimeOffset.UtcNow;
        var retyped = await p.C.Mod1.PutAsJsonAsync(
            $"/api/v1/projects/{p.C.P1}/phases/{p.Phase}",
            City.Phase("survey", now.AddMinutes(-30), now.AddDays(10), null)
        );
        Assert.Equal(HttpStatusCode.BadRequest, retyped.StatusCode);
        Assert.NotNull((await retyped.ReadJsonAsync())["errors"]!["method"]);

        await using (var connection = await Api.OpenAsync())
            await connection.ExecuteAsync("UPDATE phases SET ends_at = now() - interval '1 minute' WHERE id = @Phase", new { p.Phase });
        var late = await p.C.B.PutAsJsonAsync($"/api/v1/phases/{p.Phase}/poll-answer", Choose(p, p.Options[1]));
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Equal("phase_not_active", (await late.ReadJsonAsync())["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await p.C.A.DeleteAsync($"/api/v1/phases/{p.Phase}/poll-answer")).StatusCode);
        Assert.Equal((1, 1, p.Options[0].ToString()), await StoredAsync(p.Phase));
    }

    [Fact]
    public async Task A_multiple_choice_poll_keeps_to_its_maximum()
    {
        var p = await PollAsync(multiple: true);
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await p.C.A.PutAsJsonAsync($"/api/v1/phases/{p.Phase}/poll-answer", Choose(p, p.Options))).StatusCode
        );
        var state = await (
            await p.C.A.PutAsJsonAsync($"/api/v1/phases/{p.Phase}/poll-answer", Choose(p, p.Options[0], p.Options[1]))
        ).ReadJsonAsync();
        Assert.Equal(2, state["response"]!["answers"]![0]!["optionIds"]!.AsArray().Count);
        // One answer is too small a group to break down for residents; the staff see it.
        Assert.False(state["results"]!["questions"]![0]!["brokenDown"]!.GetValue<bool>());
        Assert.Equal(1, state["results"]!["questions"]![0]!["answered"]!.GetValue<int>());
        var staff = await (await p.C.Mod1.GetAsync($"/api/v1/phases/{p.Phase}/poll-answer")).ReadJsonAsync();
        Assert.Equal(100.0, staff["results"]!["questions"]![0]!["options"]![0]!["percent"]!.GetValue<double>());
    }

    private static readonly string[] Actions = ["read", "answer", "withdraw"];

    private static int Expected(string actor, string action) =>
        (actor, action) switch
        {
            ("anonymous", "read") => 200, // no answer yet, the published results
            ("anonymous", _) => 403, // not_signed_in: this poll is for registered people
            _ => 200, // everyone signed in answers and withdraws their own answer
        };

    public static TheoryData<string, string, int> Matrix() => AuthorizationMatrix.Build(AuthorizationMatrix.Actors, Actions, Expected);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_read_answer_and_withdraw_a_poll_answer(string actor, string action, int expected)
    {
        var p = await PollAsync();
        await p.C.A.PutAsJsonAsync($"/api/v1/phases/{p.Phase}/poll-answer", Choose(p, p.Options[0]));
        var client = await p.C.ClientAsync(actor);
        var response = action switch
        {
            "read" => await client.GetAsync($"/api/v1/phases/{p.Phase}/poll-answer"),
            "answer" => await client.PutAsJsonAsync($"/api/v1/phases/{p.Phase}/poll-answer", Choose(p, p.Options[1])),
            "withdraw" => await client.DeleteAsync($"/api/v1/phases/{p.Phase}/poll-answer"),
            _ => throw new InvalidOperationException(action),
        };
        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        // Nobody touches resident A's answer but A.
        var a = await Api.ScalarAsync<string>(
            """
            SELECT string_agg(a.option_id::text, ',') FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
             WHERE r.phase_id = @Phase AND r.user_id = @A
            """,
            new { p.Phase, A = p.C.ResidentA.Id }
        );
        Assert.Equal(
            actor == "resident_a"
                ? (
                    action == "answer" ? p.Options[1].ToString()
                    : action == "withdraw" ? null
                    : p.Options[0].ToString()
                )
                : p.Options[0].ToString(),
            a
        );
    }
}
