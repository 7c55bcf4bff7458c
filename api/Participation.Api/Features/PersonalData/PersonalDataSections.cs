namespace Participation.Api.Features.PersonalData;

/// <summary>
/// What an export of one's data holds: one section per kind of thing, each a title in the three languages and the SQL
/// that reads the person's rows (parameters: @UserId, @Language). A feature that keeps something about a person adds
/// its section here; the HTML table and the JSON array follow from the query's columns.
/// </summary>
public static class PersonalDataSections
{
    public sealed record Section(string Name, string Fr, string Nl, string En, string Sql)
    {
        public string Title(string language) =>
            language switch
            {
                "nl" => Nl,
                "en" => En,
                _ => Fr,
            };
    }

    private const string IdeaTitle = "i.title AS idea_title";

    public static readonly IReadOnlyList<Section> All =
    [
        new(
            "account",
            "Compte",
            "Account",
            "Account",
            """
            SELECT id, email, first_name, last_name, locale, email_confirmed_at, created_at, updated_at
              FROM users WHERE id = @UserId;
            """
        ),
        new(
            "avatar",
            "Photo de profil",
            "Profielfoto",
            "Avatar",
            """
            SELECT avatar_key AS file, '/api/v1/avatars/' || avatar_key AS url
              FROM users WHERE id = @UserId AND avatar_key IS NOT NULL;
            """
        ),
        new(
            "roles",
            "Rôles",
            "Rollen",
            "Roles",
            "SELECT role, scope_type, scope_id, granted_at FROM user_roles WHERE user_id = @UserId ORDER BY granted_at;"
        ),
        new(
            "newsletter_consent",
            "Consentement à la lettre d'information",
            "Toestemming voor de nieuwsbrief",
            "Newsletter consent",
            "SELECT status, given_at, withdrawn_at FROM newsletter_consents WHERE user_id = @UserId;"
        ),
        new(
            "consents",
            "Consentements (conditions d'utilisation, lettre d'information)",
            "Toestemmingen (gebruiksvoorwaarden, nieuwsbrief)",
            "Consents (terms of use, newsletter)",
            """
            SELECT kind, terms_version, given, source, recorded_at
              FROM consents WHERE user_id = @UserId ORDER BY recorded_at, id;
            """
        ),
        new(
            "notification_preferences",
            "Préférences de notification",
            "Meldingsvoorkeuren",
            "Notification preferences",
            "SELECT category, channel FROM notification_preferences WHERE user_id = @UserId ORDER BY category;"
        ),
        new(
            "ideas",
            "Idées",
            "Ideeën",
            "Ideas",
            """
            SELECT i.id, i.slug, i.title, i.body, i.status, i.location_label, i.latitude, i.longitude, i.created_at,
                   i.edited_at, i.withdrawn_at
              FROM ideas i WHERE i.author_id = @UserId ORDER BY i.created_at, i.id;
            """
        ),
        new(
            "comments",
            "Commentaires",
            "Reacties",
            "Comments",
            $"""
            SELECT c.id, c.idea_id, {IdeaTitle}, c.body, c.created_at, c.edited_at, c.deleted_at
              FROM comments c JOIN ideas i ON i.id = c.idea_id WHERE c.author_id = @UserId ORDER BY c.created_at, c.id;
            """
        ),
        new(
            "reactions",
            "Réactions (j'aime)",
            "Reacties (vind ik leuk)",
            "Reactions (likes)",
            $"""
            SELECT r.idea_id, {IdeaTitle}, r.kind, r.created_at
              FROM idea_reactions r JOIN ideas i ON i.id = r.idea_id WHERE r.user_id = @UserId ORDER BY r.created_at;
            """
        ),
        new(
            "comment_likes",
            "Commentaires aimés",
            "Gewaardeerde reacties",
            "Comments liked",
            $"""
            SELECT l.comment_id, c.idea_id, {IdeaTitle}, l.created_at
              FROM comment_likes l JOIN comments c ON c.id = l.comment_id JOIN ideas i ON i.id = c.idea_id
             WHERE l.user_id = @UserId ORDER BY l.created_at;
            """
        ),
        new(
            "idea_attachments",
            "Photos et documents joints aux idées",
            "Foto's en documenten bij ideeën",
            "Photos and documents attached to ideas",
            $"""
            SELECT a.id, a.idea_id, {IdeaTitle}, a.kind, a.alt_text, a.file_name, a.size_bytes, a.created_at
              FROM idea_attachments a JOIN ideas i ON i.id = a.idea_id
             WHERE a.uploaded_by = @UserId ORDER BY a.created_at, a.id;
            """
        ),
        new(
            "project_follows",
            "Projets suivis",
            "Gevolgde projecten",
            "Projects followed",
            """
            SELECT f.project_id, p.slug AS project_slug, f.created_at
              FROM project_follows f JOIN projects p ON p.id = f.project_id WHERE f.user_id = @UserId ORDER BY f.created_at;
            """
        ),
        new(
            "votes",
            "Votes",
            "Stemmen",
            "Votes",
            $"""
            SELECT v.idea_id, {IdeaTitle}, v.phase_id, v.created_at
              FROM idea_votes v JOIN ideas i ON i.id = v.idea_id WHERE v.user_id = @UserId ORDER BY v.created_at;
            """
        ),
        new(
            "baskets",
            "Paniers (budget participatif)",
            "Mandjes (participatief budget)",
            "Baskets (participatory budget)",
            """
            SELECT id, phase_id, budget, total, items, submitted_at, created_at
              FROM baskets WHERE user_id = @UserId ORDER BY created_at;
            """
        ),
        new(
            "basket_lines",
            "Idées dans les paniers",
            "Ideeën in de mandjes",
            "Ideas in the baskets",
            $"""
            SELECT l.basket_id, l.idea_id, {IdeaTitle}, l.cost, l.added_at
              FROM basket_lines l JOIN baskets b ON b.id = l.basket_id JOIN ideas i ON i.id = l.idea_id
             WHERE b.user_id = @UserId ORDER BY l.added_at;
            """
        ),
        new(
            "survey_responses",
            "Réponses aux questionnaires",
            "Antwoorden op vragenlijsten",
            "Survey responses",
            "SELECT id, phase_id, status, created_at, submitted_at FROM survey_responses WHERE user_id = @UserId ORDER BY created_at;"
        ),
        new(
            "survey_answers",
            "Détail des réponses",
            "Antwoorden in detail",
            "Answers in detail",
            """
            SELECT a.response_id, coalesce(q.title ->> @Language, q.title ->> 'fr') AS question,
                   coalesce(o.label ->> @Language, o.label ->> 'fr') AS option, a.rank, a.number, a.text, a.latitude, a.longitude
              FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
              JOIN survey_questions q ON q.id = a.question_id LEFT JOIN survey_options o ON o.id = a.option_id
             WHERE r.user_id = @UserId ORDER BY r.created_at, q.position, a.rank;
            """
        ),
        new(
            "event_registrations",
            "Inscriptions aux événements",
            "Inschrijvingen voor evenementen",
            "Event registrations",
            """
            SELECT r.event_id, coalesce(e.title ->> @Language, e.title ->> 'fr') AS event, e.starts_at, r.status, r.created_at
              FROM calendar_event_registrations r JOIN calendar_events e ON e.id = r.event_id
             WHERE r.user_id = @UserId ORDER BY r.created_at;
            """
        ),
        new(
            "follows",
            "Idées suivies",
            "Gevolgde ideeën",
            "Ideas followed",
            $"""
            SELECT f.idea_id, {IdeaTitle}, f.created_at
              FROM idea_follows f JOIN ideas i ON i.id = f.idea_id WHERE f.user_id = @UserId ORDER BY f.created_at;
            """
        ),
        new(
            "flags",
            "Signalements",
            "Meldingen van inhoud",
            "Flags",
            "SELECT idea_id, comment_id, reason, details, created_at FROM content_flags WHERE user_id = @UserId ORDER BY created_at;"
        ),
        new(
            "organisations",
            "Organisations",
            "Organisaties",
            "Organisations",
            """
            SELECT o.id, o.name, m.role, m.joined_at
              FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id
             WHERE m.user_id = @UserId ORDER BY m.joined_at;
            """
        ),
        new(
            "notifications",
            "Notifications",
            "Meldingen",
            "Notifications",
            """
            SELECT category, project_id, idea_id, comment_id, created_at, read_at
              FROM notifications WHERE user_id = @UserId ORDER BY created_at;
            """
        ),
        new(
            "sessions",
            "Sessions (connexions)",
            "Sessies (aanmeldingen)",
            "Sessions (sign-ins)",
            "SELECT created_at, expires_at, used_at, revoked_at FROM refresh_tokens WHERE user_id = @UserId ORDER BY created_at;"
        ),
        new(
            "activity",
            "Journal de vos actions",
            "Logboek van uw acties",
            "Log of your actions",
            "SELECT occurred_at, type, subject_type, subject_id FROM events WHERE actor_id = @UserId ORDER BY position;"
        ),
    ];
}
