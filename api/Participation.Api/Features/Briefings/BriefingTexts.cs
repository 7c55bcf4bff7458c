using System.Globalization;

namespace Participation.Api.Features.Briefings;

/// <summary>The briefing e-mails' words in French, Dutch and English.</summary>
public static class BriefingTexts
{
    private static readonly Dictionary<string, Dictionary<string, string>> Texts = new()
    {
        ["fr"] = new()
        {
            ["hello"] = "Bonjour {0},",
            ["subject"] = "Briefing {0} : du {1} au {2}",
            ["intro"] = "Voici la participation citoyenne pour {0} du {1} au {2}, comparée à la période précédente de même durée.",
            ["figures"] = "Les chiffres",
            ["figure"] = "Chiffre",
            ["value"] = "Période",
            ["previous"] = "Période précédente",
            ["definitions"] = "Définitions",
            ["charts"] = "Graphiques",
            ["highlights"] = "Faits marquants",
            ["top"] = "Idées les plus soutenues",
            ["likes"] = "{0} soutiens, {1} commentaires",
            ["decisions"] = "Décisions prises",
            ["phases"] = "Phases qui commencent ou se terminent",
            ["starts"] = "commence le {0}",
            ["ends"] = "se termine le {0}",
            ["attention"] = "Projets qui demandent de l'attention",
            ["waiting"] = "{0} idée(s) sans réponse officielle depuis plus de {1} jours (la plus ancienne : {2} jours)",
            ["none"] = "Rien à signaler.",
            ["dashboard"] = "Ouvrir le tableau de bord de cette période",
            ["footer"] = "Vous recevez ce briefing en tant qu'élu·e.",
            ["unsubscribe"] = "Ne plus recevoir les briefings",
            ["chart.participants"] = "Participants par semaine",
            ["chart.participants.alt"] = "Participants par semaine, à partir de la semaine du {0} : {1}.",
            ["chart.statuses"] = "Idées publiques par statut",
            ["chart.statuses.alt"] = "Idées publiques par statut : {0}.",
            ["launch.subject"] = "Nouveau projet lancé : {0}",
            ["launch.intro"] = "Le projet « {0} » ({1}) vient d'être lancé sur {2}.",
            ["launch.goals"] = "Objectifs",
            ["launch.phases"] = "Phases et dates",
            ["launch.open"] = "Voir le projet",
            ["status.prescreening"] = "en pré-modération",
            ["status.proposed"] = "proposée",
            ["status.under_consideration"] = "à l'étude",
            ["status.accepted"] = "acceptée",
            ["status.rejected"] = "refusée",
            ["status.implemented"] = "réalisée",
        },
        ["nl"] = new()
        {
            ["hello"] = "Beste {0},",
            ["subject"] = "Briefing {0}: van {1} tot {2}",
            ["intro"] = "Hier is de burgerparticipatie voor {0} van {1} tot {2}, vergeleken met de vorige periode van dezelfde lengte.",
            ["figures"] = "De cijfers",
            ["figure"] = "Cijfer",
            ["value"] = "Periode",
            ["previous"] = "Vorige periode",
            ["definitions"] = "Definities",
            ["charts"] = "Grafieken",
            ["highlights"] = "Hoogtepunten",
            ["top"] = "Meest gesteunde ideeën",
            ["likes"] = "{0} steunbetuigingen, {1} reacties",
            ["decisions"] = "Genomen beslissingen",
            ["phases"] = "Fasen die beginnen of eindigen",
            ["starts"] = "begint op {0}",
            ["ends"] = "eindigt op {0}",
            ["attention"] = "Projecten die aandacht vragen",
            ["waiting"] = "{0} idee(ën) al meer dan {1} dagen zonder officieel antwoord (het oudste: {2} dagen)",
            ["none"] = "Niets te melden.",
            ["dashboard"] = "Het dashboard van deze periode openen",
            ["footer"] = "U ontvangt deze briefing als verkozene.",
            ["unsubscribe"] = "Geen briefings meer ontvangen",
            ["chart.participants"] = "Deelnemers per week",
            ["chart.participants.alt"] = "Deelnemers per week, vanaf de week van {0}: {1}.",
            ["chart.statuses"] = "Openbare ideeën per status",
            ["chart.statuses.alt"] = "Openbare ideeën per status: {0}.",
            ["launch.subject"] = "Nieuw project gestart: {0}",
            ["launch.intro"] = "Het project '{0}' ({1}) is net gestart op {2}.",
            ["launch.goals"] = "Doelstellingen",
            ["launch.phases"] = "Fasen en data",
            ["launch.open"] = "Het project bekijken",
            ["status.prescreening"] = "wacht op moderatie",
            ["status.proposed"] = "voorgesteld",
            ["status.under_consideration"] = "in behandeling",
            ["status.accepted"] = "aanvaard",
            ["status.rejected"] = "afgewezen",
            ["status.implemented"] = "uitgevoerd",
        },
        ["en"] = new()
        {
            ["hello"] = "Hello {0},",
            ["subject"] = "Briefing {0}: from {1} to {2}",
            ["intro"] = "Here is citizen participation for {0} from {1} to {2}, compared with the previous period of the same length.",
            ["figures"] = "The figures",
            ["figure"] = "Figure",
            ["value"] = "Period",
            ["previous"] = "Previous period",
            ["definitions"] = "Definitions",
            ["charts"] = "Charts",
            ["highlights"] = "Highlights",
            ["top"] = "Most supported ideas",
            ["likes"] = "{0} supporters, {1} comments",
            ["decisions"] = "Decisions taken",
            ["phases"] = "Phases starting or ending",
            ["starts"] = "starts on {0}",
            ["ends"] = "ends on {0}",
            ["attention"] = "Projects that need attention",
            ["waiting"] = "{0} idea(s) without an official answer for more than {1} days (the oldest: {2} days)",
            ["none"] = "Nothing to report.",
            ["dashboard"] = "Open the dashboard of this period",
            ["footer"] = "You receive this briefing as an elected official.",
            ["unsubscribe"] = "Stop these briefings",
            ["chart.participants"] = "Participants per week",
            ["chart.participants.alt"] = "Participants per week, from the week of {0}: {1}.",
            ["chart.statuses"] = "Public ideas by status",
            ["chart.statuses.alt"] = "Public ideas by status: {0}.",
            ["launch.subject"] = "New project launched: {0}",
            ["launch.intro"] = "The project \"{0}\" ({1}) has just been launched on {2}.",
            ["launch.goals"] = "Goals",
            ["launch.phases"] = "Phases and dates",
            ["launch.open"] = "See the project",
            ["status.prescreening"] = "in pre-moderation",
            ["status.proposed"] = "proposed",
            ["status.under_consideration"] = "under consideration",
            ["status.accepted"] = "accepted",
            ["status.rejected"] = "rejected",
            ["status.implemented"] = "implemented",
        },
    };

    public static string Language(string? locale) => locale is not null && Texts.ContainsKey(locale) ? locale : "fr";

    public static string T(string language, string key, params object?[] args)
    {
        var text = (Texts.GetValueOrDefault(language) ?? Texts["fr"])[key];
        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }

    /// <summary>A day as the reader writes it: 31/03/2026, 31-03-2026, 2026-03-31.</summary>
    public static string Day(string language, DateOnly day) =>
        day.ToString(
            language switch
            {
                "nl" => "dd-MM-yyyy",
                "en" => "yyyy-MM-dd",
                _ => "dd/MM/yyyy",
            },
            CultureInfo.InvariantCulture
        );

    /// <summary>A figure's value as the reader writes it (a dash when there is none).</summary>
    public static string Number(string language, decimal? value) =>
        value is { } v ? v.ToString("#,0.#", Formats.GetValueOrDefault(language) ?? Formats["fr"]) : "–";

    // The API runs with invariant globalization: the separators of each language, written out.
    private static readonly Dictionary<string, NumberFormatInfo> Formats = new()
    {
        ["fr"] = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "\u202F" },
        ["nl"] = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." },
        ["en"] = new() { NumberDecimalSeparator = ".", NumberGroupSeparator = "," },
    };
}
