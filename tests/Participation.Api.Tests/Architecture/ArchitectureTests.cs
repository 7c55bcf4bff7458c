using System.Text.RegularExpressions;
using Participation.Api.Infrastructure.Enums;

namespace Participation.Api.Tests.Architecture;

/// <summary>
/// Rules of the code base's shape, read from the API's sources: a fact is recorded once, as an event, by the one
/// recorder; nothing else writes the audit log or notifications; plumbing does not reach into features.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string Root = FindRoot();
    private static readonly string Api = Path.Combine(Root, "api", "Participation.Api");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Participation.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Participation.sln not found above the test binaries.");
    }

    /// <summary>Every C# source of the API (not its build output), as path relative to api/Participation.Api/ with '/' and its
    /// text.</summary>
    private static IEnumerable<(string Path, string Text)> Sources() =>
        Directory
            .EnumerateFiles(Api, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Api, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(Path.Combine(Api, f))));

    private static List<string> Matching(Regex pattern, params string[] allowed) =>
        Sources().Where(s => pattern.IsMatch(s.Text) && !allowed.Contains(s.Path)).Select(s => s.Path).ToList();

    [GeneratedRegex(@"\bNpgsqlDataSource\b")]
    private static partial Regex OwnerDataSource();

    /// <summary>Features open their city's connections (CityDb), never the owner's, which row-level security does not
    /// restrict. The change cursor reads the primary's WAL position only.</summary>
    [Fact]
    public void Features_never_take_the_owners_connections()
    {
        var offenders = Matching(OwnerDataSource(), "Features/Feed/GetChangeCursor.cs")
            .Where(p => p.StartsWith("Features/", StringComparison.Ordinal));
        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"\bPlatformDb\b")]
    private static partial Regex PlatformConnections();

    /// <summary>The console's slices of support with consent: the cities open to support (read across cities) and opening a
    /// session (the operator's name, the operators' audit).</summary>
    private static readonly string[] ConsoleSupportSlices =
    [
        "Features/Support/ListSupportCities.cs",
        "Features/Support/OpenSupportSession.cs",
    ];

    /// <summary>The owner's connections have one other door, PlatformDb: the vendor's console only (Features/Operator and
    /// the console's support slices), which works outside any city (issue 19).</summary>
    [Fact]
    public void Only_the_operators_console_takes_the_platforms_connections()
    {
        var offenders = Matching(PlatformConnections())
            .Where(p =>
                p.StartsWith("Features/", StringComparison.Ordinal)
                && !p.StartsWith("Features/Operator/", StringComparison.Ordinal)
                && !ConsoleSupportSlices.Contains(p)
            );
        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+audit_log\b", RegexOptions.IgnoreCase)]
    private static partial Regex WritesAuditLog();

    [GeneratedRegex(@"\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+events\b", RegexOptions.IgnoreCase)]
    private static partial Regex WritesEvents();

    [GeneratedRegex(@"\bINSERT\s+INTO\s+notifications\b", RegexOptions.IgnoreCase)]
    private static partial Regex WritesNotifications();

    [GeneratedRegex(@"\bNotifier\s*\.\s*NotifyAsync\b")]
    private static partial Regex CallsNotifier();

    [GeneratedRegex(@"\bParticipation\.Api\.Features\b|(?<![\w.])Features\.[A-Z]")]
    private static partial Regex ReachesFeatures();

    [GeneratedRegex(@"\.Map(Get|Post|Put|Patch|Delete|Methods)\s*\(")]
    private static partial Regex MapsARoute();

    [Fact]
    public void The_sources_are_found() => Assert.Contains(Sources(), s => s.Path == "Features/Events/EventRecorder.cs");

    [Fact]
    public void No_handler_writes_the_audit_log_it_is_read_from_the_events() => Assert.Empty(Matching(WritesAuditLog()));

    [Fact]
    public void Only_the_recorder_writes_events() =>
        // Account deletion rewrites the deleted person's id in past payloads (GDPR), the one other writer.
        Assert.Empty(Matching(WritesEvents(), "Features/Events/EventRecorder.cs", "Features/PersonalData/AccountEraser.cs"));

    [Fact]
    public void No_handler_notifies_directly_notifications_fan_out_from_the_events()
    {
        var calls = Sources()
            .Where(s => CallsNotifier().IsMatch(s.Text) && !s.Path.StartsWith("Features/Notifications/", StringComparison.Ordinal))
            .Select(s => s.Path)
            .ToList();
        Assert.Empty(calls);
        Assert.Empty(
            Sources()
                .Where(s =>
                    WritesNotifications().IsMatch(s.Text) && !s.Path.StartsWith("Features/Notifications/", StringComparison.Ordinal)
                )
                .Select(s => s.Path)
        );
    }

    /// <summary>
    /// Infrastructure is plumbing (database, e-mail transport, errors, security, OpenAPI, jobs runner) and must not
    /// depend on features: domain rules live in their feature folders (participation rules in Features/Phases, roles
    /// and grants in Features/Grants, notifications in Features/Notifications). The composition root (ApiHost, Cli)
    /// is the one place that knows both.
    /// </summary>
    [Fact]
    public void Infrastructure_does_not_depend_on_features()
    {
        var infrastructure = Sources().Where(s => s.Path.StartsWith("Infrastructure/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(infrastructure);
        Assert.Empty(infrastructure.Where(s => ReachesFeatures().IsMatch(s.Text)).Select(s => s.Path));
    }

    /// <summary>
    /// A feature's routes are all in its route table (<c>*Endpoints.cs</c>: verb, path, handler, name, access, limits);
    /// its use cases hold the <c>Endpoint</c> methods the table points to.
    /// </summary>
    [Fact]
    public void Routes_are_mapped_only_in_the_route_tables()
    {
        var features = Sources().Where(s => s.Path.StartsWith("Features/", StringComparison.Ordinal)).ToList();
        Assert.Contains(features, s => s.Path.EndsWith("Endpoints.cs", StringComparison.Ordinal) && MapsARoute().IsMatch(s.Text));
        Assert.Empty(
            features
                .Where(s => !s.Path.EndsWith("Endpoints.cs", StringComparison.Ordinal) && MapsARoute().IsMatch(s.Text))
                .Select(s => s.Path)
        );
    }

    /// <summary>Endpoints take the caller as one <c>Caller</c> parameter, bound from the validated token; none reads claims.</summary>
    [Fact]
    public void Endpoints_bind_the_caller_and_never_read_claims() =>
        Assert.Empty(
            Sources()
                .Where(s =>
                    s.Path.StartsWith("Features/", StringComparison.Ordinal) && s.Text.Contains("ClaimsPrincipal", StringComparison.Ordinal)
                )
                .Select(s => s.Path)
        );

    /// <summary>
    /// A guard, not the proof: each type's proof is a feature test that makes it happen through the API and checks the
    /// event (actor, subject, scope, before/after). This only checks that some test outside the generic ones names the
    /// type (wire name or member), so a new type without any test fails here. (The audit log's and the reader's tests record arbitrary
    /// types: they do not count.)
    /// </summary>
    [Fact]
    public void Every_event_type_of_the_catalogue_is_named_by_a_feature_test()
    {
        var tests = Path.Combine(Root, "tests", "Participation.Api.Tests");
        var texts = Directory
            .EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f =>
                !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) is not ("AuditLogTests.cs" or "EventReaderTests.cs" or "ArchitectureTests.cs")
            )
            .Select(File.ReadAllText)
            .ToList();
        var untested = Participation
            .Api.Features.Events.EventCatalogue.All.Where(t =>
                !texts.Any(text =>
                    text.Contains($"\"{t.ToWire()}\"", StringComparison.Ordinal)
                    || text.Contains($"'{t.ToWire()}'", StringComparison.Ordinal)
                    || text.Contains($"EventType.{t}", StringComparison.Ordinal)
                )
            )
            .Select(t => t.ToWire())
            .ToList();
        Assert.Empty(untested);
    }
}
