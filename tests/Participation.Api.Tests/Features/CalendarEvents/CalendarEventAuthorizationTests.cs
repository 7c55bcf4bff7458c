using System.Net.Http.Json;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;
using static Participation.Api.Tests.Features.CalendarEvents.CalendarEventTestKit;

namespace Participation.Api.Tests.Features.CalendarEvents;

/// <summary>
/// The authorization matrix (QUALITY.md §2) of the events: everybody reads the public ones; the project's staff
/// (moderators, heads of its department), communication managers and admins write; platform-wide events only the latter
/// two; every signed-in person registers and cancels their own registration.
/// </summary>
[Collection(ApiCollection.C)]
public sealed class CalendarEventAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Actions =
    [
        "get",
        "list",
        "ics",
        "create",
        "create_platform",
        "update",
        "cancel",
        "registrants",
        "register",
        "unregister",
    ];

    private static readonly string[] Writers = ["moderator_p1", "head_d1", "communication_manager", "admin"];

    private static int Expected(string actor, string action) =>
        (actor, action) switch
        {
            (_, "get" or "list" or "ics") => 200,
            ("anonymous", _) => 401,
            (_, "register") => 200,
            (_, "unregister") => 204,
            ("communication_manager" or "admin", "create" or "create_platform") => 201,
            (_, "create_platform") => 403,
            (_, "create") when Writers.Contains(actor) => 201,
            (_, "update" or "cancel" or "registrants") when Writers.Contains(actor) => 200,
            _ => 403,
        };

    public static TheoryData<string, string, int> Matrix() => AuthorizationMatrix.Build(AuthorizationMatrix.Actors, Actions, Expected);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_do_what_with_events(string actor, string action, int expected)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var id = await CreateAsync(c.Admin, Body(c.P1, capacity: 10));
        await RegisterAsync(c.B, id);
        var client = await c.ClientAsync(actor);
        if (action == "unregister" && actor != "anonymous")
            await client.PostAsync($"/api/v1/events/{id}/registration", null);
        const string Snapshot = "SELECT coalesce(string_agg(row_to_json(e)::text, ',' ORDER BY e.id), '') FROM calendar_events e";
        var before = await Api.ScalarAsync<string>(Snapshot);
        var events = await Api.CountAsync("events");

        var response = action switch
        {
            "get" => await client.GetAsync($"/api/v1/events/{id}"),
            "list" => await client.GetAsync($"/api/v1/events?projectId={c.P1}"),
            "ics" => await client.GetAsync($"/api/v1/events/{id}.ics"),
            "create" => await client.PostJsonAsync("/api/v1/events", Body(c.P1, title: "Nouvel événement")),
            "create_platform" => await client.PostJsonAsync("/api/v1/events", Body(null, title: "Fête de la ville")),
            "update" => await client.PutAsJsonAsync($"/api/v1/events/{id}", Fields(capacity: 12)),
            "cancel" => await client.PostJsonAsync($"/api/v1/events/{id}/cancel", new { reason = "Pluie" }),
            "registrants" => await client.GetAsync($"/api/v1/events/{id}/registrants"),
            "register" => await client.PostAsync($"/api/v1/events/{id}/registration", null),
            "unregister" => await client.DeleteAsync($"/api/v1/events/{id}/registration"),
            _ => throw new InvalidOperationException(action),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected >= 400)
        {
            await response.AssertProblemAsync(response.StatusCode);
            Assert.Equal(before, await Api.ScalarAsync<string>(Snapshot));
            Assert.Equal(events, await Api.CountAsync("events"));
        }
        if (action == "registrants" && expected == 200)
            Assert.DoesNotContain("@", await response.Content.ReadAsStringAsync());
        await AssertCountersAsync(Api, id);
    }
}
