namespace Participation.Api.Features.Organisations;

/// <summary>Field rules shared by creating and editing an organisation.</summary>
internal static class OrganisationRules
{
    public static IRuleBuilderOptions<T, string?> OrganisationName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => n is null || n.Trim().Length is >= 2 and <= 120)
            .WithMessage(_ => Messages.Get("between_2_120_chars"))
            .Must(n => n is null || !n.Any(TextRules.IsForbidden))
            .WithMessage(_ => Messages.Get("single_line"));

    public const string Public = "o.status = 'verified'";
}
