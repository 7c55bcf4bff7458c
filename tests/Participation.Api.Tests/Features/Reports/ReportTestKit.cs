using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Dapper;
using Participation.Api.Tests.Features.IdeasManager;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Reports;

/// <summary>
/// The report's city: <see cref="ManagerCity"/> (P1 in D1 with a pre-moderated ideation phase, P2 in D2) and helpers to
/// read, save and send P1's report, make elected officials and read a workbook's sheets.
/// </summary>
internal sealed class ReportCity
{
    public required ManagerCity M { get; init; }
    public Ideas.IdeaCity C => M.C;
    public ApiFactory Api => M.Api;

    public static async Task<ReportCity> CreateAsync(ApiFactory api) => new() { M = await ManagerCity.CreateAsync(api) };

    public string Url(Guid? project = null) => $"/api/v1/projects/{project ?? C.P1}/report";

    public async Task<JsonNode> GetAsync(HttpClient client, Guid? project = null)
    {
        var response = await client.GetAsync(Url(project));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public static object Body(
        int version,
        string goals = "<p>Réaménager le parc</p>",
        string conclusions = "<p>Merci</p>",
        object? more = null
    ) =>
        more
        ?? new
        {
            version,
            goals,
            conclusions,
        };

    public Task<HttpResponseMessage> SaveAsync(HttpClient client, object body, Guid? project = null) =>
        client.PutAsJsonAsync(Url(project), body);

    public Task<HttpResponseMessage> SendAsync(HttpClient client, params Guid[] recipients) =>
        client.PostJsonAsync($"{Url()}/send", new { recipientIds = recipients });

    /// <summary>An elected official for the whole platform (no department) or for one department.</summary>
    public async Task<(TestUser User, HttpClient Client)> OfficialAsync(Guid? department, string first = "Élue")
    {
        var user = await Api.CreateUserAsync(firstName: first, lastName: "Communale");
        await using var connection = await Api.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO user_roles (id, user_id, role, scope_type, scope_id, department_id)
            VALUES (gen_random_uuid(), @Id, 'elected_official', CASE WHEN @Department::uuid IS NULL THEN 'platform' ELSE 'department' END,
                    @Department, @Department);
            """,
            new { user.Id, Department = department }
        );
        return (user, Api.ClientFor(user.Id));
    }

    /// <summary>The names of a workbook's sheets, in order.</summary>
    public static List<string> SheetNames(byte[] xlsx)
    {
        XNamespace s = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var workbook = XDocument.Load(zip.GetEntry("xl/workbook.xml")!.Open());
        return workbook.Descendants(s + "sheet").Select(e => (string)e.Attribute("name")!).ToList();
    }

    /// <summary>All the text of one sheet (1-based), cells joined, inline and shared strings read.</summary>
    public static string SheetText(byte[] xlsx, int sheet)
    {
        XNamespace s = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } entry
            ? XDocument
                .Load(entry.Open())
                .Root!.Elements(s + "si")
                .Select(si => string.Concat(si.Descendants(s + "t").Select(t => t.Value)))
                .ToList()
            : [];
        var doc = XDocument.Load(zip.GetEntry($"xl/worksheets/sheet{sheet}.xml")!.Open());
        return string.Join(
            " | ",
            doc.Descendants(s + "c")
                .Select(c =>
                    (string?)c.Attribute("t") switch
                    {
                        "s" => shared[int.Parse(c.Element(s + "v")!.Value, System.Globalization.CultureInfo.InvariantCulture)],
                        "inlineStr" => string.Concat(c.Descendants(s + "t").Select(t => t.Value)),
                        _ => c.Element(s + "v")?.Value ?? "",
                    }
                )
        );
    }
}
