using System.Net;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Platform;

[Collection(ApiCollection.C)]
public sealed class GetPlatformTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Anyone_can_read_the_platform_name_and_languages()
    {
        var response = await Api.CreateClient().GetAsync("/api/v1/platform");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var platform = await response.ReadJsonAsync();
        Assert.False(string.IsNullOrWhiteSpace(platform["name"]!.GetValue<string>()));
        Assert.Equal(["fr", "nl", "en"], platform["languages"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal("fr", platform["defaultLanguage"]!.GetValue<string>());
    }
}
