using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Participation.Ops.Tests.Infrastructure;

namespace Participation.Ops.Tests.Deployment;

/// <summary>
/// deploy/backup.sh and deploy/restore.sh round-trip a real platform: data written through the API (an admin made by
/// the operator command, a department, a project and its header image) is backed up while the API runs, restored into
/// a new database and uploads folder, and read back through an API started on the copy — the same texts and the same
/// image bytes. A second restore into the now non-empty target is refused and changes nothing.
/// </summary>
public sealed class BackupRestoreTests
{
    private const string Email = "admin@backup.participation.test";
    private const string Password = "Backup-password-2026";

    // A PNG by its signature (what the API checks) and 4 KB of this run's own bytes: a header image is stored as uploaded,
    // so the same bytes must come back from the restored copy.
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. RandomBytes(4096)];

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public async Task A_backup_restored_into_an_empty_database_and_folder_serves_the_same_data_and_files()
    {
        var work = Path.Combine(Repo.Root, ".local", "ops-tests", "deploy-backup");
        if (Directory.Exists(work))
            Directory.Delete(work, recursive: true);
        var storage = Directory.CreateDirectory(Path.Combine(work, "uploads")).FullName;
        var restoredStorage = Path.Combine(work, "restored-uploads");
        var database = await OpsDatabase.CreateAsync("participation_ops_deploy_source");

        // The operator's command makes the first admin (and migrates the empty database).
        var admin = await Shell.RunAsync(
            "dotnet",
            [Repo.ApiDll, "create-admin", "--email", Email, "--first-name", "Ada", "--last-name", "Lovelace"],
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Participation"] = database,
                ["ADMIN_PASSWORD"] = Password,
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Email__PickupDirectory"] = Path.Combine(work, "mail"),
            },
            Repo.ApiProject
        );
        Assert.True(admin.ExitCode == 0, admin.Both);

        Guid project;
        var title = $"Rénovation de la place {Guid.NewGuid():N}";
        string backup;
        await using (var api = await ApiProcess.StartAsync(database, "deploy-backup-source", Settings(storage)))
        {
            await api.SignInAsync(Email, Password);
            var client = api.Client;
            var department = await CreatedIdAsync(
                await client.PostAsJsonAsync("/api/v1/departments", new { name = new { fr = "Voirie" } })
            );
            project = await CreatedIdAsync(
                await client.PostAsJsonAsync(
                    "/api/v1/projects",
                    new
                    {
                        departmentId = department,
                        title = new { fr = title, nl = "Renovatie" },
                        summary = new { fr = "Des arbres et des bancs" },
                    }
                )
            );
            var file = new ByteArrayContent(Png);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            var upload = await client.PutAsync(
                $"/api/v1/projects/{project}/image",
                new MultipartFormDataContent { { file, "file", "place.png" } }
            );
            Assert.True(upload.StatusCode == HttpStatusCode.OK, await upload.Content.ReadAsStringAsync());
            // A draft's image is reached through the URL the project gives (it carries the file's key).
            Assert.Equal(Png, await ImageAsync(client, project));

            // Taken while the API runs, as the nightly timer would.
            var made = await Shell.RunAsync(
                "bash",
                [DeployScript("backup.sh"), "--database", database, "--storage", storage, "--out", Path.Combine(work, "backups")]
            );
            Assert.True(made.ExitCode == 0, made.Both);
            backup = made.Output.Split('\n').Last();
        }
        foreach (var part in new[] { "database.dump", "storage.tar.gz", "manifest.txt", "SHA256SUMS" })
            Assert.True(File.Exists(Path.Combine(backup, part)), $"{part} missing in {backup}");

        var restored = await OpsDatabase.CreateAsync("participation_ops_deploy_restored");
        var restore = await Shell.RunAsync(
            "bash",
            [DeployScript("restore.sh"), "--from", backup, "--database", restored, "--storage", restoredStorage]
        );
        Assert.True(restore.ExitCode == 0, restore.Both);

        // Once restored, the target is not empty: a second restore is refused (exit 3) without --force.
        var again = await Shell.RunAsync(
            "bash",
            [DeployScript("restore.sh"), "--from", backup, "--database", restored, "--storage", restoredStorage]
        );
        Assert.True(again.ExitCode == 3, again.Both);
        Assert.Contains("not empty", again.Error);

        await using (var copy = await ApiProcess.StartAsync(restored, "deploy-backup-restored", Settings(restoredStorage)))
        {
            await copy.SignInAsync(Email, Password); // the admin's account and password hash came back
            var client = copy.Client;
            var read = await client.GetFromJsonAsync<JsonObject>($"/api/v1/projects/{project}");
            Assert.Equal(title, read!["title"]!["fr"]!.GetValue<string>());
            Assert.Equal(Png, await ImageAsync(client, project)); // the file came back under the key the row names
        }
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_before_anything_is_written()
    {
        var work = Path.Combine(Repo.Root, ".local", "ops-tests", "deploy-damaged");
        if (Directory.Exists(work))
            Directory.Delete(work, recursive: true);
        var storage = Directory.CreateDirectory(Path.Combine(work, "uploads")).FullName;
        await File.WriteAllTextAsync(Path.Combine(storage, "a.txt"), "a file");
        var source = await OpsDatabase.CreateAsync("participation_ops_deploy_damaged");
        var made = await Shell.RunAsync(
            "bash",
            [DeployScript("backup.sh"), "--database", source, "--storage", storage, "--out", Path.Combine(work, "backups")]
        );
        Assert.True(made.ExitCode == 0, made.Both);
        var backup = made.Output.Split('\n').Last();
        await File.AppendAllTextAsync(Path.Combine(backup, "storage.tar.gz"), "x");

        var target = Path.Combine(work, "restored-uploads");
        var restore = await Shell.RunAsync(
            "bash",
            [DeployScript("restore.sh"), "--from", backup, "--database", source, "--storage", target]
        );

        Assert.True(restore.ExitCode == 4, restore.Both);
        Assert.False(Directory.Exists(target));
    }

    private static string DeployScript(string name) => Path.Combine(Repo.Root, "deploy", name);

    private static Dictionary<string, string?> Settings(string storage) => new() { ["Storage__Root"] = storage };

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private static async Task<byte[]> ImageAsync(HttpClient client, Guid project)
    {
        var url = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/projects/{project}"))!["imageUrl"]!.GetValue<string>();
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }
}
