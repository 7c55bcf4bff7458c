using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Pages;

internal static class PageTestKit
{
    public const string Image = "/api/v1/media/0123456789abcdef0123456789abcdef.png";

    public static Dictionary<string, object?> Body(
        string slug = "budget-participatif",
        string title = "Le budget participatif",
        string body = "<p>Comment ça marche.</p>",
        string? enSlug = null,
        bool inFooter = true,
        int footerOrder = 10
    )
    {
        var texts = new Dictionary<string, object?>
        {
            ["fr"] = new
            {
                title,
                slug,
                body,
            },
        };
        if (enSlug is not null)
            texts["en"] = new
            {
                title = "Participatory budget",
                slug = enSlug,
                body = "<p>How it works.</p>",
            };
        return new()
        {
            ["kind"] = "free",
            ["texts"] = texts,
            ["inFooter"] = inFooter,
            ["footerOrder"] = footerOrder,
        };
    }

    public static Dictionary<string, object?> Update(int version, Dictionary<string, object?> body)
    {
        var update = new Dictionary<string, object?>(body) { ["version"] = version };
        update.Remove("kind");
        return update;
    }

    public static async Task<JsonNode> CreateAsync(HttpClient client, Dictionary<string, object?>? body = null)
    {
        var response = await client.PostJsonAsync("/api/v1/pages", body ?? Body());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonNode> PublishAsync(HttpClient client, JsonNode page)
    {
        var response = await client.PutAsJsonAsync(
            $"/api/v1/pages/{page["id"]}/status",
            new { version = page["version"]!.GetValue<int>(), status = "published" }
        );
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }
}
