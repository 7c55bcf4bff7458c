namespace Participation.Api.Features.Topics;

/// <summary>What a topic's (or an area's) name, description and order may be: shared by creating and editing one.</summary>
public static class TopicRules
{
    public const int NameLength = 60;
    public const int DescriptionLength = 500;

    public static IRuleBuilderOptions<T, IReadOnlyDictionary<string, string>?> Description<T>(
        this IRuleBuilder<T, IReadOnlyDictionary<string, string>?> rule
    ) =>
        rule.Must(d => d is null || d.Keys.All(k => TextRules.Locales.Contains(k)))
            .WithMessage(_ => Messages.Get("locale_keys"))
            .Must(d => d is null || d.Values.All(v => v is null || v.Trim().Length <= DescriptionLength))
            .WithMessage(_ => Messages.Get("too_long"));

    public static IRuleBuilderOptions<T, int?> SortOrder<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(0, 10000).WithMessage(_ => Messages.Get("sort_order_range"));

    /// <summary>Translations without empty values, trimmed (null: none).</summary>
    public static string DescriptionJson(IReadOnlyDictionary<string, string>? description) =>
        LocalizedText.ToJson((description ?? new Dictionary<string, string>()).Where(kv => kv.Value is not null).ToDictionary());

    /// <summary>Whether a unique violation is about a name (in any language) of the table.</summary>
    public static bool IsNameTaken(this PostgresException ex, string table) =>
        ex.IsUniqueViolation() && ex.ConstraintName is { } name && name.StartsWith(table + "_name_", StringComparison.Ordinal);
}
