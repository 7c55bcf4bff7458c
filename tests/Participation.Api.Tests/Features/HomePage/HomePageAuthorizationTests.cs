using System.Net.Http.Json;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.HomePage;

/// <summary>
/// The authorization matrix (QUALITY.md §2) of the home page: communication managers and admins read the draft, preview,
/// save and publish it; everyone else is refused (401 anonymous, 403 signed in) and nothing is written; everyone reads
/// the published page.
/// </summary>
[Collection(ApiCollection.C)]
public sealed class HomePageAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Actions = ["read_published", "read_draft", "preview", "update", "publish"];

    private static int Expected(string actor, string action) =>
        action == "read_published" ? 200
        : actor == "anonymous" ? 401
        : actor is "admin" or "communication_manager" ? 200
        : 403;

    public static TheoryData<string, string, int> Matrix() => AuthorizationMatrix.Build(AuthorizationMatrix.Actors, Actions, Expected);

    private const string Snapshot = "SELECT coalesce(string_agg(row_to_json(h)::text, ',' ORDER BY h.language), '') FROM home_pages h";

    private static object Body(int version, string title) =>
        new
        {
            version,
            language = "fr",
            layout = new
            {
                banner = new { title },
                pinnedProjectIds = Array.Empty<Guid>(),
                sections = new[] { new { kind = "figures", visible = true } },
            },
        };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_read_and_edit_the_home_page(string actor, string action, int expected)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var saved = await c.Admin.PutAsJsonAsync("/api/v1/home-page/draft", Body(0, "Bienvenue"));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var client = await c.ClientAsync(actor);
        var before = await Api.ScalarAsync<string>(Snapshot);
        var events = await Api.CountAsync("events");

        var response = action switch
        {
            "read_published" => await client.GetAsync("/api/v1/home-page"),
            "read_draft" => await client.GetAsync("/api/v1/home-page/draft?language=fr"),
            "preview" => await client.GetAsync("/api/v1/home-page/preview?language=fr"),
            "update" => await client.PutAsJsonAsync("/api/v1/home-page/draft", Body(1, "Renommée")),
            "publish" => await client.PostAsJsonAsync("/api/v1/home-page/publish", new { version = 1, language = "fr" }),
            _ => throw new InvalidOperationException(action),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected >= 400)
        {
            var problem = await response.AssertProblemAsync(response.StatusCode);
            Assert.DoesNotContain("Bienvenue", problem.ToJsonString());
            Assert.Equal(before, await Api.ScalarAsync<string>(Snapshot));
            Assert.Equal(events, await Api.CountAsync("events"));
        }
    }
}
