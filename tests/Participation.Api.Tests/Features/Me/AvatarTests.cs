using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Participation.Api.Features.PersonalData;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Features.Media;
using Participation.Api.Tests.Infrastructure;
using SkiaSharp;

namespace Participation.Api.Tests.Features.Me;

/// <summary>Avatars: the image pipeline (content check, re-encoding, no EXIF), a 256 px square, shown beside the author's name.</summary>
public sealed class AvatarTests(ApiFactory api) : ApiTest(api)
{
    private const string Avatar = "/api/v1/me/avatar";

    /// <summary>A JPEG carrying an EXIF segment (APP1) with a recognisable text, as a phone would put its GPS position.</summary>
    private static byte[] JpegWithExif(string secret, int width, int height)
    {
        var jpeg = MediaTests.Encode(SKEncodedImageFormat.Jpeg, width, height);
        var payload = "Exif\0\0"u8.ToArray().Concat(System.Text.Encoding.ASCII.GetBytes(secret)).ToArray();
        var length = payload.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF), .. payload];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    private string[] StoredAvatars() =>
        Directory.Exists(Path.Combine(Api.StorageDirectory, "avatars"))
            ? Directory.GetFiles(Path.Combine(Api.StorageDirectory, "avatars"))
            : [];

    private static async Task<string> SetAsync(HttpClient client, byte[] bytes, string name = "me.jpg", string type = "image/jpeg")
    {
        var response = await client.PutAsync(Avatar, MediaTests.Form(bytes, name, type));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["avatarUrl"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_resident_sets_an_avatar_cut_to_a_256_px_square_without_metadata_shown_beside_their_name_everywhere()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        await c.CommentAsync(c.A, idea, "Mon avis");

        var url = await SetAsync(c.A, JpegWithExif("GPS 50.8467N 4.3525E", 900, 600));

        Assert.Matches("^/api/v1/avatars/[0-9a-f]{32}\\.jpg$", url);
        var image = await Api.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("immutable", image.Headers.CacheControl!.ToString());
        var served = await image.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain("GPS 50.8467N", System.Text.Encoding.ASCII.GetString(served));
        using (var bitmap = SKBitmap.Decode(served))
            Assert.Equal((256, 256), (bitmap.Width, bitmap.Height));

        // Beside her name: her profile, the idea list, the idea, its comments, her public profile.
        Assert.Equal(url, (await (await c.A.GetAsync("/api/v1/me")).ReadJsonAsync())["avatarUrl"]!.GetValue<string>());
        var anonymous = Api.CreateClient();
        var list = await (await anonymous.GetAsync($"/api/v1/projects/{c.P1}/ideas")).ReadJsonAsync();
        Assert.Equal(url, list["items"]![0]!["author"]!["avatarUrl"]!.GetValue<string>());
        Assert.Equal(url, (await c.GetIdeaAsync(anonymous, idea))["author"]!["avatarUrl"]!.GetValue<string>());
        var comments = await (await anonymous.GetAsync($"/api/v1/ideas/{idea}/comments")).ReadJsonAsync();
        Assert.Equal(url, comments["items"]![0]!["author"]!["avatarUrl"]!.GetValue<string>());
        var person = await (await anonymous.GetAsync($"/api/v1/people/{c.ResidentA.Id}")).ReadJsonAsync();
        Assert.Equal(url, person["avatarUrl"]!.GetValue<string>());
        // Bruno has none: his initials show.
        await c.CommentAsync(c.B, idea, "Le mien");
        var both = await (await anonymous.GetAsync($"/api/v1/ideas/{idea}/comments")).ReadJsonAsync();
        Assert.Null(both["items"]![1]!["author"]!["avatarUrl"]);

        var recorded = Assert.Single(await Api.EventsAsync("user.profile_edited"));
        Assert.Equal(c.ResidentA.Id, recorded.ActorId);
        Assert.Single(StoredAvatars());

        // A new picture replaces the old one: a new key, the old file and URL gone.
        var png = await SetAsync(c.A, MediaTests.Encode(SKEncodedImageFormat.Png, 100, 300), "me.png", "image/png");
        Assert.EndsWith(".png", png);
        Assert.NotEqual(url, png);
        using (var bitmap = SKBitmap.Decode(await (await anonymous.GetAsync(png)).Content.ReadAsByteArrayAsync()))
            Assert.Equal((100, 100), (bitmap.Width, bitmap.Height)); // a smaller picture is cut, not enlarged
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Single(StoredAvatars());
        Assert.Equal(2, (await Api.EventsAsync("user.profile_edited")).Count);
    }

    [Fact]
    public async Task Removing_the_avatar_deletes_its_file_shows_initials_and_repeating_changes_nothing()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);
        var url = await SetAsync(c.A, MediaTests.Encode(SKEncodedImageFormat.Webp, 300, 300), "me.webp", "image/webp");

        Assert.Equal(HttpStatusCode.NoContent, (await c.A.DeleteAsync(Avatar)).StatusCode);

        Assert.Empty(StoredAvatars());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.CreateClient().GetAsync(url)).StatusCode);
        Assert.Null((await c.GetIdeaAsync(c.A, idea))["author"]!["avatarUrl"]);
        Assert.Null((await (await c.A.GetAsync("/api/v1/me")).ReadJsonAsync())["avatarUrl"]);
        Assert.Equal(HttpStatusCode.NoContent, (await c.A.DeleteAsync(Avatar)).StatusCode);
        Assert.Equal(2, (await Api.EventsAsync("user.profile_edited")).Count); // set, removed; the second removal records nothing
    }

    [Theory]
    [InlineData("text")]
    [InlineData("empty")]
    [InlineData("svg")]
    [InlineData("truncated_png")]
    [InlineData("claims_png_is_jpeg")]
    [InlineData("too_large")]
    [InlineData("missing")]
    public async Task Bad_files_are_refused_and_nothing_is_stored_or_recorded(string kind)
    {
        var a = await Api.CreateUserAsync();
        var client = Api.ClientFor(a.Id);
        var png = MediaTests.Encode(SKEncodedImageFormat.Png);
        var bytes = kind switch
        {
            "text" => "just text pretending"u8.ToArray(),
            "svg" => "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(),
            "truncated_png" => png[..40],
            "claims_png_is_jpeg" => [0xFF, 0xD8, 0xFF, .. png[3..]],
            "too_large" => [.. png, .. new byte[6 * 1024 * 1024]],
            _ => [],
        };
        var events = await Api.CountAsync("events");

        var response =
            kind == "missing"
                ? await client.PutAsync(Avatar, new MultipartFormDataContent { { new StringContent("x"), "other" } })
                : await client.PutAsync(Avatar, MediaTests.Form(bytes));

        if (kind == "too_large")
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest });
        else
            await response.AssertFieldErrorsAsync("file");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(StoredAvatars());
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM users WHERE avatar_key IS NOT NULL"));
        Assert.Equal(events, await Api.CountAsync("events"));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_staff_set_their_own_and_an_unknown_or_forged_key_is_404()
    {
        var anonymous = Api.CreateClient();
        var png = MediaTests.Encode(SKEncodedImageFormat.Png);
        await (await anonymous.PutAsync(Avatar, MediaTests.Form(png))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.DeleteAsync(Avatar)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        var admin = await Api.CreateUserAsync(role: "admin");
        var url = await SetAsync(Api.ClientFor(admin.Id), png, "a.png", "image/png");
        Assert.Equal(
            url,
            await Api.ScalarAsync<string>("SELECT '/api/v1/avatars/' || avatar_key FROM users WHERE id = @Id", new { admin.Id })
        );

        await (await anonymous.GetAsync("/api/v1/avatars/00000000000000000000000000000000.png")).AssertProblemAsync(
            HttpStatusCode.NotFound
        );
        await (await anonymous.GetAsync("/api/v1/avatars/..%2F..%2Fsecret.png")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_avatar_is_in_the_personal_export_and_its_file_goes_with_the_account()
    {
        var a = await Api.CreateUserAsync();
        var client = Api.ClientFor(a.Id);
        var url = await SetAsync(client, MediaTests.Encode(SKEncodedImageFormat.Png), "a.png", "image/png");

        await using (var connection = await Api.OpenAsync())
        {
            var zip = await PersonalExportJob.BuildAsync(connection, null, a.Id, "fr", CancellationToken.None);
            using var archive = new ZipArchive(new MemoryStream(zip));
            await using var json = archive.GetEntry("data.json")!.Open();
            var data = (await JsonNode.ParseAsync(json))!;
            Assert.Equal(url, Assert.Single(data["avatar"]!.AsArray())!["url"]!.GetValue<string>());
        }

        var deleted = await client.PostJsonAsync("/api/v1/me/deletion", new { password = ApiFactory.Password });

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(StoredAvatars());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.CreateClient().GetAsync(url)).StatusCode);
    }
}
