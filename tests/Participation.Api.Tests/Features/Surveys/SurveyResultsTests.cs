using System.Net;
using System.Net.Http.Json;
using Participation.Api.Features.Phases;
using Participation.Api.Features.Surveys;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;
using static Participation.Api.Tests.Features.Surveys.SurveyResultsKit;

namespace Participation.Api.Tests.Features.Surveys;

[Collection(ApiCollection.B)]
public sealed class SurveyResultsTests(ApiFactory api) : ApiTest(api)
{
    /// <summary>
    /// Six submitted responses (and one draft that must not count) to eight questions, computed by hand:
    /// <code>
    ///          Q1 single  Q2 multiple+other   Q3 scale 1-5  Q4 number  Q5 ranking (Tram, Vélo, Bus)  Q6 text    Q7 point      Q8 integers
    ///   R1     A          X, Y                5             10         Tram Vélo Bus                 arbres     50.85,4.35    1
    ///   R2     A          X                   4             20         Vélo Tram Bus                 bancs      50.84,4.36    2
    ///   R3     B          Y + "Un kiosque"    4             25.5       Tram Bus Vélo                 -2+3       -             2
    ///   R4     A          "=cmd" (other)      2             40         Tram Vélo Bus                 -          -             3
    ///   R5     C          X                   5             100        Bus Vélo Tram                 -          -             -
    ///   R6     A          -                   1             -          Vélo Tram Bus                 -          -             -
    /// </code>
    /// </summary>
    private sealed record Fixture(
        SurveyResultsKit Kit,
        Guid Q1,
        Guid[] O1,
        Guid Q2,
        Guid[] O2,
        Guid Q3,
        Guid Q4,
        Guid Q5,
        Guid[] O5,
        Guid Q6,
        Guid Q7,
        Guid Q8
    );

    private async Task<Fixture> FixtureAsync(bool resultsPublic = false)
    {
        var k = await CreateAsync(Api, resultsPublic: resultsPublic);
        var (q1, o1) = await k.QuestionAsync("single_choice", "Votre quartier ?", null, "A", "B", "C");
        var (q2, o2) = await k.QuestionAsync("multiple_choice", "Quels équipements ?", new { allowOther = true }, "X", "Y");
        var (q3, _) = await k.QuestionAsync("linear_scale", "Satisfaction", new { scalePoints = 5 });
        var (q4, _) = await k.QuestionAsync("number", "Budget souhaité");
        var (q5, o5) = await k.QuestionAsync("ranking", "Priorités", null, "Tram", "Vélo", "Bus");
        var (q6, _) = await k.QuestionAsync("short_text", "Une idée ?");
        var (q7, _) = await k.QuestionAsync("map_point", "Où ?");
        var (q8, _) = await k.QuestionAsync("number", "Enfants", new { integerOnly = true });
        Guid tram = o5[0],
            velo = o5[1],
            bus = o5[2];
        await k.RespondAsync([
            Choice(q1, o1[0]),
            Choice(q2, o2[0]),
            Choice(q2, o2[1]),
            Number(q3, 5),
            Number(q4, 10),
            .. Ranking(q5, tram, velo, bus),
            Text(q6, "Plus d'arbres"),
            Point(q7, 50.85, 4.35),
            Number(q8, 1),
        ]);
        await k.RespondAsync([
            Choice(q1, o1[0]),
            Choice(q2, o2[0]),
            Number(q3, 4),
            Number(q4, 20),
            .. Ranking(q5, velo, tram, bus),
            Text(q6, "Des bancs"),
            Point(q7, 50.84, 4.36),
            Number(q8, 2),
        ]);
        await k.RespondAsync([
            Choice(q1, o1[1]),
            Choice(q2, o2[1]),
            Other(q2, "Un kiosque"),
            Number(q3, 4),
            Number(q4, 25.5m),
            .. Ranking(q5, tram, bus, velo),
            Text(q6, "-2+3"),
            Number(q8, 2),
        ]);
        await k.RespondAsync([
            Choice(q1, o1[0]),
            Other(q2, "=cmd|' /C calc'!A0"),
            Number(q3, 2),
            Number(q4, 40),
            .. Ranking(q5, tram, velo, bus),
            Number(q8, 3),
        ]);
        await k.RespondAsync([Choice(q1, o1[2]), Choice(q2, o2[0]), Number(q3, 5), Number(q4, 100), .. Ranking(q5, bus, velo, tram)]);
        await k.RespondAsync([Choice(q1, o1[0]), Number(q3, 1), .. Ranking(q5, velo, tram, bus)]);
        await k.RespondAsync(
            [Choice(q1, o1[1]), Choice(q2, o2[1]), Number(q3, 1), Text(q6, "brouillon")],
            submitted: false,
            user: k.C.ResidentA.Id
        );
        return new Fixture(k, q1, o1, q2, o2, q3, q4, q5, o5, q6, q7, q8);
    }

