using System.Net;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Surveys;

/// <summary>
/// The builder and answering endpoints of a real survey phase, called by an admin with empty, wrongly typed or hostile
/// bodies: always a 4xx problem, never a 500, and nothing written (QUALITY.md §1). The global hostile-input test
/// reaches these routes with unknown ids only.
/// </summary>
[Collection(ApiCollection.B)]
public sealed class SurveyBadInputTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Bodies =
    [
        "{}",
        "null",
        "[]",
        "\"text\"",
        "42",
        """{"version":"one"}""",
        """{"version":1,"sections":null}""",
        """{"version":1,"sections":[null]}""",
        """{"version":1,"sections":[{"questions":null}]}""",
        """{"version":1,"sections":[{"questions":[null]}]}""",
        """{"version":1,"sections":[{"title":{"fr":null},"questions":["""
            + """{"type":null,"title":null,"help":{"xx":"y"},"settings":"x","options":[null]}]}]}""",
        """{"version":1,"sections":[{"questions":[{"type":"linear_scale","title":"""
            + """{"fr":"<svg onload=alert(1)>"},"settings":{"scalePoints":-1,"minLabel":{"fr":null}},"options":[{"label":null}]}]}]}""",
        """{"version":1,"sections":[{"questions":[{"type":"number","title":{"fr":"N"},"settings":"""
            + """{"min":1e20,"max":-1e20,"integerOnly":"yes"}}]}]}""",
        """{"version":1,"sections":[{"questions":[{"id":"nope","type":"ranking","title":{"fr":"R"},"options":["""
            + """{"id":"00000000-0000-0000-0000-000000000000","label":{"fr":"a"}},{"label":{"fr":"b"}}]}]}]}""",
        """{"answers":null}""",
        """{"answers":[null]}""",
        """{"answers":[{"questionId":"x"}]}""",
        """{"answers":[{"questionId":null,"optionIds":[null]}]}""",
        """{"answers":[{"questionId":"00000000-0000-0000-0000-000000000000","number":1e30,"latitude":"north"}]}""",
        """{"answers":[{"questionId":"00000000-0000-0000-0000-000000000000","text":"\u202E\u0007","otherText":"' OR 1=1 --"}]}""",
    ];

    [Fact]
    public async Task Hostile_bodies_never_get_a_server_error_nor_write_anything()
    {
        var s = await SurveyCity.CreateAsync(Api);
        var view = await s.SaveAsync();
        var admin = s.C.Admin;
        var state = await s.StateAsync();
        var failures = new List<string>();
        foreach (var body in Bodies)
        foreach (var (method, url) in new[] { ("PUT", s.SurveyUrl), ("PUT", s.MyResponseUrl), ("POST", s.ResponsesUrl) })
        {
            var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Http.Json(body) });
            if ((int)response.StatusCode is < 400 or >= 500)
                failures.Add($"{method} {url} {body} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(state, await s.StateAsync());
        Assert.Equal(1, await Api.ScalarAsync<int>("SELECT version FROM surveys"));
        Assert.Equal(view.ToJsonString(), (await (await admin.GetAsync(s.SurveyUrl)).ReadJsonAsync()).ToJsonString());
    }

    [Fact]
    public async Task Reading_a_questionnaire_runs_the_same_statements_whatever_its_size()
    {
        var s = await SurveyCity.CreateAsync(Api);
        await s.SaveAsync();
        async Task<int> CountAsync()
        {
            using var counter = new SqlCounter();
            await Api.Send(new Participation.Api.Features.Surveys.GetSurvey.Query(null, s.Phase));
            return counter.Count;
        }
        var small = await CountAsync();
        var body = SurveyCity.Questionnaire(version: 1);
        var questions = body["sections"]![1]!["questions"]!.AsArray();
        for (var i = 0; i < 40; i++)
            questions.Add(questions[2]!.DeepClone());
        await s.SaveAsync(body: body);

        var large = await CountAsync();

        Assert.Equal(small, large);
        Assert.True(large <= 2, $"{large} commands");
        Assert.Equal(HttpStatusCode.OK, (await Api.CreateClient().GetAsync(s.SurveyUrl)).StatusCode);
    }
}
