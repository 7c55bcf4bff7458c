namespace Participation.Ops.Tests.Deployment;

/// <summary>
/// The systemd units of deploy/systemd/ pass `systemd-analyze verify`. It needs Debian's systemd package, which
/// `make test` installs when missing (.ci/test.sh); without it the test fails rather than pass unverified.
/// </summary>
public sealed class SystemdUnitsTests
{
    [Fact]
    public async Task The_systemd_units_verify()
    {
        Assert.True(
            File.Exists("/usr/bin/systemd-analyze") || File.Exists("/bin/systemd-analyze"),
            "systemd-analyze is missing, so the units cannot be verified: install Debian's systemd package "
                + "(apt-get install systemd; `make test` does it)"
        );
        var folder = Path.Combine(Path.GetTempPath(), $"participation-units-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            // The units as shipped, but for the binary (not installed here): /bin/true in its place.
            foreach (var unit in Directory.GetFiles(Path.Combine(Infrastructure.Repo.Root, "deploy", "systemd"), "participation*"))
            {
                var text = (await File.ReadAllTextAsync(unit)).Replace("/opt/participation/api/Participation.Api", "/bin/true");
                await File.WriteAllTextAsync(Path.Combine(folder, Path.GetFileName(unit)), text);
            }
            var result = await Shell.RunAsync(
                "systemd-analyze",
                [
                    "verify",
                    "--man=no",
                    Path.Combine(folder, "participation-api@5001.service"), // the template's instance on port 5001
                    Path.Combine(folder, "participation-migrate.service"),
                    Path.Combine(folder, "participation.target"),
                ],
                new Dictionary<string, string> { ["SYSTEMD_UNIT_PATH"] = folder + ":" },
                limit: TimeSpan.FromMinutes(2)
            );
            Assert.True(result.ExitCode == 0 && result.Error.Length == 0, result.Both);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
