using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CsvHelper;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Participation.Api.Features.Exports;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Exports;

/// <summary>
/// A city (<see cref="IdeaCity"/>: P1 "Parc du centre" in D1, P2 "Maison de la culture" in D2) with participation of
/// every kind written straight into the tables at fixed dates: ideas, comments, reactions; a voting, a budgeting and a
/// survey phase in each project with votes, baskets and responses. Residents A (Alice Martin) and B (Bruno Peeters)
/// act in P1, and a little in P2 (which no D1 export may show).
/// </summary>
internal sealed class ExportCity
{
    public required IdeaCity C { get; init; }
    public ApiFactory Api => C.Api;
    public Guid D1 => C.City.D1;
    public Guid D2 => C.City.D2;
    public required Guid Idea1 { get; init; }
    public required Guid Idea2 { get; init; }
    public required Guid Idea3 { get; init; }
    public required Guid Idea4 { get; init; }
    public required Guid Comment1 { get; init; }
    public required Guid Comment2 { get; init; }
    public required Guid Comment4 { get; init; }
    public required Guid BasketA { get; init; }
    public required Guid ResponseA { get; init; }

    public static async Task<ExportCity> CreateAsync(ApiFactory api)
    {
        var c = await IdeaCity.CreateAsync(api);
        var ids = Enumerable.Range(0, 16).Select(_ => Guid.CreateVersion7()).ToArray();
        await using var connection = await api.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO organisations (id, name, status) VALUES (@Org, 'Association du parc', 'verified');
            INSERT INTO ideas (id, project_id, phase_id, author_id, organisation_id, title, body, latitude, longitude,
                               location_label,
                               status, likes_count, dislikes_count, comments_count, cost, created_at, withdrawn_at)
            VALUES (@Idea1, @P1, @Phase1, @A, NULL, 'Plus de bancs au parc',
                    '<p>Des bancs <strong>à l''ombre</strong> &amp; des arbres.</p><p>Merci</p>', 50.85, 4.35,
                    'Près de l''étang', 'proposed', 0, 1, 2, 100.50, '2030-01-01T10:00:00Z', NULL),
                   (@Idea2, @P1, @Phase1, @B, @Org, 'Un marché bio', '<p>Des produits locaux</p>', NULL, NULL, NULL,
                    'accepted', 1, 0, 0, 20, '2030-01-02T10:00:00Z', NULL),
                   (@Idea3, @P2, NULL, @A, NULL, 'Concerts au parc', '<p>Musique</p>', NULL, NULL, NULL,
                    'proposed', 1, 0, 1, NULL, '2030-01-01T12:00:00Z', NULL),
                   (@Idea4, @P1, @Phase1, @B, NULL, 'Idée retirée', 'Texte', NULL, NULL, NULL,
                    'proposed', 0, 0, 0, NULL, '2030-02-01T10:00:00Z', '2030-02-02T00:00:00Z');
            INSERT INTO idea_topics (idea_id, topic_id)
            SELECT @Idea1, id FROM topics WHERE name ->> 'fr' IN ('mobilier', 'parc');
            INSERT INTO idea_status_changes (idea_id, from_status, to_status, created_at)
            VALUES (@Idea2, NULL, 'proposed', '2030-01-02T10:00:00Z');
            INSERT INTO idea_status_changes (idea_id, from_status, to_status, feedback, signed_as, created_at)
            VALUES (@Idea2, 'proposed', 'accepted', 'Bonne idée', 'Service des parcs', '2030-01-03T09:00:00Z');
            INSERT INTO comments (id, idea_id, parent_id, author_id, body, created_at, deleted_at)
            VALUES (@Comment1, @Idea1, NULL, @B, 'Bonne idée !', '2030-01-05T10:00:00Z', NULL),
                   (@Comment2, @Idea1, @Comment1, @A, 'Merci', '2030-01-06T10:00:00Z', NULL),
                   (@Comment3, @Idea3, NULL, @B, 'Super', '2030-01-05T11:00:00Z', NULL),
                   (@Comment4, @Idea1, NULL, @B, '', '2030-01-06T12:00:00Z', '2030-01-07T00:00:00Z');
            INSERT INTO idea_reactions (idea_id, user_id, kind, phase_id, created_at)
            VALUES (@Idea1, @B, 'dislike', @Phase1, '2030-01-04T10:00:00Z'),
                   (@Idea2, @A, 'like', @Phase1, '2030-01-04T11:00:00Z'),
                   (@Idea3, @B, 'like', NULL, '2030-01-04T12:00:00Z');
            INSERT INTO phases (id, project_id, title, starts_at, ends_at, method, settings)
            VALUES (@Vote1, @P1, '{"fr": "Vote"}', '2031-01-01', '2031-02-01', 'voting', '{}'),
                   (@Budget1, @P1, '{"fr": "Budget"}', '2031-02-01', '2031-03-01', 'budgeting', '{"budgetAmount": 1000}'),
                   (@Survey1, @P1, '{"fr": "Enquête", "en": "Survey"}', '2031-03-01', '2031-04-01', 'survey', '{}'),
                   (@Vote2, @P2, '{"fr": "Vote"}', '2031-01-01', '2031-02-01', 'voting', '{}'),
                   (@Survey2, @P2, '{"fr": "Sondage culture"}', '2031-03-01', '2031-04-01', 'survey', '{}');
            INSERT INTO idea_votes (phase_id, idea_id, user_id, created_at)
            VALUES (@Vote1, @Idea1, @A, '2031-01-02'), (@Vote1, @Idea1, @B, '2031-01-03'), (@Vote1, @Idea2, @B, '2031-01-04'),
                   (@Vote2, @Idea3, @A, '2031-01-02');
            INSERT INTO baskets (id, phase_id, user_id, budget, total, items, submitted_at)
            VALUES (@BasketA, @Budget1, @A, 1000, 120.50, 2, '2031-02-03'), (@BasketB, @Budget1, @B, 1000, 100.50, 1, NULL);
            INSERT INTO basket_lines (basket_id, idea_id, cost, added_at)
            VALUES (@BasketA, @Idea1, 100.50, '2031-02-02T10:00:00Z'), (@BasketA, @Idea2, 20, '2031-02-02T11:00:00Z'),
                   (@BasketB, @Idea1, 100.50, '2031-02-02T12:00:00Z');
            INSERT INTO surveys (phase_id, project_id, responses) VALUES (@Survey1, @P1, 1), (@Survey2, @P2, 1);
            INSERT INTO survey_sections (id, phase_id, position) VALUES (gen_random_uuid(), @Survey1, 0), (gen_random_uuid(), @Survey2, 0);
            INSERT INTO survey_questions (id, phase_id, section_id, position, type, title)
            SELECT @Q1, @Survey1, s.id, 0, 'short_text', '{"fr": "Votre avis", "en": "Your opinion"}'
              FROM survey_sections s WHERE s.phase_id = @Survey1;
            INSERT INTO survey_questions (id, phase_id, section_id, position, type, title)
            SELECT @Q2, @Survey1, s.id, 1, 'number', '{"fr": "Budget"}' FROM survey_sections s WHERE s.phase_id = @Survey1;
            INSERT INTO survey_questions (id, phase_id, section_id, position, type, title)
            SELECT @Q3, @Survey2, s.id, 0, 'short_text', '{"fr": "Un mot"}' FROM survey_sections s WHERE s.phase_id = @Survey2;
            INSERT INTO survey_responses (id, phase_id, user_id, status, submitted_at)
            VALUES (@ResponseA, @Survey1, @A, 'submitted', '2031-03-02'), (gen_random_uuid(), @Survey1, @B, 'draft', NULL),
                   (@ResponseB2, @Survey2, @B, 'submitted', '2031-03-03');
            INSERT INTO survey_answers (response_id, question_id, text, number)
            VALUES (@ResponseA, @Q1, 'Très bien', NULL), (@ResponseA, @Q2, NULL, 42), (@ResponseB2, @Q3, 'Bravo', NULL);
            """,
            new
            {
                c.P1,
                c.P2,
                c.Phase1,
                A = c.ResidentA.Id,
                B = c.ResidentB.Id,
                Org = ids[0],
                Idea1 = ids[1],
                Idea2 = ids[2],
                Idea3 = ids[3],
                Idea4 = ids[4],
                Comment1 = ids[5],
                Comment2 = ids[6],
                Comment3 = ids[7],
                Comment4 = ids[8],
                Vote1 = ids[9],
                Budget1 = ids[10],
                Survey1 = ids[11],
                Vote2 = ids[12],
                Survey2 = ids[13],
                BasketA = ids[14],
                BasketB = ids[15],
                ResponseA = Guid.CreateVersion7(),
                ResponseB2 = Guid.CreateVersion7(),
                Q1 = Guid.CreateVersion7(),
                Q2 = Guid.CreateVersion7(),
                Q3 = Guid.CreateVersion7(),
            }
        );
        return new ExportCity
        {
            C = c,
            Idea1 = ids[1],
            Idea2 = ids[2],
            Idea3 = ids[3],
            Idea4 = ids[4],
            Comment1 = ids[5],
            Comment2 = ids[6],
            Comment4 = ids[8],
            BasketA = ids[14],
            ResponseA = await api.ScalarAsync<Guid>(
                "SELECT id FROM survey_responses WHERE user_id = @A AND status = 'submitted' AND phase_id = @Survey",
                new { A = c.ResidentA.Id, Survey = ids[11] }
            ),
        };
    }

    public async Task<HttpClient> HeadAsync(int department = 1) =>
        await Projects.City.As(Api, department == 1 ? C.City.Head1 : C.City.Head2);

    public Task<HttpClient> OfficialAsync(Guid? department = null) => NewOfficialAsync(Api, department);

    /// <summary>An elected official for one department, or platform-wide without one.</summary>
    public static async Task<HttpClient> NewOfficialAsync(ApiFactory api, Guid? department = null)
    {
        var official = await api.CreateUserAsync(firstName: "Élue", lastName: "Conseil");
        await api.ScalarAsync<int>(
            """
            INSERT INTO user_roles (id, user_id, role, scope_type, scope_id, department_id)
            VALUES (gen_random_uuid(), @Id, 'elected_official', CASE WHEN @D IS NULL THEN 'platform' ELSE 'department' END, @D, @D)
            RETURNING 1
            """,
            new { official.Id, D = department }
        );
        return api.ClientFor(official.Id);
    }

    public static object Body(string kind, string format, string scopeType, Guid? scopeId, string? from = null, string? to = null) =>
        new
        {
            kind,
            format,
            scopeType,
            scopeId,
            from,
            to,
        };

    /// <summary>Asks for an export; asserts the 202 and returns its id.</summary>
    public static async Task<Guid> RequestAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/exports", body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/v1/exports/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    /// <summary>Runs the export job until nothing waits (background jobs are off in tests).</summary>
    public async Task RunJobAsync()
    {
        var job = Api.Services.GetRequiredService<ExportJob>();
        while (await job.RunOnceAsync(CancellationToken.None) > 0) { }
    }

    public static async Task<JsonNode> GetAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/v1/exports/{id}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    /// <summary>Asks, runs the job, downloads and parses: the table as text, rows of cells (header first).</summary>
    public async Task<List<string[]>> ExportAsync(HttpClient client, object body)
    {
        var id = await RequestAsync(client, body);
        await RunJobAsync();
        var export = await GetAsync(client, id);
        Assert.True(export["status"]!.GetValue<string>() == "ready", export.ToJsonString());
        var response = await client.GetAsync($"/api/v1/exports/{id}/file");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(export["sizeBytes"]!.GetValue<long>(), bytes.LongLength);
        return export["format"]!.GetValue<string>() == "xlsx" ? Xlsx.Read(bytes) : Csv(bytes);
    }

    public static List<string[]> Csv(byte[] bytes)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        using var parser = new CsvParser(new StringReader(Encoding.UTF8.GetString(bytes[3..])), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (parser.Read())
            rows.Add(parser.Record!);
        return rows;
    }
}

/// <summary>
/// Reads the first sheet of an XLSX file back (unzipped, its XML read): text cells (inline or shared strings) as text,
/// numbers as invariant decimals, cells styled with a date format as ISO 8601 instants (UTC, to the second).
/// </summary>
internal static class Xlsx
{
    private static readonly XNamespace S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static List<string[]> Read(byte[] bytes)
    {
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        XDocument Load(string name) => XDocument.Load(zip.GetEntry(name)!.Open());
        var shared = zip.GetEntry("xl/sharedStrings.xml") is null
            ? []
            : Load("xl/sharedStrings.xml")
                .Root!.Elements(S + "si")
                .Select(si => string.Concat(si.Descendants(S + "t").Select(t => t.Value)))
                .ToList();
        var styles = Load("xl/styles.xml").Root!;
        var formats = styles
            .Element(S + "numFmts")
            ?.Elements(S + "numFmt")
            .ToDictionary(f => (int)f.Attribute("numFmtId")!, f => (string)f.Attribute("formatCode")!)
            ?? [];
        var dateStyles = styles
            .Element(S + "cellXfs")!
            .Elements(S + "xf")
            .Select((xf, i) => (i, Id: (int?)xf.Attribute("numFmtId") ?? 0))
            .Where(x =>
                (formats.TryGetValue(x.Id, out var code) && code.Contains("yy", StringComparison.Ordinal)) || x.Id is >= 14 and <= 22
            )
            .Select(x => x.i)
            .ToHashSet();
        var sheet = Load("xl/worksheets/sheet1.xml");
        var rows = new List<string[]>();
        foreach (var row in sheet.Descendants(S + "row"))
        {
            var cells = new List<string>();
            foreach (var c in row.Elements(S + "c"))
            {
                var index = Column((string?)c.Attribute("r")) ?? cells.Count;
                while (cells.Count < index)
                    cells.Add("");
                var type = (string?)c.Attribute("t");
                var value = c.Element(S + "v")?.Value;
                var style = (int?)c.Attribute("s") ?? 0;
                cells.Add(
                    type switch
                    {
                        "inlineStr" => string.Concat(c.Descendants(S + "t").Select(t => t.Value)),
                        "s" => shared[int.Parse(value!, CultureInfo.InvariantCulture)],
                        "str" or "b" => value ?? "",
                        _ when value is null => "",
                        _ when dateStyles.Contains(style) => DateTime
                            .FromOADate(double.Parse(value, CultureInfo.InvariantCulture))
                            .AddMilliseconds(500)
                            .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                        _ => decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)
                            .ToString("0.######", CultureInfo.InvariantCulture),
                    }
                );
            }
            rows.Add([.. cells]);
        }
        var width = rows.Count == 0 ? 0 : rows[0].Length;
        return rows.Select(r => r.Length < width ? [.. r, .. Enumerable.Repeat("", width - r.Length)] : r).ToList();
    }

    /// <summary>The column of a cell reference (B7 → 1), when the file gives one.</summary>
    private static int? Column(string? reference)
    {
        if (reference is null)
            return null;
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetterUpper))
            n = n * 26 + (ch - 'A' + 1);
        return n - 1;
    }
}
