using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Participation.Ops.Tests.Infrastructure;
using SkiaSharp;

namespace Participation.Ops.Tests.Faults;

/// <summary>
/// A full upload disk: the API's file store is a 1 MiB tmpfs (mounted in the API process's own mount namespace, so
/// nothing on the machine is touched), filled to the last byte. An upload is then answered with a clear 507
/// problem+json, nothing half-written is left (no file, no temporary file, no database change), and once room is
/// made the same upload succeeds.
/// </summary>
public sealed class FullDiskTests
{
    private const string Email = "admin@full-disk.test";
    private const string Password = "Full-disk-password-1";

    [Fact]
    public async Task An_upload_to_a_full_disk_is_a_507_problem_and_leaves_nothing_behind()
    {
        var database = await OpsDatabase.CreateAsync("participation_ops_full_disk");
        var uploads = Path.Combine(Repo.Root, ".local", "ops-tests", "full-disk-uploads");
        Directory.CreateDirectory(uploads);
        // unshare: a private mount namespace (as root; otherwise also a user namespace where the caller maps to root).
        string[] prefix =
            Environment.UserName == "root"
                ? ["unshare", "--mount", "--propagation", "private"]
                : ["unshare", "--user", "--map-root-user", "--mount", "--propagation", "private"];
        prefix = [.. prefix, "sh", "-c", "mount -t tmpfs -o size=1m tmpfs \"$0\" && exec \"$@\"", uploads];

        await using var api = await ApiProcess.StartAsync(
            database,
            "full-disk",
            new Dictionary<string, string?> { ["Storage__Root"] = uploads },
            prefix: prefix
        );
        await api.SignInAsNewAdminAsync(Email, Password, lastName: "Plein");

        // The store as the API sees it: through its process's root, inside its mount namespace.
        var store = $"/proc/{api.Pid}/root{uploads}";
        Assert.True(Directory.Exists(store), store);
        var filler = Path.Combine(store, "filler.bin");
        FillToTheLastByte(filler);

        using (var refused = await api.Client.PutAsync("/api/v1/me/avatar", AvatarForm()))
        {
            Assert.Equal(HttpStatusCode.InsufficientStorage, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(507, problem.GetProperty("status").GetInt32());
            Assert.Equal("storage_full", problem.GetProperty("reason").GetString());
        }
        Assert.Equal(JsonValueKind.Null, (await MeAsync(api)).GetProperty("avatarUrl").ValueKind);
        Assert.Equal(["filler.bin"], Files(store)); // no picture, no temporary file

        File.Delete(filler);
        using (var accepted = await api.Client.PutAsync("/api/v1/me/avatar", AvatarForm()))
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(JsonValueKind.String, (await MeAsync(api)).GetProperty("avatarUrl").ValueKind);
        var stored = Assert.Single(Files(store));
        Assert.DoesNotContain(".tmp", stored, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> MeAsync(ApiProcess api) => await api.Client.GetFromJsonAsync<JsonElement>("/api/v1/me");

    private static string[] Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order()];

    /// <summary>Writes until the file system says there is no space left (ENOSPC), keeping what was written.</summary>
    private static void FillToTheLastByte(string path)
    {
        var chunk = new byte[4096];
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        for (var i = 0; i < 1024; i++) // 4 MiB at most: four times the store's size
        {
            try
            {
                file.Write(chunk);
            }
            catch (IOException)
            {
                return;
            }
        }
        throw new InvalidOperationException("the 1 MiB store never filled up: is it a tmpfs?");
    }

    /// <summary>A 400×300 PNG with some detail, as a browser sends it.</summary>
    private static MultipartFormDataContent AvatarForm()
    {
        using var bitmap = new SKBitmap(400, 300);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawCircle(200, 150, 100, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        var bytes = image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { file, "file", "avatar.png" } };
    }
}
