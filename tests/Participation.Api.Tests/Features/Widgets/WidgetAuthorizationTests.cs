using System.Net.Http.Json;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;
using static Participation.Api.Tests.Features.Widgets.WidgetTestKit;

namespace Participation.Api.Tests.Features.Widgets;

/// <summary>The authorization matrix (QUALITY.md §2) of the widget endpoints: admins, IT and communication managers only.</summary>
[Collection(ApiCollection.C)]
public sealed class WidgetAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Actions = ["list", "get", "create", "update", "delete"];

    private static int Expected(string actor, string action) =>
        actor switch
        {
            "anonymous" => 401,
            "admin" or "it_manager" or "communication_manager" => action switch
            {
                "create" => 201,
                "delete" => 204,
                _ => 200,
            },
            _ => 403,
        };

    public static TheoryData<string, string, int> Matrix() => AuthorizationMatrix.Build(AuthorizationMatrix.Actors, Actions, Expected);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_configure_widgets(string actor, string action, int expected)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var id = await CreateAsync(c.Admin, Settings(name: "Existing"));
        var client = await c.ClientAsync(actor);
        var before = await Api.ScalarAsync<string>("SELECT string_agg(row_to_json(w)::text, ',') FROM widgets w");
        var events = await Api.CountAsync("events");

        var response = action switch
        {
            "list" => await client.GetAsync("/api/v1/widgets"),
            "get" => await client.GetAsync($"/api/v1/widgets/{id}"),
            "create" => await client.PostJsonAsync("/api/v1/widgets", Settings(name: "New")),
            "update" => await client.PutAsJsonAsync($"/api/v1/widgets/{id}", Settings(name: "Renamed")),
            "delete" => await client.DeleteAsync($"/api/v1/widgets/{id}"),
            _ => throw new InvalidOperationException(action),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected >= 400)
        {
            await response.AssertProblemAsync(response.StatusCode);
            Assert.Equal(before, await Api.ScalarAsync<string>("SELECT string_agg(row_to_json(w)::text, ',') FROM widgets w"));
            Assert.Equal(events, await Api.CountAsync("events"));
        }
    }
}
