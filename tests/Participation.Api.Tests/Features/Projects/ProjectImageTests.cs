using System.Net;
using System.Net.Http.Headers;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Projects;

[Collection(ApiCollection.B)]
public sealed class ProjectImageTests(ApiFactory api) : ApiTest(api)
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    );

    private static MultipartFormDataContent Form(byte[] bytes, string name = "header.png", string type = "image/png")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private int StoredFiles() =>
        Directory.Exists(Api.StorageDirectory) ? Directory.GetFiles(Api.StorageDirectory, "*", SearchOption.AllDirectories).Length : 0;

    [Fact]
    public async Task Staff_set_a_header_image_served_with_safe_headers()
    {
        var city = await City.CreateAsync(Api);
        var id = await city.ProjectAsync(city.Admin, city.D1, status: "published");

        var response = await city.Admin.PutAsync($"/api/v1/projects/{id}/image", Form(Png));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var url = (await response.ReadJsonAsync())["imageUrl"]!.GetValue<string>();
        Assert.Equal(
            url,
            (await (await Api.CreateClient().GetAsync($"/api/v1/projects/{id}")).ReadJsonAsync())["imageUrl"]!.GetValue<string>()
        );
        var image = await Api.CreateClient().GetAsync(url);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", image.Headers.GetValues("Content-Security-Policy").Single());
        await (await Api.CreateClient().GetAsync($"/api/v1/projects/{id}/image")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.OK, (await city.Admin.PutAsync($"/api/v1/projects/{id}/image", Form(Png))).StatusCode);
        Assert.Equal(1, StoredFiles()); // the replaced image is gone
        await (await Api.CreateClient().GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("empty")]
    [InlineData("svg")]
    public async Task Files_that_are_not_images_by_content_are_refused_and_nothing_is_stored(string kind)
    {
        var city = await City.CreateAsync(Api);
        var id = await city.ProjectAsync(city.Admin, city.D1);
        var bytes = kind switch
        {
            "text" => "just text pretending"u8.ToArray(),
            "svg" => "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(),
            _ => [],
        };

        var response = await city.Admin.PutAsync($"/api/v1/projects/{id}/image", Form(bytes));

        await response.AssertFieldErrorsAsync("file");
        Assert.Equal(0, StoredFiles());
        Assert.Null(await Api.ScalarAsync<string?>("SELECT image_key FROM projects"));
    }

    [Fact]
    public async Task An_oversized_image_is_refused_and_nothing_is_stored()
    {
        var city = await City.CreateAsync(Api);
        var id = await city.ProjectAsync(city.Admin, city.D1);
        var big = new byte[6 * 1024 * 1024];
        Png.CopyTo(big, 0);

        var response = await city.Admin.PutAsync($"/api/v1/projects/{id}/image", Form(big));

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest });
        Assert.Equal(0, StoredFiles());
    }

    [Fact]
    public async Task Only_the_projects_staff_change_its_image()
    {
        var city = await City.CreateAsync(Api);
        var id = await city.ProjectAsync(city.Admin, city.D1, status: "published");

        await (await (await City.As(Api, city.Head2)).PutAsync($"/api/v1/projects/{id}/image", Form(Png))).AssertProblemAsync(
            HttpStatusCode.Forbidden
        );
        await (
            await Api.ClientFor((await Api.CreateUserAsync()).Id).PutAsync($"/api/v1/projects/{id}/image", Form(Png))
        ).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Api.CreateClient().PutAsync($"/api/v1/projects/{id}/image", Form(Png))).AssertProblemAsync(
            HttpStatusCode.Unauthorized
        );
        Assert.Equal(0, StoredFiles());
    }
}
