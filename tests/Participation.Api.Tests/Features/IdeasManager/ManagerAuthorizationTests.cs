using System.Net.Http.Json;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.IdeasManager;

/// <summary>
/// The authorization matrix (QUALITY.md §2) of the ideas manager, on project P1 (department D1): its staff (moderator_p1,
/// head_d1, admin) manage its ideas and templates; everybody else is refused, elected officials (platform-wide or of D1)
/// and API clients (even with every scope) included, and a refusal writes nothing.
/// </summary>
[Collection(ApiCollection.C)]
public sealed class ManagerAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string[] Actions =
    [
        "list_ideas",
        "assign",
        "bulk_status",
        "list_templates",
        "create_template",
        "update_template",
        "delete_template",
    ];

    private static int Expected(string actor, string action) =>
        actor switch
        {
            "anonymous" => 401,
            "moderator_p1" or "head_d1" or "admin" => action switch
            {
                "create_template" => 201,
                "delete_template" => 204,
                _ => 200,
            },
            _ => 403,
        };

    public static TheoryData<string, string, int> Matrix() =>
        AuthorizationMatrix.Build([.. AuthorizationMatrix.Actors, "elected_official_d1", "api_client"], Actions, Expected);

    private const string State = """
        SELECT (SELECT string_agg(i.status || coalesce(i.assignee_id::text, '-'), ',' ORDER BY i.id) FROM ideas i)
               || (SELECT count(*) FROM idea_status_changes)
               || coalesce((SELECT string_agg(t.title || t.body, ',' ORDER BY t.id) FROM feedback_templates t), '-')
               || (SELECT count(*) FROM events WHERE type IN ('idea.assigned', 'idea.status_changed') OR type LIKE 'feedback_template.%')
        """;

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_manage_the_project_s_ideas(string actor, string action, int expected)
    {
        var m = await ManagerCity.CreateAsync(Api);
        var c = m.C;
        var idea = await m.PublicIdeaAsync(c.A, "Des bancs au parc");
        var template = await m.TemplateAsync(c.Mod1, "Merci", "Merci pour votre idée.");
        var client = actor switch
        {
            "elected_official_d1" => await OfficialOfD1Async(c),
            "api_client" => await Api.ClientForApiClientAsync(
                await Api.CreateApiClientAsync("projects:read", "ideas:read", "results:read", "statistics:read", "ideas:feedback")
            ),
            _ => await c.ClientAsync(actor),
        };
        var before = await Api.ScalarAsync<string>(State);

        var response = action switch
        {
            "list_ideas" => await client.GetAsync(m.ManageUrl()),
            "assign" => await client.PutAsJsonAsync($"/api/v1/ideas/{idea}/assignee", new { assigneeId = c.Moderator1.Id }),
            "bulk_status" => await m.BulkAsync(client, new { ideaIds = new[] { idea }, status = "accepted" }),
            "list_templates" => await client.GetAsync($"/api/v1/projects/{c.P1}/feedback-templates"),
            "create_template" => await client.PostJsonAsync(
                $"/api/v1/projects/{c.P1}/feedback-templates",
                new { title = "Nouveau", body = "Texte." }
            ),
            "update_template" => await client.PutAsJsonAsync(
                $"/api/v1/feedback-templates/{template}",
                new { title = "Changé", body = "Texte." }
            ),
            "delete_template" => await client.DeleteAsync($"/api/v1/feedback-templates/{template}"),
            _ => throw new InvalidOperationException(action),
        };

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected >= 400)
            Assert.Equal(before, await Api.ScalarAsync<string>(State));
    }

    private async Task<HttpClient> OfficialOfD1Async(Ideas.IdeaCity c)
    {
        var official = await Api.CreateUserAsync(firstName: "Élue", lastName: "Locale");
        var granted = await c.Admin.PutAsJsonAsync(
            $"/api/v1/users/{official.Id}/roles",
            new
            {
                role = "elected_official",
                scopeType = "department",
                scopeId = c.City.D1,
            }
        );
        Assert.True(granted.IsSuccessStatusCode, await granted.Content.ReadAsStringAsync());
        return await Projects.City.As(Api, official);
    }
}
