using System.Net;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Users;

public sealed class GetUserTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task A_public_profile_shows_names_and_never_the_email()
    {
        var user = await Api.CreateUserAsync(email: "secret@example.org", firstName: "Nathalie", lastName: "Leroy");
        var viewer = await Api.CreateUserAsync();

        foreach (var client in new[] { Api.CreateClient(), Api.ClientFor(viewer.Id), Api.ClientFor(user.Id) })
        {
            var response = await client.GetAsync($"/api/v1/users/{user.Id}");
            var raw = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("secret", raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("email", raw, StringComparison.OrdinalIgnoreCase);
            Assert.Equal("Nathalie", (await response.ReadJsonAsync())["firstName"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("not-a-uuid")]
    [InlineData("1%20OR%201=1")]
    public async Task Unknown_or_malformed_ids_are_404(string id)
    {
        await (await Api.CreateClient().GetAsync($"/api/v1/users/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
