using System.Text.Json;

namespace Participation.Api.Infrastructure.Validation;

/// <summary>
/// Admin-written multilingual text: <c>{"fr": "...", "nl": "...", "en": "..."}</c>. French, the
/// platform's default language, is required; readers fall back to it.
/// </summary>
public static class LocalizedText
{
    public static IRuleBuilderOptions<T, IReadOnlyDictionary<string, string>?> Localized<T>(
        this IRuleBuilder<T, IReadOnlyDictionary<string, string>?> rule,
        int maxLength,
        bool singleLine = true
    ) =>
        rule.NotNull()
            .WithMessage(_ => Messages.Get("required"))
            .Must(d => d is null || (d.TryGetValue("fr", out var fr) && !string.IsNullOrWhiteSpace(fr)))
            .WithMessage(_ => Messages.Get("french_required"))
            .Must(d => d is null || d.Keys.All(k => TextRules.Locales.Contains(k)))
            .WithMessage(_ => Messages.Get("locale_keys"))
            .Must(d => d is null || d.Values.All(v => v is not null && v.Trim().Length <= maxLength))
            .WithMessage(_ => Messages.Get("too_long"))
            .Must(d => d is null || !singleLine || d.Values.All(v => v is null || !v.Any(TextRules.IsForbidden)))
            .WithMessage(_ => Messages.Get("single_line"));

    /// <summary>Trimmed, without empty translations, serialised for a jsonb column.</summary>
    public static string ToJson(IReadOnlyDictionary<string, string> text) =>
        JsonSerializer.Serialize(text.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value.Trim()));

    public static Dictionary<string, string> FromJson(string json) => JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    /// <summary>The text in <paramref name="language"/>, else French, else any.</summary>
    public static string Pick(IReadOnlyDictionary<string, string> text, string language) =>
        text.TryGetValue(language, out var v) ? v
        : text.TryGetValue("fr", out var fr) ? fr
        : text.Values.FirstOrDefault() ?? "";
}
