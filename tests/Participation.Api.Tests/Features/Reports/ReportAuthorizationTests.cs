using System.Net.Http.Json;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Reports;

/// <summary>
/// The authorization matrix (QUALITY.md §2) of P1's report (P1 in D1): its staff (moderator_p1, head_d1, admin) read,
/// compose, download and send it; elected officials covering it (platform-wide, or of D1) read and download it and can
/// never write; a head or official of another department, the other roles and API clients are refused, and a refusal
/// writes nothing and sends nothing.
/// </summary>
[Collection(ApiCollection.C)]
public sealed class ReportAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Actions = ["get", "save", "xlsx", "recipients", "send"];

    private static int Expected(string actor, string action) =>
        actor switch
        {
            "anonymous" => 401,
            "moderator_p1" or "head_d1" or "admin" => 200,
            "elected_official" or "elected_official_d1" => action is "get" or "xlsx" ? 200 : 403,
            _ => 403,
        };

    public static TheoryData<string, string, int> Matrix() =>
        AuthorizationMatrix.Build(
            [.. AuthorizationMatrix.Actors, "elected_official_d1", "elected_official_d2", "api_client"],
            Actions,
            Expected
        );

    private const string State = """
        SELECT coalesce((SELECT string_agg(r.conclusions || r.version, ',') FROM project_reports r), '-')
               || (SELECT count(*) FROM email_outbox WHERE category = 'report')
               || (SELECT count(*) FROM events WHERE type LIKE 'report.%')
        """;

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_read_compose_download_and_send_the_project_s_report(string actor, string action, int expected)
    {
        var r = await ReportCity.CreateAsync(Api);
        var c = r.C;
        var client = actor switch
        {
            "elected_official_d1" => (await r.OfficialAsync(c.City.D1)).Client,
            "elected_official_d2" => (await r.OfficialAsync(c.City.D2)).Client,
            "api_client" => await Api.ClientForApiClientAsync(
                await Api.CreateApiClientAsync("projects:read", "ideas:read", "results:read", "statistics:read")
            ),
            _ => await c.ClientAsync(actor),
        };
        var before = await Api.ScalarAsync<string>(State);

        var response = action switch
        {
            "get" => await client.GetAsync(r.Url()),
            "save" => await r.SaveAsync(client, ReportCity.Body(0, conclusions: "<p>Écrit</p>")),
            "xlsx" => await client.GetAsync($"{r.Url()}.xlsx"),
            "recipients" => await client.GetAsync($"{r.Url()}/recipients"),
            "send" => await r.SendAsync(client, c.City.Head1.Id),
            _ => throw new InvalidOperationException(action),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected >= 400)
            Assert.Equal(before, await Api.ScalarAsync<string>(State));
    }

    [Fact]
    public async Task A_draft_project_s_report_is_a_404_for_those_who_do_not_oversee_it()
    {
        var city = await Projects.City.CreateAsync(Api);
        var draft = await city.ProjectAsync(city.Admin, city.D1, "Brouillon");
        var head2 = await Projects.City.As(Api, city.Head2);
        await (await head2.GetAsync($"/api/v1/projects/{draft}/report")).AssertProblemAsync(System.Net.HttpStatusCode.NotFound);
        var head1 = await Projects.City.As(Api, city.Head1);
        (await head1.GetAsync($"/api/v1/projects/{draft}/report")).EnsureSuccessStatusCode();
        var saved = await head1.PutAsJsonAsync($"/api/v1/projects/{draft}/report", ReportCity.Body(0));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }
}