    private static GetSurveyResults.QuestionResult Of(GetSurveyResults.Response r, Guid question) =>
        r.Questions.Single(q => q.QuestionId == question);

    private static GetSurveyResults.OptionResult Of(GetSurveyResults.QuestionResult q, Guid option) =>
        q.Options.Single(o => o.OptionId == option);

    [Fact]
    public async Task The_staff_see_the_results_computed_by_hand()
    {
        var f = await FixtureAsync();

        var r = await Api.Send(new GetSurveyResults.Query(f.Kit.C.Moderator1.Id, f.Kit.Phase));

        Assert.True(r.Staff);
        Assert.False(r.Published);
        Assert.Equal(PhaseMethod.Survey, r.Method);
        Assert.Equal(6, r.Responses);
        Assert.Equal(new[] { f.Q1, f.Q2, f.Q3, f.Q4, f.Q5, f.Q6, f.Q7, f.Q8 }, r.Questions.Select(q => q.QuestionId));
        Assert.All(r.Questions, q => Assert.True(q.BrokenDown));

        var q1 = Of(r, f.Q1);
        Assert.Equal((QuestionType.SingleChoice, 6, "Votre quartier ?"), (q1.Type, q1.Answered, q1.Title["fr"]));
        Assert.Equal(new int?[] { 4, 1, 1 }, q1.Options.Select(o => o.Count));
        Assert.Equal(new double?[] { 66.7, 16.7, 16.7 }, q1.Options.Select(o => o.Percent));
        Assert.Equal("B (en)", Of(q1, f.O1[1]).Label["en"]);
        Assert.All(q1.Options, o => Assert.Null(o.Score));
        Assert.Null(q1.OtherCount);
        Assert.Null(q1.Summary);
        Assert.Empty(q1.Distribution);

        var q2 = Of(r, f.Q2);
        Assert.Equal(5, q2.Answered);
        Assert.Equal(new int?[] { 3, 2 }, q2.Options.Select(o => o.Count));
        Assert.Equal(new double?[] { 60, 40 }, q2.Options.Select(o => o.Percent));
        Assert.Equal(2, q2.OtherCount);
        Assert.Equal(2, q2.TextCount);

        var q3 = Of(r, f.Q3);
        Assert.Equal(6, q3.Answered);
        Assert.Equal(new GetSurveyResults.NumberSummary(3.5m, 4m, 1m, 5m), q3.Summary);
        Assert.Equal(
            new[] { (1m, 1m, (int?)1), (2m, 2m, 1), (3m, 3m, 0), (4m, 4m, 2), (5m, 5m, 2) },
            q3.Distribution.Select(b => (b.From, b.To, b.Count))
        );

        var q4 = Of(r, f.Q4);
        Assert.Equal(5, q4.Answered);
        Assert.Equal(new GetSurveyResults.NumberSummary(39.1m, 25.5m, 10m, 100m), q4.Summary);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (10m + 9 * i, 19m + 9 * i)), q4.Distribution.Select(b => (b.From, b.To)));
        Assert.Equal(new int?[] { 1, 2, 0, 1, 0, 0, 0, 0, 0, 1 }, q4.Distribution.Select(b => b.Count));

        var q5 = Of(r, f.Q5);
        Assert.Equal(6, q5.Answered);
        Assert.Equal(new double?[] { 14, 13, 9 }, q5.Options.Select(o => o.Score)); // Borda, n = 3
        Assert.Equal(new double?[] { 1.67, 1.83, 2.5 }, q5.Options.Select(o => o.AverageRank));
        Assert.Equal(new int?[] { 6, 6, 6 }, q5.Options.Select(o => o.Count));
        Assert.Equal(new double?[] { 100, 100, 100 }, q5.Options.Select(o => o.Percent));

        var q6 = Of(r, f.Q6);
        Assert.Equal((3, 3), (q6.Answered, q6.TextCount));
        Assert.Empty(q6.Options);

        var q7 = Of(r, f.Q7);
        Assert.Equal(2, q7.Answered);
        // most recent first
        Assert.Equal(new[] { new GetSurveyResults.Point(50.84, 4.36), new GetSurveyResults.Point(50.85, 4.35) }, q7.Points);

        var q8 = Of(r, f.Q8);
        Assert.Equal(new GetSurveyResults.NumberSummary(2m, 2m, 1m, 3m), q8.Summary);
        Assert.Equal(new[] { (1m, 1m, (int?)1), (2m, 2m, 2), (3m, 3m, 1) }, q8.Distribution.Select(b => (b.From, b.To, b.Count)));
    }

    [Fact]
    public async Task Residents_see_published_results_without_small_groups_points_or_texts()
    {
        var f = await FixtureAsync(resultsPublic: true);

        var r = await Api.Send(new GetSurveyResults.Query(f.Kit.C.ResidentB.Id, f.Kit.Phase));

        Assert.False(r.Staff);
        Assert.True(r.Published);
        Assert.Equal(6, r.Responses);
        var q1 = Of(r, f.Q1);
        Assert.True(q1.BrokenDown);
        Assert.Equal(new int?[] { null, null, null }, q1.Options.Select(o => o.Count)); // A 4, B 1, C 1: all under 5
        Assert.All(q1.Options, o => Assert.Null(o.Percent));

        var q3 = Of(r, f.Q3); // 6 answers: broken down, small buckets hidden, zero shown
        Assert.True(q3.BrokenDown);
        Assert.Equal(new GetSurveyResults.NumberSummary(3.5m, 4m, 1m, 5m), q3.Summary);
        Assert.Equal(new int?[] { null, null, 0, null, null }, q3.Distribution.Select(b => b.Count));

        var q5 = Of(r, f.Q5); // every option ranked 6 times: shown
        Assert.Equal(new int?[] { 6, 6, 6 }, q5.Options.Select(o => o.Count));
        Assert.Equal(new double?[] { 14, 13, 9 }, q5.Options.Select(o => o.Score));

        var q2 = Of(r, f.Q2); // 5 answers: broken down, but "other" (2) hidden
        Assert.True(q2.BrokenDown);
        Assert.Null(q2.OtherCount);
        Assert.Equal(2, q2.TextCount);

        foreach (var small in new[] { f.Q7, f.Q8, f.Q6 }) // 2, 4 and 3 answers
        {
            var q = Of(r, small);
            Assert.False(q.BrokenDown);
            Assert.Empty(q.Options);
            Assert.Empty(q.Distribution);
            Assert.Empty(q.Points);
            Assert.Null(q.Summary);
            Assert.Null(q.OtherCount);
        }
        Assert.Equal(2, Of(r, f.Q7).Answered);
        Assert.All(r.Questions, q => Assert.Empty(q.Points));
    }

    [Fact]
    public async Task A_question_answered_four_times_is_not_broken_down_and_an_option_chosen_twice_of_six_is_hidden()
    {
        var k = await CreateAsync(Api, resultsPublic: true);
        var (four, fo) = await k.QuestionAsync("single_choice", "Quatre réponses", null, "Oui", "Non");
        var (six, so) = await k.QuestionAsync("single_choice", "Six réponses", null, "Oui", "Non", "Peut-être");
        for (var i = 0; i < 6; i++)
            await k.RespondAsync(i < 4 ? [Choice(four, fo[0]), Choice(six, so[i < 2 ? 1 : 0])] : [Choice(six, so[0])]);

        var resident = await Api.Send(new GetSurveyResults.Query(k.C.ResidentA.Id, k.Phase));
        var anonymous = await Api.Send(new GetSurveyResults.Query(null, k.Phase));

        foreach (var r in new[] { resident, anonymous })
        {
            var q4 = Of(r, four);
            Assert.Equal((4, false), (q4.Answered, q4.BrokenDown));
            Assert.Empty(q4.Options);
            var q6 = Of(r, six);
            Assert.True(q6.BrokenDown);
            Assert.Equal(new int?[] { null, null, 0 }, q6.Options.Select(o => o.Count));
            Assert.Equal(((int?)null, (double?)null), (Of(q6, so[1]).Count, Of(q6, so[1]).Percent)); // chosen twice
            Assert.Equal(((int?)0, (double?)0), (Of(q6, so[2]).Count, Of(q6, so[2]).Percent)); // nobody: zero is no one's secret
        }
        var staff = await Api.Send(new GetSurveyResults.Query(k.C.Moderator1.Id, k.Phase));
        Assert.Equal(new int?[] { 4, 0 }, Of(staff, four).Options.Select(o => o.Count));
        Assert.Equal(new int?[] { 4, 2, 0 }, Of(staff, six).Options.Select(o => o.Count));
        Assert.Equal(new double?[] { 66.7, 33.3, 0 }, Of(staff, six).Options.Select(o => o.Percent));
    }

    [Fact]
    public async Task An_option_chosen_five_times_is_shown_to_residents()
    {
        var k = await CreateAsync(Api, resultsPublic: true);
        var (q, o) = await k.QuestionAsync("single_choice", "Oui ou non", null, "Oui", "Non");
        for (var i = 0; i < 7; i++)
            await k.RespondAsync([Choice(q, o[i < 5 ? 0 : 1])]);

        var r = Of(await Api.Send(new GetSurveyResults.Query(k.C.ResidentA.Id, k.Phase)), q);

        Assert.Equal(((int?)5, (double?)71.4), (Of(r, o[0]).Count, Of(r, o[0]).Percent));
        Assert.Null(Of(r, o[1]).Count);
    }

    [Fact]
    public async Task The_number_of_statements_does_not_grow_with_the_number_of_questions()
    {
        var k = await CreateAsync(Api);
        var types = new[] { "single_choice", "multiple_choice", "linear_scale", "number", "ranking", "short_text", "map_point" };

        async Task<int> Statements()
        {
            using var counter = new SqlCounter();
            await Api.Send(new GetSurveyResults.Query(k.C.Moderator1.Id, k.Phase));
            return counter.Count;
        }

        await k.QuestionAsync("single_choice", "Seule", null, "A", "B");
        var one = await Statements();
        for (var i = 0; i < 20; i++)
        {
            var type = types[i % types.Length];
            var (q, o) = await k.QuestionAsync(
                type,
                $"Question {i}",
                type == "linear_scale" ? new { scalePoints = 7 } : null,
                type is "single_choice" or "multiple_choice" or "ranking" ? ["A", "B", "C"] : []
            );
            await k.RespondAsync(
                type switch
                {
                    "single_choice" or "multiple_choice" => [Choice(q, o[0])],
                    "ranking" => Ranking(q, o[2], o[0], o[1]),
                    "linear_scale" or "number" => [Number(q, 3)],
                    "map_point" => [Point(q, 50.8, 4.3)],
                    _ => [Text(q, "texte")],
                }
            );
        }
        var many = await Statements();

        Assert.Equal(one, many);
        Assert.Equal(2, many); // the access check, then one batch of aggregates
    }

    [Fact]
    public async Task Results_are_for_the_staff_until_published_over_http()
    {
        var f = await FixtureAsync();
        var url = $"/api/v1/phases/{f.Kit.Phase}/survey-results";

        var staff = await (await f.Kit.C.Mod1.GetAsync(url)).ReadJsonAsync();
        Assert.Equal(6, staff["responses"]!.GetValue<int>());
        Assert.Equal(14, staff["questions"]![4]!["options"]![0]!["score"]!.GetValue<double>());
        var refused = await (await f.Kit.C.B.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("pas encore publiés", refused["title"]!.GetValue<string>());
        var english = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept-Language", "en" } } };
        Assert.Contains(
            "not published yet",
            (await (await Api.CreateClient().SendAsync(english)).AssertProblemAsync(HttpStatusCode.Forbidden))["title"]!.GetValue<string>()
        );

        var phase = Projects.City.Phase(
            "survey",
            DateTimeOffset.UtcNow.AddMinutes(-30),
            DateTimeOffset.UtcNow.AddDays(10),
            new { resultsPublic = true }
        );
        var update = await f.Kit.C.Mod1.PutAsJsonAsync($"/api/v1/projects/{f.Kit.C.P1}/phases/{f.Kit.Phase}", phase);
        Assert.True(update.StatusCode == HttpStatusCode.NoContent, await update.Content.ReadAsStringAsync());

        var published = await (await Api.CreateClient().GetAsync(url)).ReadJsonAsync();
        Assert.True(published["published"]!.GetValue<bool>());
        Assert.False(published["staff"]!.GetValue<bool>());
        Assert.Null(published["questions"]![0]!["options"]![0]!["count"]);
    }

    [Fact]
    public async Task A_polls_answer_comes_with_the_results_only_for_those_who_may_see_them()
    {
        var k = await CreateAsync(Api, method: "poll");
        var (q, o) = await k.QuestionAsync("single_choice", "Oui ou non", null, "Oui", "Non");
        await k.RespondAsync([Choice(q, o[0])]);
        await using var connection = await Api.OpenAsync();

        Assert.Null(await GetSurveyResults.WhenReadableAsync(connection, k.C.ResidentA.Id, k.Phase, default));
        Assert.Equal(
            1,
            (await GetSurveyResults.WhenReadableAsync(connection, k.C.Moderator1.Id, k.Phase, default))!.Questions[0].Options[0].Count
        );
        await k.PublishAsync();
        Assert.False((await GetSurveyResults.WhenReadableAsync(connection, null, k.Phase, default))!.Questions[0].BrokenDown);
    }

    [Fact]
    public async Task Only_survey_and_poll_phases_have_results()
    {
        var k = await CreateAsync(Api, resultsPublic: true);
        // ideation
        Assert.Equal(HttpStatusCode.NotFound, (await k.C.Mod1.GetAsync($"/api/v1/phases/{k.C.Phase1}/survey-results")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await k.C.Mod1.GetAsync($"/api/v1/phases/{Guid.NewGuid()}/survey-results")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await k.C.B.GetAsync($"/api/v1/phases/{k.Phase}/survey-results")).StatusCode);
    }

    [Fact]
    public async Task A_draft_projects_poll_results_are_its_staffs_only_even_when_published()
    {
        var draft = await CreateAsync(Api, method: "poll", resultsPublic: true, p1Status: "draft");
        Assert.Equal(HttpStatusCode.NotFound, (await draft.C.B.GetAsync($"/api/v1/phases/{draft.Phase}/survey-results")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await Api.CreateClient().GetAsync($"/api/v1/phases/{draft.Phase}/survey-results")).StatusCode
        );
        Assert.Equal(HttpStatusCode.NotFound, (await draft.C.Mod2.GetAsync($"/api/v1/phases/{draft.Phase}/survey-results")).StatusCode);
        var staff = await (await draft.C.Mod1.GetAsync($"/api/v1/phases/{draft.Phase}/survey-results")).ReadJsonAsync();
        Assert.Equal("poll", staff["method"]!.GetValue<string>());
        Assert.Equal(0, staff["responses"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_staff_list_texts_and_other_texts_newest_first_in_keyset_pages()
    {
        var f = await FixtureAsync();

        var page1 = await Api.Send(new ListTextAnswers.Query(f.Kit.C.Moderator1.Id, f.Q6, null, 2));
        Assert.Equal(new[] { "-2+3", "Des bancs" }, page1.Items.Select(i => i.Text));
        Assert.All(page1.Items, i => Assert.False(i.Other));
        Assert.True(page1.Items[0].SubmittedAt > page1.Items[1].SubmittedAt);
        var page2 = await Api.Send(new ListTextAnswers.Query(f.Kit.C.Moderator1.Id, f.Q6, page1.NextCursor, 2));
        Assert.Equal(new[] { "Plus d'arbres" }, page2.Items.Select(i => i.Text)); // the draft's text is not listed
        Assert.Null(page2.NextCursor);

        var other = await (await f.Kit.C.Mod1.GetAsync($"/api/v1/survey-questions/{f.Q2}/text-answers")).ReadJsonAsync();
        Assert.Equal(new[] { "=cmd|' /C calc'!A0", "Un kiosque" }, other["items"]!.AsArray().Select(i => i!["text"]!.GetValue<string>()));
        Assert.All(other["items"]!.AsArray(), i => Assert.True(i!["other"]!.GetValue<bool>()));
        Assert.Empty((await Api.Send(new ListTextAnswers.Query(f.Kit.C.Moderator1.Id, f.Q1, null, null))).Items);
    }

    [Fact]
    public async Task Text_pages_take_the_same_statements_whatever_their_size()
    {
        var k = await CreateAsync(Api);
        var (q, _) = await k.QuestionAsync("long_text", "Commentaire");
        for (var i = 0; i < 30; i++)
            await k.RespondAsync([Text(q, $"Texte {i}")]);

        async Task<int> Statements(int limit)
        {
            using var counter = new SqlCounter();
            Assert.Equal(limit, (await Api.Send(new ListTextAnswers.Query(k.C.Moderator1.Id, q, null, limit))).Items.Count);
            return counter.Count;
        }

        Assert.Equal(await Statements(1), await Statements(30));
        Assert.Equal(2, await Statements(20));
    }

    [Fact]
    public async Task Text_answers_refuse_bad_pages_and_cursors_and_other_people()
    {
        var f = await FixtureAsync(resultsPublic: true);
        var url = $"/api/v1/survey-questions/{f.Q6}/text-answers";
        foreach (var bad in new[] { "?limit=0", "?limit=101", "?limit=-1" })
            await (await f.Kit.C.Mod1.GetAsync(url + bad)).AssertFieldErrorsAsync("limit");
        Assert.Equal(HttpStatusCode.BadRequest, (await f.Kit.C.Mod1.GetAsync(url + "?limit=abc")).StatusCode);
        await (await f.Kit.C.Mod1.GetAsync(url + "?cursor=not-a-cursor")).AssertFieldErrorsAsync("cursor");
        await (await f.Kit.C.B.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await f.Kit.C.Mod2.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CreateClient().GetAsync(url)).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await f.Kit.C.Mod1.GetAsync($"/api/v1/survey-questions/{Guid.NewGuid()}/text-answers")).StatusCode
        );
    }
}
