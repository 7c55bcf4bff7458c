using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Security;

/// <summary>
/// A cursor is opaque but comes back from the client: whatever keys it carries (out of the column's range, out of
/// the calendar, without a time zone, with NUL characters, null), every keyset list answers 400, never 500.
/// The lists come from the served OpenAPI document (every GET with a <c>cursor</c> parameter).
/// </summary>
public sealed class CursorTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string Id = Guid.NewGuid().ToString();

    private static readonly string[] Hostile =
    [
        $$"""{"S":"popular","L":99999999999,"D":null,"Id":"{{Id}}","Seed":1}""",
        $$"""{"S":"most_commented","L":99999999999,"D":null,"Id":"{{Id}}","Seed":1}""",
        $$"""{"S":"popular","L":-99999999999,"D":null,"Id":"{{Id}}","Seed":1}""",
        $$"""{"S":"newest","L":9223372036854775807,"D":null,"Id":"{{Id}}","Seed":1}""",
        $$"""{"S":"newest","L":-9223372036854775808,"D":null,"Id":"{{Id}}","Seed":1}""",
        $$"""{"S":"trending","L":null,"D":1e308,"Id":"{{Id}}","Seed":1}""",
        $$"""{"S":"random","L":9223372036854775807,"D":null,"Id":"{{Id}}","Seed":-5}""",
        $$"""{"S":"random","L":null,"D":null,"Id":"{{Id}}","Seed":1}""",
        $$"""{"At":"2026-01-01T00:00:00","Id":"{{Id}}"}""",
        $$"""{"At":"2026-01-01T00:00:00+05:00","Id":"{{Id}}"}""",
        $$"""{"At":"9999-12-31T23:59:59.9999999Z","Id":"{{Id}}"}""",
        $$"""{"At":"0001-01-01T00:00:00Z","Id":"{{Id}}"}""",
        """{"Id":9223372036854775807}""",
        """{"Id":-9223372036854775808}""",
        $$"""{"L":"a\u0000","F":"b","Id":"{{Id}}"}""",
        $$"""{"L":null,"F":null,"Id":"{{Id}}"}""",
        $$"""{"N":"x\u0000","Id":"{{Id}}"}""",
        $$"""{"N":null,"Id":"{{Id}}"}""",
        """{"Id":null}""",
        "{}",
    ];

    private static string Encode(string json) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(json));

    [Fact]
    public async Task No_keyset_list_answers_500_to_a_forged_cursor()
    {
        var world = await RealResources.CreateAsync(Api);
        var document = JsonNode.Parse(await Api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var failures = new List<string>();
        var lists = 0;

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var operation = item!["get"];
            var parameters = operation?["parameters"]?.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList() ?? [];
            if (!parameters.Contains("cursor"))
                continue;
            lists++;
            var url = world.Url(path);
            foreach (var json in Hostile)
            {
                var sort = parameters.Contains("sort") && JsonNode.Parse(json)?["S"]?.GetValue<string>() is { } s ? $"&sort={s}" : "";
                var response = await world.C.Admin.GetAsync($"{url}?cursor={Encode(json)}{sort}");
                if ((int)response.StatusCode >= 500)
                    failures.Add(
                        $"GET {path}{sort} cursor {json} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
                    );
            }
        }

        Assert.True(lists >= 10, $"only {lists} keyset lists in the document");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("popular", 99999999999)]
    [InlineData("most_commented", 99999999999)]
    [InlineData("popular", -99999999999)]
    [InlineData("newest", long.MaxValue)]
    [InlineData("newest", long.MinValue)]
    public async Task An_idea_cursor_whose_key_is_out_of_range_is_a_400(string sort, long key)
    {
        var city = await IdeaCity.CreateAsync(Api); // a published project with an ideation phase is all it takes
        var cursor = Encode($$"""{"S":"{{sort}}","L":{{key}},"D":null,"Id":"{{Id}}","Seed":1}""");

        var response = await city.B.GetAsync($"/api/v1/projects/{city.P1}/ideas?sort={sort}&cursor={cursor}");

        await response.AssertFieldErrorsAsync("cursor");
    }
}
