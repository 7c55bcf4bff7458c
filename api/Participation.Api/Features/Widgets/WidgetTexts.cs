using System.Globalization;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Widgets;

/// <summary>The words of the embed page and the snippets, in each widget language (a small dictionary, no resource files).</summary>
public sealed record WidgetTexts(
    string Lang,
    string Heading,
    string Button,
    string NewTab,
    string AllProjects,
    string Empty,
    string Until,
    string Archived,
    string NotFoundTitle,
    string NotFoundBody,
    string[] Months,
    IReadOnlyDictionary<PhaseMethod, string> Actions
)
{
    public static readonly WidgetTexts Fr = new(
        "fr",
        "Participez aux projets",
        "Participer",
        "(nouvel onglet)",
        "Tous les projets sur {0}",
        "Aucun projet en cours pour le moment.",
        "jusqu'au {0}",
        "Projet terminé",
        "Widget introuvable",
        "Ce widget n'existe pas ou plus.",
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
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
        "nl",
        "Doe mee met de projecten",
        "Doe mee",
        "(nieuw tabblad)",
        "Alle projecten op {0}",
        "Op dit moment lopen er geen projecten.",
        "tot {0}",
        "Afgerond project",
        "Widget niet gevonden",
        "Deze widget bestaat niet (meer).",
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
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
        "en",
        "Take part in our projects",
        "Take part",
        "(new tab)",
        "All projects on {0}",
        "No projects are running at the moment.",
        "until {0}",
        "Project closed",
        "Widget not found",
        "This widget does not exist (any more).",
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
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

    /// <summary>
    /// A date as people of this language write it ("12 mars 2027"), in the city's time zone (Brussels when the system knows
    /// it). Month names are ours: the API runs with invariant globalization (no culture data).
    /// </summary>
    public string Date(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, CityTime);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Day} {Months[local.Month - 1]} {local.Year}");
    }

    private static readonly TimeZoneInfo CityTime = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Brussels", out var zone)
        ? zone
        : TimeZoneInfo.Utc;
}
