using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Invitations;

internal static class InvitationTestKit
{
    public static async Task<Guid> DepartmentAsync(this ApiFactory api, HttpClient admin, string name = "Espaces verts") =>
        (await (await admin.PostJsonAsync("/api/v1/departments", new { name = new { fr = name, nl = name + " (nl)" } })).ReadJsonAsync())[
            "id"
        ]!.GetValue<Guid>();

    public static async Task<JsonNode> InviteAsync(
        this HttpClient client,
        string role,
        string scopeType,
        Guid? scopeId,
        params string[] emails
    )
    {
        var response = await client.PostJsonAsync(
            "/api/v1/invitations",
            new
            {
                invitees = emails.Select(e => new { email = e }).ToArray(),
                role,
                scopeType,
                scopeId,
                message = "Bienvenue <b>dans l'équipe</b> !",
            }
        );
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    public static Task<string> InvitationTokenAsync(this ApiFactory api, string email) => api.TokenFromLastEmailAsync(email, "invitation");

    public static Task<HttpResponseMessage> AcceptAsNewAsync(
        this HttpClient client,
        string token,
        string password = "a long enough password"
    ) =>
        client.PostAsJsonAsync(
            "/api/v1/invitations/accept",
            new
            {
                token,
                firstName = "Thomas",
                lastName = "Janssens",
                password,
                locale = "nl",
            }
        );
}
