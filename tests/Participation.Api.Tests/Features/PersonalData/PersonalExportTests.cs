using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Participation.Api.Features.PersonalData;
using Participation.Api.Tests.Features.Exports;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.PersonalData;

/// <summary>Exports of one's own data: what they hold, that they open, and that only their owner gets them.</summary>
public sealed class PersonalExportTests(ApiFactory api) : ApiTest(api)
{
    private Task<int> RunJobAsync() => Api.Services.GetRequiredService<PersonalExportJob>().RunOnceAsync(CancellationToken.None);

    private static async Task<Guid> RequestAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/v1/me/data-exports", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("queued", (string?)body["status"]);
        return Guid.Parse((string)body["id"]!);
    }

    [Fact]
    public async Task The_export_holds_what_the_person_did_opens_as_html_and_json_and_is_e_mailed_when_ready()
    {
        var k = await ExportCity.CreateAsync(Api);
        var id = await RequestAsync(k.C.A);

        Assert.Equal(1, await RunJobAsync());
        Assert.Equal(0, await RunJobAsync());

        var list = (await (await k.C.A.GetAsync("/api/v1/me/data-exports")).ReadJsonAsync()).AsArray();
        Assert.Equal("ready", (string?)Assert.Single(list)!["status"]);
        var download = await k.C.A.GetAsync($"/api/v1/me/data-exports/{id}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await download.Content.ReadAsStreamAsync());
        Assert.Equal(["data.json", "index.html"], zip.Entries.Select(e => e.FullName).Order().ToArray());

        string html;
        using (var reader = new StreamReader(zip.GetEntry("index.html")!.Open()))
            html = await reader.ReadToEndAsync();
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("fr", document.DocumentElement.GetAttribute("lang"));
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Contains("Idées", document.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Contains(document.QuerySelectorAll("td"), td => td.TextContent == "Plus de bancs au parc");

        JsonNode data;
        await using (var json = zip.GetEntry("data.json")!.Open())
            data = JsonNode.Parse(json)!;
        foreach (var section in PersonalDataSections.All)
            Assert.IsType<JsonArray>(data[section.Name]);
        Assert.Equal(k.C.ResidentA.Email, (string?)data["account"]![0]!["email"]);
        Assert.Contains(data["ideas"]!.AsArray(), i => (string?)i!["title"] == "Plus de bancs au parc");
        Assert.Contains(data["comments"]!.AsArray(), c => (string?)c!["body"] == "Merci");
        Assert.Contains(data["votes"]!.AsArray(), v => (string?)v!["idea_id"] == k.Idea1.ToString());
        Assert.Contains(data["basket_lines"]!.AsArray(), l => (string?)l!["idea_id"] == k.Idea2.ToString());
        Assert.Contains(data["survey_answers"]!.AsArray(), a => (string?)a!["text"] == "Très bien");
        Assert.DoesNotContain(data["comments"]!.AsArray(), c => (string?)c!["body"] == "Bonne idée !"); // B's
        Assert.DoesNotContain(k.C.ResidentB.Email, data.ToJsonString());
        Assert.DoesNotContain(k.C.ResidentB.Email, html);

        var mail = Assert.Single(await Api.OutboxAsync(k.C.ResidentA.Email));
        Assert.Contains("/profile", mail.TextBody);
    }

    [Fact]
    public async Task One_export_waits_at_a_time()
    {
        var a = await Api.CreateUserAsync();
        var client = Api.ClientFor(a.Id);
        await RequestAsync(client);

        await (await client.PostAsync("/api/v1/me/data-exports", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(1, await Api.CountAsync("personal_data_exports"));
    }

    [Fact]
    public async Task No_one_else_gets_the_file_not_even_an_admin_and_anonymous_callers_get_401()
    {
        var a = await Api.CreateUserAsync();
        var b = await Api.CreateUserAsync();
        var admin = await Api.CreateUserAsync(role: "admin");
        var id = await RequestAsync(Api.ClientFor(a.Id));
        await RunJobAsync();

        foreach (var other in new[] { b.Id, admin.Id })
        {
            var client = Api.ClientFor(other);
            await (await client.GetAsync($"/api/v1/me/data-exports/{id}/file")).AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Empty((await (await client.GetAsync("/api/v1/me/data-exports")).ReadJsonAsync()).AsArray());
        }
        var anonymous = Api.CreateClient();
        await (await anonymous.PostAsync("/api/v1/me/data-exports", null)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/v1/me/data-exports")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync($"/api/v1/me/data-exports/{id}/file")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var notAnId = await Api.ClientFor(a.Id).GetAsync("/api/v1/me/data-exports/not-an-id/file");
        Assert.True((int)notAnId.StatusCode is 400 or 404);
    }

    [Fact]
    public async Task A_queued_export_is_not_downloadable_and_an_expired_one_is_gone_with_its_file()
    {
        var a = await Api.CreateUserAsync();
        var client = Api.ClientFor(a.Id);
        var id = await RequestAsync(client);
        await (await client.GetAsync($"/api/v1/me/data-exports/{id}/file")).AssertProblemAsync(HttpStatusCode.Conflict);
        await RunJobAsync();
        var key = await Api.ScalarAsync<string>("SELECT file_key FROM personal_data_exports WHERE id = @Id", new { Id = id });
        Assert.True(File.Exists(Path.Combine(Api.StorageDirectory, key)));

        await Api.ScalarAsync<int>(
            "UPDATE personal_data_exports SET expires_at = now() - interval '1 minute' WHERE id = @Id RETURNING 1",
            new { Id = id }
        );
        await (await client.GetAsync($"/api/v1/me/data-exports/{id}/file")).AssertProblemAsync(HttpStatusCode.Gone);
        await RunJobAsync();

        Assert.Equal("expired", await Api.ScalarAsync<string>("SELECT status FROM personal_data_exports WHERE id = @Id", new { Id = id }));
        Assert.False(File.Exists(Path.Combine(Api.StorageDirectory, key)));
    }
}
