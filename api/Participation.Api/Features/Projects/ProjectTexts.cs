using Participation.Api.Infrastructure.Content;

namespace Participation.Api.Features.Projects;

/// <summary>The multilingual texts of a project page, as written by its staff.</summary>
public interface IProjectTexts
{
    IReadOnlyDictionary<string, string>? Title { get; }
    IReadOnlyDictionary<string, string>? Summary { get; }
    IReadOnlyDictionary<string, string>? Description { get; }
    IReadOnlyDictionary<string, string>? Goals { get; }
    IReadOnlyDictionary<string, string>? TargetAudience { get; }
    IReadOnlyList<string>? Topics { get; }
}

public static class ProjectTexts
{
    /// <summary>Plain texts trimmed, rich texts sanitised, ready for the jsonb columns (null: unchanged).</summary>
    public static ProjectTextColumns ToParameters(this IProjectTexts t) => new(t);
}

public sealed class ProjectTextColumns(IProjectTexts t)
{
    public string? Title => t.Title is null ? null : LocalizedText.ToJson(t.Title);
    public string? Summary => t.Summary is null ? null : LocalizedText.ToJson(t.Summary);
    public string? Description =>
        t.Description is null ? null : System.Text.Json.JsonSerializer.Serialize(RichText.Sanitize(t.Description));
    public string? Goals => t.Goals is null ? null : System.Text.Json.JsonSerializer.Serialize(RichText.Sanitize(t.Goals));
    public string? TargetAudience => t.TargetAudience is null ? null : LocalizedText.ToJson(t.TargetAudience);
}

/// <summary>Rules for the texts, shared by creating and editing (creating requires the title).</summary>
public sealed class ProjectTextsRules<T> : AbstractValidator<T>
    where T : IProjectTexts
{
    public ProjectTextsRules(bool creating)
    {
        if (creating)
            RuleFor(t => t.Title).Localized(160);
        else
            RuleFor(t => t.Title).Localized(160).When(t => t.Title is not null);
        RuleFor(t => t.Summary).Localized(300).When(t => t.Summary is { Count: > 0 });
        RuleFor(t => t.TargetAudience).Localized(300).When(t => t.TargetAudience is { Count: > 0 });
        RuleFor(t => t.Description)
            .Must(d => d is null || d.Keys.All(TextRules.Locales.Contains) && d.Values.All(v => v is not null && v.Length <= 50_000))
            .WithMessage(_ => Messages.Get("too_long"));
        RuleFor(t => t.Goals)
            .Must(d => d is null || d.Keys.All(TextRules.Locales.Contains) && d.Values.All(v => v is not null && v.Length <= 20_000))
            .WithMessage(_ => Messages.Get("too_long"));
        RuleFor(t => t.Topics)
            .Must(t =>
                t is null
                || (t.Count <= 10 && t.All(x => x is not null && x.Trim().Length is >= 1 and <= 40 && !x.Any(TextRules.IsForbidden)))
            )
            .WithMessage(_ => Messages.Get("topics_rule"));
    }
}
