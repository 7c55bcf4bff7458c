using System.Text.Json.Serialization;

namespace Participation.Api.Features.Figures;

/// <summary>The figures of the catalogue: each one defined once (here and in <see cref="FigureQueries"/>).</summary>
[JsonConverter(typeof(WireEnumConverter))]
[ExtensibleEnum]
public enum FigureKey
{
    Participants,
    NewParticipants,
    Ideas,
    Comments,
    Reactions,
    Votes,
    Voters,
    BasketsSubmitted,
    SurveyResponses,
    OfficialAnswers,
    DaysToFirstAnswer,
    WaitingForAnswer,
    Registrations,
}

/// <summary>
/// Each figure's name and definition in fr/nl/en: the definition shown next to the figure in dashboards, briefings,
/// reports and exports is this text, and the SQL in <see cref="FigureQueries"/> does what it says.
/// </summary>
public static class FigureCatalogue
{
    public sealed record Text(string Label, string Definition);

    private static readonly Dictionary<FigureKey, Dictionary<string, Text>> Texts = new()
    {
        [FigureKey.Participants] = new()
        {
            ["fr"] = new(
                "Participants",
                "Personnes distinctes ayant posé au moins une action de participation dans le périmètre et la période : "
                    + "idée, commentaire, réaction, vote, panier soumis ou réponse à un questionnaire."
            ),
            ["nl"] = new(
                "Deelnemers",
                "Unieke personen die in het bereik en de periode minstens één deelnameactie deden: idee, reactie, "
                    + "stem op een idee, like, ingediend mandje of antwoord op een vragenlijst."
            ),
            ["en"] = new(
                "Participants",
                "Distinct people who took at least one participation action in the scope and period: an idea, a comment, "
                    + "a reaction, a vote, a submitted basket or a survey response."
            ),
        },
        [FigureKey.NewParticipants] = new()
        {
            ["fr"] = new("Nouveaux participants", "Participants dont la première action dans ce périmètre tombe dans la période."),
            ["nl"] = new("Nieuwe deelnemers", "Deelnemers van wie de eerste actie in dit bereik in de periode valt."),
            ["en"] = new("New participants", "Participants whose first action in this scope falls in the period."),
        },
        [FigureKey.Ideas] = new()
        {
            ["fr"] = new("Idées", "Idées déposées pendant la période (y compris celles retirées ou masquées depuis)."),
            ["nl"] = new("Ideeën", "Ideeën ingediend in de periode (ook die later ingetrokken of verborgen werden)."),
            ["en"] = new("Ideas", "Ideas posted in the period (including those withdrawn or hidden since)."),
        },
        [FigureKey.Comments] = new()
        {
            ["fr"] = new(
                "Commentaires",
                "Commentaires et réponses publiés pendant la période " + "(y compris supprimés ou masqués depuis)."
            ),
            ["nl"] = new("Reacties", "Reacties en antwoorden geplaatst in de periode (ook die later verwijderd of verborgen werden)."),
            ["en"] = new("Comments", "Comments and replies posted in the period (including those deleted or hidden since)."),
        },
        [FigureKey.Reactions] = new()
        {
            ["fr"] = new(
                "Réactions",
                "Soutiens et désaccords exprimés sur des idées pendant la période (la réaction actuelle de chaque personne)."
            ),
            ["nl"] = new("Likes", "Steun en onenigheid op ideeën in de periode (de huidige reactie van elke persoon)."),
            ["en"] = new("Reactions", "Likes and dislikes on ideas in the period (each person's current reaction)."),
        },
        [FigureKey.Votes] = new()
        {
            ["fr"] = new("Votes", "Votes pour des idées exprimés pendant la période (ceux retirés depuis ne comptent pas)."),
            ["nl"] = new("Stemmen", "Stemmen op ideeën in de periode (ingetrokken stemmen tellen niet)."),
            ["en"] = new("Votes", "Votes for ideas cast in the period (votes taken back since do not count)."),
        },
        [FigureKey.Voters] = new()
        {
            ["fr"] = new("Votants", "Personnes distinctes ayant voté pendant la période."),
            ["nl"] = new("Stemmers", "Unieke personen die in de periode stemden."),
            ["en"] = new("Voters", "Distinct people who voted in the period."),
        },
        [FigureKey.BasketsSubmitted] = new()
        {
            ["fr"] = new("Paniers soumis", "Paniers de budget participatif soumis pendant la période (un par personne et phase)."),
            ["nl"] = new(
                "Ingediende mandjes",
                "Mandjes van participatieve begrotingen ingediend in de periode " + "(één per persoon en fase)."
            ),
            ["en"] = new("Baskets submitted", "Participatory budgeting baskets submitted in the period (one per person and phase)."),
        },
        [FigureKey.SurveyResponses] = new()
        {
            ["fr"] = new(
                "Réponses aux questionnaires",
                "Réponses soumises aux questionnaires et sondages pendant la période, anonymes comprises."
            ),
            ["nl"] = new(
                "Antwoorden op vragenlijsten",
                "Ingediende antwoorden op vragenlijsten en peilingen in de periode, anonieme inbegrepen."
            ),
            ["en"] = new("Survey responses", "Responses submitted to surveys and polls in the period, anonymous ones included."),
        },
        [FigureKey.OfficialAnswers] = new()
        {
            ["fr"] = new(
                "Réponses officielles",
                "Idées ayant reçu leur première réponse officielle pendant la période : un retour officiel, ou un statut "
                    + "autre que « proposée » donné par l'équipe du projet."
            ),
            ["nl"] = new(
                "Officiële antwoorden",
                "Ideeën die in de periode hun eerste officiële antwoord kregen: officiële feedback, of een andere status "
                    + "dan \"voorgesteld\" gegeven door het projectteam."
            ),
            ["en"] = new(
                "Official answers",
                "Ideas that got their first official answer in the period: official feedback, or a status other than "
                    + "\"proposed\" given by the project's staff."
            ),
        },
        [FigureKey.DaysToFirstAnswer] = new()
        {
            ["fr"] = new(
                "Délai de première réponse (jours)",
                "Médiane, en jours, entre le dépôt d'une idée et sa première réponse officielle, "
                    + "pour les idées répondues pendant la période."
            ),
            ["nl"] = new(
                "Tijd tot eerste antwoord (dagen)",
                "Mediaan, in dagen, tussen het indienen van een idee en het eerste officiële antwoord, "
                    + "voor ideeën beantwoord in de periode."
            ),
            ["en"] = new(
                "Days to first answer",
                "Median number of days between an idea being posted and its first official answer, for ideas answered in the period."
            ),
        },
        [FigureKey.WaitingForAnswer] = new()
        {
            ["fr"] = new(
                "En attente de réponse",
                "Idées publiques sans réponse officielle, déposées depuis plus de {0} jours, à la fin de la période."
            ),
            ["nl"] = new(
                "Wachten op antwoord",
                "Openbare ideeën zonder officieel antwoord, meer dan {0} dagen geleden ingediend, aan het einde van de periode."
            ),
            ["en"] = new(
                "Waiting for an answer",
                "Public ideas without an official answer, posted more than {0} days before the end of the period."
            ),
        },
        [FigureKey.Registrations] = new()
        {
            ["fr"] = new("Inscriptions", "Comptes créés sur la plateforme pendant la période (périmètre plateforme uniquement)."),
            ["nl"] = new("Registraties", "Accounts aangemaakt op het platform in de periode (alleen voor het hele platform)."),
            ["en"] = new("Registrations", "Accounts created on the platform in the period (platform scope only)."),
        },
    };

    public static Text Of(FigureKey key, string language, int waitingDays)
    {
        var texts = Texts[key];
        var text = texts.TryGetValue(language, out var t) ? t : texts["fr"];
        return key == FigureKey.WaitingForAnswer ? text with { Definition = string.Format(null, text.Definition, waitingDays) } : text;
    }

    /// <summary>Every figure has its texts in every language (checked by a test).</summary>
    public static IEnumerable<(FigureKey Key, string Language)> Missing() =>
        Enum.GetValues<FigureKey>()
            .SelectMany(k => new[] { "fr", "nl", "en" }.Select(l => (k, l)))
            .Where(x => !Texts.TryGetValue(x.k, out var t) || !t.ContainsKey(x.l));
}
