using System.Net;
using System.Net.Http.Headers;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;
using SkiaSharp;

namespace Participation.Api.Tests.Features.Media;

/// <summary>Images for rich texts: uploaded by staff who write texts, checked by content, stripped of metadata, served to all.</summary>
public sealed class MediaTests(ApiFactory api) : ApiTest(api)
{
    internal static byte[] Encode(SKEncodedImageFormat format, int width = 40, int height = 20)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.CornflowerBlue);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }

    /// <summary>A JPEG carrying an EXIF segment (APP1) with a recognisable text, as a camera would put its GPS position.</summary>
    private static byte[] JpegWithExif(string secret)
    {
        var jpeg = Encode(SKEncodedImageFormat.Jpeg);
        var payload = "Exif\0\0"u8.ToArray().Concat(System.Text.Encoding.ASCII.GetBytes(secret)).ToArray();
        var length = payload.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF), .. payload];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    internal static MultipartFormDataContent Form(byte[] bytes, string name = "photo.png", string type = "image/png")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private int StoredFiles() =>
        Directory.Exists(Api.StorageDirectory) ? Directory.GetFiles(Api.StorageDirectory, "*", SearchOption.AllDirectories).Length : 0;

    [Fact]
    public async Task A_moderator_uploads_an_image_served_to_everyone_with_safe_headers_and_no_metadata()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var response = await c.Mod1.PostAsync("/api/v1/media/images", Form(JpegWithExif("GPS 50.8467N 4.3525E"), "photo.jpg"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var url = body["url"]!.GetValue<string>();
        Assert.Matches("^/api/v1/media/[0-9a-f]{32}\\.jpg$", url);
        Assert.Equal(url, response.Headers.Location!.OriginalString);
        Assert.Equal("image/jpeg", body["contentType"]!.GetValue<string>());
        Assert.Equal(40, body["width"]!.GetValue<int>());

        var image = await Api.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("immutable", image.Headers.CacheControl!.ToString());
        Assert.Contains("sandbox", image.Headers.GetValues("Content-Security-Policy").Single());
        var served = await image.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xD8, 0xFF], served[..3]);
        Assert.DoesNotContain("GPS 50.8467N", System.Text.Encoding.ASCII.GetString(served));

        Assert.Equal(1, await Api.CountAsync("media"));
        Assert.Equal(c.Moderator1.Id, await Api.ScalarAsync<Guid>("SELECT uploaded_by FROM media"));
        Assert.Equal(1L, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'media.image_uploaded' AND audited"));
        await (await Api.CreateClient().GetAsync("/api/v1/media/00000000000000000000000000000000.png")).AssertProblemAsync(
            HttpStatusCode.NotFound
        );
        await (await Api.CreateClient().GetAsync("/api/v1/media/..%2F..%2Fsecret.png")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "image/png")]
    [InlineData(SKEncodedImageFormat.Webp, "image/webp")]
    public async Task Png_and_webp_keep_their_format(SKEncodedImageFormat format, string type)
    {
        var c = await IdeaCity.CreateAsync(Api);

        var response = await c.Admin.PostAsync("/api/v1/media/images", Form(Encode(format)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var image = await Api.CreateClient().GetAsync((await response.ReadJsonAsync())["url"]!.GetValue<string>());
        Assert.Equal(type, image.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_huge_image_is_scaled_down()
    {
        var c = await IdeaCity.CreateAsync(Api);

        var response = await c.Admin.PostAsync("/api/v1/media/images", Form(Encode(SKEncodedImageFormat.Png, 4800, 100)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2400, (await response.ReadJsonAsync())["width"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("text")]
    [InlineData("empty")]
    [InlineData("svg")]
    [InlineData("truncated_png")]
    [InlineData("too_large")]
    [InlineData("missing")]
    public async Task Bad_files_are_refused_and_nothing_is_stored(string kind)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var png = Encode(SKEncodedImageFormat.Png);
        var bytes = kind switch
        {
            "text" => "just text pretending"u8.ToArray(),
            "svg" => "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(),
            "truncated_png" => png[..20], // a PNG's signature, then nothing that decodes
            "too_large" => [.. png, .. new byte[6 * 1024 * 1024]],
            _ => [],
        };
        var events = await Api.CountAsync("events");

        var response =
            kind == "missing"
                ? await c.Admin.PostAsync("/api/v1/media/images", new MultipartFormDataContent { { new StringContent("x"), "other" } })
                : await c.Admin.PostAsync("/api/v1/media/images", Form(bytes));

        if (kind == "too_large")
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest });
        else
            await response.AssertFieldErrorsAsync("file");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, StoredFiles());
        Assert.Equal(0, await Api.CountAsync("media"));
        Assert.Equal(events, await Api.CountAsync("events"));
    }
}

/// <summary>The authorization matrix (QUALITY.md §2) of uploading images: staff who write texts only.</summary>
public sealed class MediaAuthorizationTests(ApiFactory api) : ApiTest(api)
{
    private static int Expected(string actor, string action) =>
        actor switch
        {
            "anonymous" => 401,
            "admin" or "communication_manager" or "head_d1" or "head_d2" or "moderator_p1" or "moderator_p2" => 201,
            _ => 403, // residents, IT managers, elected officials
        };

    public static TheoryData<string, string, int> Matrix() => AuthorizationMatrix.Build(AuthorizationMatrix.Actors, ["upload"], Expected);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_upload_images(string actor, string action, int expected)
    {
        var c = await IdeaCity.CreateAsync(Api);
        var client = await c.ClientAsync(actor);
        var events = await Api.CountAsync("events");

        var response = await client.PostAsync("/api/v1/media/images", MediaTests.Form(MediaTests.Encode(SKEncodedImageFormat.Png)));

        Assert.True(
            (int)response.StatusCode == expected,
            $"{actor} {action}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
        if (expected >= 400)
        {
            await response.AssertProblemAsync(response.StatusCode);
            Assert.Equal(0, await Api.CountAsync("media"));
            Assert.Equal(events, await Api.CountAsync("events"));
        }
    }
}
