using System.Net.Mail;

namespace Participation.Api.Infrastructure.Validation;

/// <summary>
/// Shared field rules. Stated rule for hostile text: control characters and bidirectional overrides are
/// refused in single-line fields; everything else (markup, emoji, 4-byte UTF-8) is stored as given and
/// encoded on output by its consumer.
/// </summary>
public static class TextRules
{
    public static readonly string[] Locales = ["fr", "nl", "en"];

    public static IRuleBuilderOptions<T, string> PersonName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .WithMessage(_ => Messages.Get("required"))
            .Must(v => v is null || v.Trim().Length is >= 1 and <= 100)
            .WithMessage(_ => Messages.Get("name_length"))
            .SingleLine();

    public static IRuleBuilderOptions<T, string> SingleLine<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(v => v is null || !v.Any(IsForbidden)).WithMessage(_ => Messages.Get("single_line"));

    public static IRuleBuilderOptions<T, string> EmailAddress<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .WithMessage(_ => Messages.Get("required"))
            .MaximumLength(254)
            .WithMessage(_ => Messages.Get("email_length"))
            .Must(IsEmail)
            .WithMessage(_ => Messages.Get("email_invalid"));

    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .WithMessage(_ => Messages.Get("required"))
            .Must(p => p is null || p.Length is >= Passwords.MinLength and <= Passwords.MaxLength)
            .WithMessage(_ => Messages.Get("password_length"));

    public static IRuleBuilderOptions<T, string?> Locale<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(l => l is null || Locales.Contains(l)).WithMessage(_ => Messages.Get("locale"));

    /// <summary>An absolute http(s) URL, at most 300 characters.</summary>
    public static IRuleBuilderOptions<T, string?> WebAddress<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v =>
                v is null
                || (
                    v.Length <= 300
                    && Uri.TryCreate(v.Trim(), UriKind.Absolute, out var u)
                    && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)
                    && u.Host.Contains('.')
                )
            )
            .WithMessage(_ => Messages.Get("website_invalid"));

    /// <summary>Plain multi-line text: line breaks and tabs allowed, other control characters not.</summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.Must(v => v is null || v.Length <= maxLength)
            .WithMessage(_ => Messages.Get("too_long"))
            .Must(v =>
                v is null
                || !v.Any(ch =>
                    (char.IsControl(ch) && ch is not '\n' and not '\r' and not '\t')
                    || ch is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'
                )
            )
            .WithMessage(_ => Messages.Get("single_line"));

    /// <summary>A required token or secret: present, bounded.</summary>
    public static IRuleBuilderOptions<T, string> RequiredText<T>(this IRuleBuilder<T, string> rule, int maxLength) =>
        rule.NotEmpty().WithMessage(_ => Messages.Get("required")).MaximumLength(maxLength).WithMessage(_ => Messages.Get("too_long"));

    /// <summary>Escapes LIKE wildcards so a search for "50%" or "a_b" means those characters.</summary>
    public static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static bool IsEmail(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return false;
        var v = value.Trim();
        return !v.Any(IsForbidden)
            && !v.Contains(' ')
            && MailAddress.TryCreate(v, out var address)
            && address.Address == v
            && address.Host.Contains('.')
            && !address.Host.StartsWith('.')
            && !address.Host.EndsWith('.');
    }

    public static bool IsForbidden(char c) =>
        char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';
}
