namespace Participation.Ops.Tests.Infrastructure;

/// <summary>Where the checkout is, and the build configuration these tests were built with (the API's is the same).</summary>
public static class Repo
{
    /// <summary>The folder holding Participation.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>"Debug" or "Release": the segment after bin/ in this assembly's folder.</summary>
    public static string Configuration { get; } = FindConfiguration();

    public static string ApiProject => Path.Combine(Root, "api", "Participation.Api");

    public static string ApiDll => Path.Combine(ApiProject, "bin", Configuration, "net10.0", "Participation.Api.dll");

    /// <summary>A script under .ci/ (e.g. "pg.sh").</summary>
    public static string Ci(string script) => Path.Combine(Root, ".ci", script);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Participation.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"Participation.sln not found above {AppContext.BaseDirectory}");
    }

    private static string FindConfiguration()
    {
        var parts = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var bin = Array.LastIndexOf(parts, "bin");
        return bin >= 0 && bin + 1 < parts.Length ? parts[bin + 1] : "Debug";
    }
}
