using System.Text.RegularExpressions;

namespace Participation.Api.Features.Operator;

/// <summary>What a city's slug and addresses may be (the checks of migration 0040, answered as 400s before any write).</summary>
public static partial class CityRules
{
    public const int MaxDomains = 10;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")]
    private static partial Regex HostPattern();

    public static bool IsSlug(string? slug) => slug is { Length: > 0 and <= 63 } && SlugPattern().IsMatch(slug);

    /// <summary>A host name, lower case, without scheme, port or path.</summary>
    public static bool IsHost(string? host) => host is { Length: > 0 and <= 253 } && HostPattern().IsMatch(host);

    /// <summary>The addresses as stored: trimmed and lower case.</summary>
    public static List<string> Normalize(IEnumerable<string?>? domains) =>
        (domains ?? []).Select(d => (d ?? "").Trim().ToLowerInvariant()).ToList();

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> Domains<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Must(d => d is { Count: > 0 and <= MaxDomains })
            .WithMessage($"Between 1 and {MaxDomains} addresses.")
            .Must(d => d is null || Normalize(d).All(IsHost))
            .WithMessage("An address is a host name (letters, digits, '-' and '.'; no scheme, port or path).")
            .Must(d => d is null || Normalize(d).Distinct().Count() == d.Count)
            .WithMessage("Each address once.");
}
