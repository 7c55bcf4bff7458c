using System.Globalization;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Widgets;

/// <summary>The words of the embed page and the snippets, in each widget language (a small dictionary, no resource files).</summary>
public sealed record WidgetTexts(
    string Culture,
    string Heading,
    string Button,
    string NewTab,
    string AllProjects,
    string Empty,
    string Until,
    string Archived,
    string NotFoundTitle,
    string NotFoundBody,
    IReadOnlyDictionary<PhaseMethod, string> Actions
)
{
    public static readonly WidgetTexts Fr = new(
        "fr-BE",
        "Participez aux projets",
        "Participer",
        "(nouvel onglet)",
        "Tous les projets sur {0}",
        "Aucun projet en cours pour le moment.",
        "jusqu'au {0}",
        "Projet terminé",
        "Widget introuvable",
        "Ce widget n'existe pas ou plus.",
        new Dictionary<PhaseMethod, string>
        {
            [PhaseMethod.Information] = "Informez-vous",
            [PhaseMethod.Ideation] = "Proposez vos idées",
            [PhaseMethod.Voting] = "Votez pour les idées",
            [PhaseMethod.Budgeting] = "Répartissez le budget",
            [PhaseMethod.Survey] = "Répondez à l'enquête",
            [PhaseMethod.Poll] = "Donnez votre avis",
        }
    );

    public static readonly WidgetTexts Nl = new(
        "nl-BE",
        "Doe mee met de projecten",
        "Doe mee",
        "(nieuw tabblad)",
        "Alle projecten op {0}",
        "Op dit moment lopen er geen projecten.",
        "tot {0}",
        "Afgerond project",
        "Widget niet gevonden",
        "Deze widget bestaat niet (meer).",
        new Dictionary<PhaseMethod, string>
        {
            [PhaseMethod.Information] = "Informeer je",
            [PhaseMethod.Ideation] = "Deel je ideeën",
            [PhaseMethod.Voting] = "Stem op ideeën",
            [PhaseMethod.Budgeting] = "Verdeel het budget",
            [PhaseMethod.Survey] = "Vul de enquête in",
            [PhaseMethod.Poll] = "Geef je mening",
        }
    );

    public static readonly WidgetTexts En = new(
        "en-GB",
        "Take part in our projects",
        "Take part",
        "(new tab)",
        "All projects on {0}",
        "No projects are running at the moment.",
        "until {0}",
        "Project closed",
        "Widget not found",
        "This widget does not exist (any more).",
        new Dictionary<PhaseMethod, string>
        {
            [PhaseMethod.Information] = "Find out more",
            [PhaseMethod.Ideation] = "Share your ideas",
            [PhaseMethod.Voting] = "Vote for ideas",
            [PhaseMethod.Budgeting] = "Share out the budget",
            [PhaseMethod.Survey] = "Answer the survey",
            [PhaseMethod.Poll] = "Give your opinion",
        }
    );

    public static WidgetTexts Of(WidgetLanguage language) =>
        language switch
        {
            WidgetLanguage.Nl => Nl,
            WidgetLanguage.En => En,
            _ => Fr,
        };

    public static WidgetTexts Of(string language) =>
        language switch
        {
            "nl" => Nl,
            "en" => En,
            _ => Fr,
        };

    public string Lang => Culture[..2];

    /// <summary>A date as people of this language write it, in the city's time zone (Brussels when the system knows it).</summary>
    public string Date(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, CityTime).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(Culture));

    private static readonly TimeZoneInfo CityTime = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Brussels", out var zone)
        ? zone
        : TimeZoneInfo.Utc;
}
