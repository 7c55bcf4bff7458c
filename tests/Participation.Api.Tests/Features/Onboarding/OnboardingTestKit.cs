using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Onboarding;

/// <summary>Reads a person's onboarding through the API: a role's checklist, and which of its items are done.</summary>
internal static class OnboardingTestKit
{
    public static async Task<JsonArray> ChecklistsAsync(this HttpClient client, string language = "fr")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me/onboarding");
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["checklists"]!.AsArray();
    }

    public static async Task<JsonNode> ChecklistAsync(this HttpClient client, string role) =>
        (await client.ChecklistsAsync()).Single(c => c!["role"]!.GetValue<string>() == role)!;

    /// <summary>The items of the role's checklist that are done, by wire name.</summary>
    public static async Task<string[]> DoneAsync(this HttpClient client, string role) =>
        [
            .. (await client.ChecklistAsync(role))["items"]!
                .AsArray()
                .Where(i => i!["done"]!.GetValue<bool>())
                .Select(i => i!["step"]!.GetValue<string>()),
        ];

    public static Task<HttpResponseMessage> DismissAsync(this HttpClient client, string role, bool dismissed = true) =>
        client.PutAsJsonAsync("/api/v1/me/onboarding/dismissal", new { role, dismissed });
}
