using System.Net.Http.Json;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;
using static Participation.Api.Tests.Features.Pages.PageTestKit;

namespace Participation.Api.Tests.Features.Pages;

/// <summary>
/// The authorization matrix (QUALITY.md §2) of the page endpoints: admins and communication managers write pages and see
/// drafts; everyone (residents, visitors) reads the published ones, and nobody reads a draft by its address.
/// </summary>
[Collection(ApiCollection.B)]
public sealed class PageAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Actions =
    [
        "list_published",
        "read_published",
        "read_draft",
        "list_editable",
        "get",
        "create",
        "update",
        "status",
        "delete",
    ];

    private static int Expected(string actor, string action) =>
        action switch
        {
            "list_published" or "read_published" => 200,
            "read_draft" => 404,
            _ => actor switch
            {
                "anonymous" => 401,
                "admin" or "communication_manager" => action switch
                {
                    "create" => 201,
                    "delete" => 204,
                    _ => 200,
                },
                _ => 403,
            },
        };

    public static TheoryData<string, string, int> Matrix() => AuthorizationMatrix.Build(AuthorizationMatrix.Actors, Actions, Expected);

    private const string Snapshot =
        "SELECT coalesce(string_agg(row_to_json(x)::text, ',' ORDER BY x.slug), '') FROM "
        + "(SELECT t.*, p.status, p.version FROM page_texts t JOIN pages p ON p.id = t.page_id) x";

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_read_and_write_pages(string actor, string action, int expected)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var draft = await CreateAsync(c.Admin, Body(slug: "brouillon"));
        var id = draft["id"]!.GetValue<Guid>();
        var client = await c.ClientAsync(actor);
        var before = await Api.ScalarAsync<string>(Snapshot);
        var events = await Api.CountAsync("events");

        var response = action switch
        {
            "list_published" => await client.GetAsync("/api/v1/pages"),
            "read_published" => await client.GetAsync("/api/v1/pages/by-slug/a-propos"),
            "read_draft" => await client.GetAsync("/api/v1/pages/by-slug/brouillon"),
            "list_editable" => await client.GetAsync("/api/v1/pages/editable"),
            "get" => await client.GetAsync($"/api/v1/pages/{id}"),
            "create" => await client.PostJsonAsync("/api/v1/pages", Body(slug: "nouvelle")),
            "update" => await client.PutAsJsonAsync($"/api/v1/pages/{id}", Update(1, Body(slug: "brouillon", title: "Renommée"))),
            "status" => await client.PutAsJsonAsync($"/api/v1/pages/{id}/status", new { version = 1, status = "published" }),
            "delete" => await client.DeleteAsync($"/api/v1/pages/{id}"),
            _ => throw new InvalidOperationException(action),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected >= 400)
        {
            var problem = await response.AssertProblemAsync(response.StatusCode);
            Assert.DoesNotContain("Le budget participatif", problem.ToJsonString());
            Assert.Equal(before, await Api.ScalarAsync<string>(Snapshot));
            Assert.Equal(events, await Api.CountAsync("events"));
        }
    }
}
