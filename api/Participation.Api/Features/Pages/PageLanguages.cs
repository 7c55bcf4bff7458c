namespace Participation.Api.Features.Pages;

/// <summary>
/// Which text of a page a reader gets: the language asked for, else the platform's default language, else French, Dutch,
/// English in that order (an ORDER BY over a page's texts, the first row being the one shown).
/// </summary>
internal static class PageLanguages
{
    public const string Order = """
        (t.language = @Language) DESC, (t.language = (SELECT default_language FROM platform_settings WHERE id = 1)) DESC,
        array_position(ARRAY['fr', 'nl', 'en'], t.language)
        """;

    public static string? Wire(PageLanguage? language) => language?.ToWire();
}
