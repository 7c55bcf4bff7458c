namespace Participation.Api.Features.Exports;

/// <summary>How a column's values are read and written.</summary>
internal enum ColumnShape
{
    /// <summary>What people wrote: names, titles, plain text.</summary>
    Text,

    /// <summary>Sanitised HTML (an idea's body), written as plain text.</summary>
    Html,

    /// <summary>A value the platform made: an id, a code (status, kind), a pseudonym.</summary>
    Plain,
    Id,
    Number,
    Time,
}

/// <summary>A column: its header's key in <see cref="ExportColumns"/> and its shape.</summary>
internal readonly record struct Column(string Key, ColumnShape Shape);

/// <summary>The exports' column headers in French, Dutch and English.</summary>
internal static class ExportColumns
{
    private static readonly Dictionary<string, (string Fr, string Nl, string En)> Headers = new()
    {
        ["id"] = ("Identifiant", "Id", "Id"),
        ["created_at"] = ("Date (UTC)", "Datum (UTC)", "Date (UTC)"),
        ["project"] = ("Projet", "Project", "Project"),
        ["phase"] = ("Phase", "Fase", "Phase"),
        ["title"] = ("Titre", "Titel", "Title"),
        ["status"] = ("Statut", "Status", "Status"),
        ["author"] = ("Auteur", "Auteur", "Author"),
        ["organisation"] = ("Au nom de", "Namens", "On behalf of"),
        ["topics"] = ("Thèmes", "Thema's", "Topics"),
        ["likes"] = ("J'aime", "Vind ik leuk", "Likes"),
        ["dislikes"] = ("Je n'aime pas", "Vind ik niet leuk", "Dislikes"),
        ["comments"] = ("Commentaires", "Reacties", "Comments"),
        ["cost"] = ("Coût", "Kosten", "Cost"),
        ["latitude"] = ("Latitude", "Breedtegraad", "Latitude"),
        ["longitude"] = ("Longitude", "Lengtegraad", "Longitude"),
        ["location"] = ("Lieu", "Plaats", "Place"),
        ["withdrawn_at"] = ("Retirée le (UTC)", "Ingetrokken op (UTC)", "Withdrawn at (UTC)"),
        ["hidden_at"] = ("Masquée le (UTC)", "Verborgen op (UTC)", "Hidden at (UTC)"),
        ["first_answer_at"] = ("Première réponse officielle (UTC)", "Eerste officiële antwoord (UTC)", "First official answer (UTC)"),
        ["body"] = ("Texte", "Tekst", "Text"),
        ["idea_id"] = ("Identifiant de l'idée", "Id van het idee", "Idea id"),
        ["idea"] = ("Idée", "Idee", "Idea"),
        ["parent_id"] = ("En réponse à", "Antwoord op", "Reply to"),
        ["edited_at"] = ("Modifié le (UTC)", "Bewerkt op (UTC)", "Edited at (UTC)"),
        ["deleted_at"] = ("Supprimé le (UTC)", "Verwijderd op (UTC)", "Deleted at (UTC)"),
        ["comment_hidden_at"] = ("Masqué le (UTC)", "Verborgen op (UTC)", "Hidden at (UTC)"),
        ["participant"] = ("Participant (pseudonyme)", "Deelnemer (pseudoniem)", "Participant (pseudonym)"),
        ["reaction"] = ("Réaction", "Reactie", "Reaction"),
        ["basket_id"] = ("Panier", "Mandje", "Basket"),
        ["submitted_at"] = ("Envoyé le (UTC)", "Ingediend op (UTC)", "Submitted at (UTC)"),
        ["response_id"] = ("Réponse", "Antwoord", "Response"),
        ["survey"] = ("Questionnaire", "Vragenlijst", "Survey"),
        ["first_name"] = ("Prénom", "Voornaam", "First name"),
        ["last_name"] = ("Nom", "Achternaam", "Last name"),
        ["email"] = ("Adresse e-mail", "E-mailadres", "E-mail address"),
        ["ideas"] = ("Idées", "Ideeën", "Ideas"),
        ["reactions"] = ("Réactions", "Reacties op ideeën", "Reactions"),
        ["votes"] = ("Votes", "Stemmen", "Votes"),
        ["baskets"] = ("Paniers", "Mandjes", "Baskets"),
        ["responses"] = ("Réponses", "Antwoorden", "Responses"),
        ["actions"] = ("Actions", "Acties", "Actions"),
        ["first_action"] = ("Première action (UTC)", "Eerste actie (UTC)", "First action (UTC)"),
        ["last_action"] = ("Dernière action (UTC)", "Laatste actie (UTC)", "Last action (UTC)"),
        // Sheet names (at most 31 characters)
        ["sheet.ideas"] = ("Idées", "Ideeën", "Ideas"),
        ["sheet.comments"] = ("Commentaires", "Reacties", "Comments"),
        ["sheet.reactions"] = ("Réactions", "Reacties op ideeën", "Reactions"),
        ["sheet.votes"] = ("Votes", "Stemmen", "Votes"),
        ["sheet.baskets"] = ("Paniers", "Mandjes", "Baskets"),
        ["sheet.survey_responses"] = ("Réponses", "Antwoorden", "Survey responses"),
        ["sheet.participants"] = ("Participants", "Deelnemers", "Participants"),
    };

    public static string Header(string key, string language)
    {
        var (fr, nl, en) = Headers[key];
        return language switch
        {
            "nl" => nl,
            "en" => en,
            _ => fr,
        };
    }

    public static bool Has(string key) => Headers.ContainsKey(key);
}
