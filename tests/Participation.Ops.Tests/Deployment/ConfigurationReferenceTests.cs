using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Participation.Ops.Tests.Infrastructure;

namespace Participation.Ops.Tests.Deployment;

/// <summary>
/// deploy/CONFIGURATION.md names every setting the API reads, in environment form (<c>Section__Key</c>): each settable
/// property of an options class (a class whose name ends in "Options" with a <c>Section</c> constant), each key of the
/// API's appsettings files, and each key read by name in its code (GetValue, GetSection, GetConnectionString, an
/// indexer, an environment variable).
/// </summary>
public sealed partial class ConfigurationReferenceTests
{
    private static readonly string Reference = File.ReadAllText(Path.Combine(Repo.Root, "deploy", "CONFIGURATION.md"));

    [Fact]
    public void Every_options_property_is_in_the_configuration_reference()
    {
        var keys = typeof(Participation.Api.Infrastructure.Database.ConnectionStrings)
            .Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal))
            .Select(t =>
                (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string)
            )
            .Where(x => x.Section is not null)
            .SelectMany(x =>
                x.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.SetMethod is { IsPublic: true })
                    .Select(p => $"{x.Section}__{p.Name}")
            )
            .ToList();

        Assert.True(keys.Count > 80, $"only {keys.Count} options properties found: has the naming changed?");
        AssertDocumented(keys.Where(k => !Documented(k)));
    }

    [Fact]
    public void Every_appsettings_key_is_in_the_configuration_reference()
    {
        var keys = new[] { "appsettings.json", "appsettings.Development.json" }
            .SelectMany(f => Leaves(JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.ApiProject, f)))!, ""))
            .Distinct()
            .ToList();

        Assert.Contains("Auth__SigningKey", keys);
        AssertDocumented(keys.Where(k => !Documented(k)));
    }

    [Fact]
    public void Every_key_read_by_name_in_the_code_is_in_the_configuration_reference()
    {
        var keys = Directory
            .EnumerateFiles(Repo.ApiProject, "*.cs", SearchOption.AllDirectories)
            .Where(f =>
                !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
            )
            .SelectMany(f => ReadByName().Matches(File.ReadAllText(f)))
            .Select(m => m.Groups["connection"].Success ? $"ConnectionStrings__{m.Groups["connection"].Value}" : m.Groups["key"].Value)
            .Select(k => k.Replace(":", "__"))
            .Distinct()
            .ToList();

        Assert.Contains("Database__MigrateOnStartup", keys);
        Assert.Contains("DATABASE_URL", keys);
        // A section read whole (GetSection("Storage")) is documented through its keys (Storage__Root).
        AssertDocumented(keys.Where(k => !Documented(k) && !Reference.Contains($"`{k}__", StringComparison.Ordinal)));
    }

    private static void AssertDocumented(IEnumerable<string> missing)
    {
        var list = missing.ToList();
        Assert.True(list.Count == 0, "missing from deploy/CONFIGURATION.md: " + string.Join(", ", list));
    }

    /// <summary>The key in back-quotes, alone or as a list (<c>Key__0..n</c>).</summary>
    private static bool Documented(string key) =>
        Reference.Contains($"`{key}`", StringComparison.Ordinal) || Reference.Contains($"`{key}__0..n`", StringComparison.Ordinal);

    private static IEnumerable<string> Leaves(JsonNode node, string prefix) =>
        node switch
        {
            JsonObject o => o.SelectMany(p => Leaves(p.Value!, prefix.Length == 0 ? p.Key : $"{prefix}__{p.Key}")),
            JsonArray => [prefix],
            _ => [prefix],
        };

    [GeneratedRegex(
        """(?:(?<![A-Za-z])GetValue(?:<[^>]+>)?\(\s*"(?<key>[^"]+)"|GetSection\(\s*"(?<key>[^"]+)"\)"""
            + """|GetConnectionString\(\s*"(?<connection>[^"]+)"\)"""
            + """|onfiguration\[\s*"(?<key>[^"]+)"\s*\]|GetEnvironmentVariable\(\s*"(?<key>[^"]+)"\))"""
    )]
    private static partial Regex ReadByName();
}
