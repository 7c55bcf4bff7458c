using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Participation.Api.Features.Exports;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Exports;

/// <summary>
/// The authorization matrix (QUALITY.md §2) of the export endpoints. Exporting is reading, so elected officials export
/// their scope like the staff who run it (an official of the platform anything, one of Culture Culture only); heads
/// their department, moderators their project; communication and IT managers, residents and API clients nothing. Each
/// person sees and downloads only their own exports (anyone else's is a 404).
/// </summary>
[Collection(ApiCollection.B)]
public sealed class ExportAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Actions = ["request_p1", "request_d1", "request_platform", "list", "get", "download"];

    private static int Expected(string actor, string action) =>
        (actor, action) switch
        {
            ("anonymous", _) => 401,
            ("client", _) => 403,
            (_, "list") => 200,
            ("head_d1", "get" or "download") => 200,
            (_, "get" or "download") => 404,
            ("admin" or "elected_official", _) => 202,
            ("head_d1", "request_p1" or "request_d1") => 202,
            ("moderator_p1", "request_p1") => 202,
            _ => 403,
        };

    public static TheoryData<string, string, int> Matrix() =>
        AuthorizationMatrix.Build([.. AuthorizationMatrix.Actors, "official_culture", "client"], Actions, Expected);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_export_what(string actor, string action, int expected)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var head = await c.ClientAsync("head_d1");
        var owned = await ExportCity.RequestAsync(head, ExportCity.Body("ideas", "csv", "department", c.City.D1));
        var job = Api.Services.GetRequiredService<ExportJob>();
        while (await job.RunOnceAsync(CancellationToken.None) > 0) { }
        var client = actor switch
        {
            "client" => await Api.ClientForApiClientAsync(
                await Api.CreateApiClientAsync("projects:read", "ideas:read", "results:read", "statistics:read", "webhooks:manage")
            ),
            "official_culture" => await ExportCity.NewOfficialAsync(Api, c.City.D2),
            _ => await c.ClientAsync(actor),
        };
        var exports = await Api.CountAsync("exports");
        var events = await Api.CountAsync("events");

        var response = action switch
        {
            "request_p1" => await client.PostAsJsonAsync("/api/v1/exports", ExportCity.Body("ideas", "xlsx", "project", c.P1)),
            "request_d1" => await client.PostAsJsonAsync("/api/v1/exports", ExportCity.Body("comments", "csv", "department", c.City.D1)),
            "request_platform" => await client.PostAsJsonAsync("/api/v1/exports", ExportCity.Body("participants", "csv", "platform", null)),
            "list" => await client.GetAsync("/api/v1/exports"),
            "get" => await client.GetAsync($"/api/v1/exports/{owned}"),
            "download" => await client.GetAsync($"/api/v1/exports/{owned}/file"),
            _ => throw new InvalidOperationException(action),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected >= 400)
        {
            await response.AssertProblemAsync(response.StatusCode);
            Assert.Equal(exports, await Api.CountAsync("exports"));
            Assert.Equal(events, await Api.CountAsync("events"));
        }
        if (action == "list" && actor != "head_d1" && expected == 200)
            Assert.Empty((await response.ReadJsonAsync())["items"]!.AsArray());
    }
}
