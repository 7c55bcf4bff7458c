using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using Dapper;
using Participation.Api.Tests.Infrastructure;
using Xunit.Abstractions;
using static Participation.Api.Tests.Features.Surveys.SurveyResultsKit;

namespace Participation.Api.Tests.Features.Surveys;

[Collection(ApiCollection.Alone)] // measures the process's memory
public sealed class SurveyExportTests(ApiFactory api, ITestOutputHelper output) : ApiTest(api)
{
    private static List<string[]> Parse(string text)
    {
        using var csv = new CsvParser(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
            rows.Add(csv.Record!);
        return rows;
    }

    private Task<long> ExportsLogged() => Api.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'survey.exported'");

    [Fact]
    public async Task The_staff_download_every_submitted_response_in_their_language_and_the_export_is_audited()
    {
        var k = await CreateAsync(Api);
        var (single, so) = await k.QuestionAsync("single_choice", "Quartier", null, "Centre", "Nord");
        var (multiple, mo) = await k.QuestionAsync("multiple_choice", "Équipements", new { allowOther = true }, "Bancs", "Jeux");
        var (scale, _) = await k.QuestionAsync("linear_scale", "Satisfaction", new { scalePoints = 5 });
        var (number, _) = await k.QuestionAsync("number", "Budget");
        var (ranking, ro) = await k.QuestionAsync("ranking", "Priorités", null, "Tram", "Vélo", "Bus");
        var (text, _) = await k.QuestionAsync("long_text", "=Idée");
        var (point, _) = await k.QuestionAsync("map_point", "Où ?");
        var r1 = await k.RespondAsync([
            Choice(single, so[1]),
            Choice(multiple, mo[1]),
            Choice(multiple, mo[0]),
            Other(multiple, "Un kiosque"),
            Number(scale, 4),
            Number(number, -12.5m),
            .. Ranking(ranking, ro[2], ro[0], ro[1]),
            Text(text, "Ligne 1\nLigne 2, avec \"guillemets\""),
            Point(point, 50.85, -4.35),
        ]);
        var r2 = await k.RespondAsync([Choice(single, so[0]), Other(multiple, "=HYPERLINK(\"http://x\")"), Text(text, "@SUM(A1)")]);
        var r3 = await k.RespondAsync([]);
        await k.RespondAsync([Choice(single, so[0])], submitted: false, user: k.C.ResidentA.Id);

        var response = await k.C.Mod1.GetAsync($"/api/v1/phases/{k.Phase}/responses.csv?language=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            $"survey-{k.Phase.ToString("N")[^8..]}-{DateTime.UtcNow:yyyyMMdd}.csv",
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName
        );
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(4, rows.Count); // the header and the three submitted responses, not the draft
        Assert.Equal(
            new[]
            {
                "response_id",
                "submitted_at",
                "Quartier (en)",
                "Équipements (en)",
                "Satisfaction (en)",
                "Budget (en)",
                "Priorités (en)",
                "'=Idée (en)",
                "Où ? (en)",
            },
            rows[0]
        );
        Assert.Equal(
            new[]
            {
                r1.ToString(),
                "2030-01-01T12:00:00Z",
                "Nord (en)",
                "Bancs (en); Jeux (en); Un kiosque",
                "4",
                "-12.5",
                "Bus (en) > Tram (en) > Vélo (en)",
                "Ligne 1\nLigne 2, avec \"guillemets\"",
                "50.85,-4.35",
            },
            rows[1]
        );
        Assert.Equal(
            new[] { r2.ToString(), "2030-01-01T12:01:00Z", "Centre (en)", "'=HYPERLINK(\"http://x\")", "", "", "", "'@SUM(A1)", "" },
            rows[2]
        );
        Assert.Equal(new[] { r3.ToString(), "2030-01-01T12:02:00Z", "", "", "", "", "", "", "" }, rows[3]);

        var audit = await Api.ScalarAsync<string>(
            """
            SELECT actor_id || '|' || target_type || '|' || target_id || '|' || department_id || '|' || (data ->> 'language')
              FROM audit_log WHERE action = 'survey.exported'
            """
        );
        Assert.Equal($"{k.C.Moderator1.Id}|phase|{k.Phase}|{k.C.City.D1}|en", audit);
    }

    [Fact]
    public async Task Headers_follow_the_request_language_by_default_and_an_unknown_language_is_refused()
    {
        var k = await CreateAsync(Api);
        await k.QuestionAsync("short_text", "Une idée");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/phases/{k.Phase}/responses.csv")
        {
            Headers = { { "Accept-Language", "nl-BE, fr;q=0.5" } },
        };

        var dutch = await (await k.C.Mod1.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Equal("response_id,submitted_at,Une idée (nl)", dutch.TrimStart('\uFEFF').TrimEnd());
        await (await k.C.Mod1.GetAsync($"/api/v1/phases/{k.Phase}/responses.csv?language=de")).AssertFieldErrorsAsync("language");
        await (await k.C.Mod1.GetAsync($"/api/v1/phases/{k.Phase}/responses.csv?language=fr%27%3B--")).AssertFieldErrorsAsync("language");
        Assert.Equal(1, await ExportsLogged());
    }

    [Fact]
    public async Task Only_the_projects_staff_may_export_and_refusals_are_not_logged()
    {
        var k = await CreateAsync(Api, resultsPublic: true);
        var url = $"/api/v1/phases/{k.Phase}/responses.csv";

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CreateClient().GetAsync(url)).StatusCode);
        await (await k.C.B.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await k.C.Mod2.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await (await k.C.ClientAsync("head_d2")).GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await k.C.Mod1.GetAsync($"/api/v1/phases/{k.C.Phase1}/responses.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await k.C.Mod1.GetAsync($"/api/v1/phases/{Guid.NewGuid()}/responses.csv")).StatusCode);
        Assert.Equal(0, await ExportsLogged());
        Assert.Equal(HttpStatusCode.OK, (await (await k.C.ClientAsync("head_d1")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await k.C.Admin.GetAsync(url)).StatusCode);
        Assert.Equal(2, await ExportsLogged());
    }

    [Fact]
    [Trait("Category", "Volume")]
    public async Task A_hundred_thousand_responses_stream_with_flat_memory()
    {
        const int Responses = 100_000;
        var k = await CreateAsync(Api);
        var (choice, co) = await k.QuestionAsync("single_choice", "Quartier", null, "Centre", "Nord", "Sud");
        var (text, _) = await k.QuestionAsync("short_text", "Une idée");
        var (number, _) = await k.QuestionAsync("number", "Budget");
        var (ranking, ro) = await k.QuestionAsync("ranking", "Priorités", null, "Tram", "Vélo", "Bus");
        var generation = Stopwatch.StartNew();
        // Generated in SQL, fast: ordered ids (cheap index inserts) and, in this one transaction, without the foreign-key
        // triggers (session_replication_role; the test server's user is a superuser): every reference is valid by construction.
        await using (var connection = await Api.OpenAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync(
                """
                SET LOCAL session_replication_role = replica;
                INSERT INTO survey_responses (id, phase_id, status, submitted_at)
                SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, @Phase, 'submitted',
                       timestamptz '2030-01-01' + make_interval(secs => i)
                  FROM generate_series(1, @Responses) i;
                INSERT INTO survey_answers (response_id, question_id, option_id, rank, number, text)
                SELECT r.id, x.question_id, x.option_id, x.rank, x.number, x.text
                  FROM (SELECT id, abs(hashtext(id::text)) AS h FROM survey_responses WHERE phase_id = @Phase) r
                 CROSS JOIN LATERAL (
                       SELECT @Choice AS question_id, (@ChoiceOptions)[1 + r.h % 3] AS option_id, NULL::int AS rank,
                              NULL::numeric AS number, NULL AS text
                       UNION ALL SELECT @Text, NULL, NULL, NULL, 'Réponse ' || md5(r.id::text)
                       UNION ALL SELECT @Number, NULL, NULL, (r.h % 100000) / 100.0, NULL
                       UNION ALL SELECT @Ranking, o.id, 1 + (o.n + r.h) % 3, NULL, NULL
                                   FROM unnest(@RankingOptions) WITH ORDINALITY o(id, n)) x;
                """,
                new
                {
                    k.Phase,
                    Responses,
                    Choice = choice,
                    ChoiceOptions = co,
                    Text = text,
                    Number = number,
                    Ranking = ranking,
                    RankingOptions = ro,
                },
                tx,
                commandTimeout: 300
            );
            await tx.CommitAsync();
            await connection.ExecuteAsync("ANALYZE survey_responses; ANALYZE survey_answers;");
        }
        output.WriteLine(
            $"generated {Responses:N0} responses ({await Api.CountAsync("survey_answers"):N0} answers) "
                + $"in {generation.Elapsed.TotalSeconds:F1} s"
        );

        static long Heap() => GC.GetTotalMemory(forceFullCollection: true);
        var process = Process.GetCurrentProcess();
        var before = Heap();
        var samples = new List<(int Rows, long Heap, long WorkingSet)>();
        var download = Stopwatch.StartNew();
        using var response = await k.C.Mod1.GetAsync($"/api/v1/phases/{k.Phase}/responses.csv", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = 0;
        long bytes = 0;
        var marks = new[] { 10, 25, 50, 75, 100 }.Select(p => Responses * p / 100).ToHashSet();
        while (await reader.ReadLineAsync() is { } line)
        {
            lines++;
            bytes += line.Length + 2;
            if (marks.Contains(lines - 1))
            {
                process.Refresh();
                samples.Add((lines - 1, Heap(), process.WorkingSet64));
            }
        }
        download.Stop();

        Assert.Equal(Responses + 1, lines);
        foreach (var s in samples)
            output.WriteLine(
                $"{s.Rows, 7:N0} rows: managed heap {s.Heap / 1e6, 7:F1} MB (+{(s.Heap - before) / 1e6, 6:F1} MB), "
                    + $"working set {s.WorkingSet / 1e6, 7:F1} MB"
            );
        output.WriteLine(
            $"downloaded about {bytes / 1e6:F1} MB in {download.Elapsed.TotalSeconds:F1} s; heap before the request {before / 1e6:F1} MB"
        );
        var growth = samples[^1].Heap - samples[0].Heap;
        Assert.True(growth < 20_000_000, $"the managed heap grew by {growth / 1e6:F1} MB between 10% and 100% of the rows");
        Assert.True(samples.Max(s => s.Heap) - before < 50_000_000, "the export holds more than 50 MB");

        var aggregation = Stopwatch.StartNew();
        var results = await Api.Send(new Participation.Api.Features.Surveys.GetSurveyResults.Query(k.C.Moderator1.Id, k.Phase));
        output.WriteLine($"results over {Responses:N0} responses computed in {aggregation.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(Responses, results.Responses);
        Assert.Equal(Responses, results.Questions[0].Options.Sum(o => o.Count));
        Assert.Equal(Responses * 6.0, results.Questions[3].Options.Sum(o => o.Score)); // 3 + 2 + 1 points per response
        Assert.Equal(10, results.Questions[2].Distribution.Count);
    }
}
