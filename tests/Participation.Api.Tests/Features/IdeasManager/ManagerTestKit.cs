using System.Net;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.IdeasManager;

/// <summary>
/// The ideas manager's city: <see cref="IdeaCity"/> with pre-moderation in P1's ideation phase, so that ideas of every state
/// can be made through the API; helpers to post public ideas, read the manager's table, change statuses in bulk and keep
/// templates.
/// </summary>
internal sealed class ManagerCity
{
    public required IdeaCity C { get; init; }
    public ApiFactory Api => C.Api;

    public static async Task<ManagerCity> CreateAsync(ApiFactory api) =>
        new() { C = await IdeaCity.CreateAsync(api, new { preModeration = true }) };

    public static object Idea(string title, string body = "Une proposition.", params string[] topics) =>
        new
        {
            title,
            body = $"<p>{body}</p>",
            topics,
        };

    /// <summary>An idea awaiting pre-moderation in P1.</summary>
    public Task<Guid> PrescreenedIdeaAsync(HttpClient author, string title, string body = "Une proposition.", params string[] topics) =>
        C.IdeaAsync(author, C.P1, title, Idea(title, body, topics));

    /// <summary>A public idea of P1 (posted, then approved by its moderator).</summary>
    public async Task<Guid> PublicIdeaAsync(HttpClient author, string title, string body = "Une proposition.", params string[] topics)
    {
        var id = await PrescreenedIdeaAsync(author, title, body, topics);
        var approved = await C.Mod1.PostJsonAsync($"/api/v1/ideas/{id}/review", new { decision = "approve" });
        Assert.True(approved.StatusCode == HttpStatusCode.NoContent, await approved.Content.ReadAsStringAsync());
        return id;
    }

    public string ManageUrl(string query = "", Guid? project = null) => $"/api/v1/projects/{project ?? C.P1}/ideas/manage{query}";

    public async Task<JsonNode> ListAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync(ManageUrl(query));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    /// <summary>The ids listed with the query (one page of up to 100).</summary>
    public async Task<List<Guid>> IdsAsync(HttpClient client, string query = "")
    {
        var sep = query.Length == 0 ? "?" : "&";
        return Ids(await ListAsync(client, query + sep + "limit=100"));
    }

    public static List<Guid> Ids(JsonNode list) => list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();

    public static JsonNode Item(JsonNode list, Guid id) => list["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == id)!;

    public string BulkUrl(Guid? project = null) => $"/api/v1/projects/{project ?? C.P1}/ideas/status";

    public Task<HttpResponseMessage> BulkAsync(HttpClient client, object body, Guid? project = null) =>
        client.PostJsonAsync(BulkUrl(project), body);

    public async Task<Guid> TemplateAsync(HttpClient client, string title, string body, string? status = null, Guid? project = null)
    {
        var response = await client.PostJsonAsync(
            $"/api/v1/projects/{project ?? C.P1}/feedback-templates",
            new
            {
                title,
                body,
                status,
            }
        );
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    /// <summary>Every idea's history chains (each step starts where the previous ended) and its status is the last step's.
    /// Returns the number of steps after the submission, per idea.</summary>
    public async Task<Dictionary<Guid, int>> AssertHistoriesChainAsync()
    {
        await using var connection = await Api.OpenAsync();
        var rows = (
            await Dapper.SqlMapper.QueryAsync<(Guid IdeaId, string? FromStatus, string ToStatus, string Status)>(
                connection,
                """
                SELECT sc.idea_id, sc.from_status, sc.to_status, i.status
                  FROM idea_status_changes sc JOIN ideas i ON i.id = sc.idea_id
                 ORDER BY sc.idea_id, sc.id
                """
            )
        ).ToList();
        var steps = new Dictionary<Guid, int>();
        foreach (var idea in rows.GroupBy(r => r.IdeaId))
        {
            var history = idea.ToList();
            Assert.Null(history[0].FromStatus);
            for (var i = 1; i < history.Count; i++)
                Assert.True(
                    history[i].FromStatus == history[i - 1].ToStatus,
                    $"idea {idea.Key}: step {i} starts at {history[i].FromStatus}, the previous ended at {history[i - 1].ToStatus}"
                );
            Assert.Equal(history[^1].ToStatus, history[^1].Status);
            steps[idea.Key] = history.Count - 1;
        }
        return steps;
    }
}
