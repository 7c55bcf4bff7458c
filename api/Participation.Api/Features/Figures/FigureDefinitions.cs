namespace Participation.Api.Features.Figures;

/// <summary>
/// The definitions every figure is built from, written once as SQL and used by the dashboards, briefings, reports,
/// exports and the ideas manager alike, so that the same figure has the same value everywhere.
/// </summary>
public static class FigureDefinitions
{
    /// <summary>
    /// The platform's time zone: weeks start on Monday at midnight there (the settings of issue 16 may make it configurable).
    /// </summary>
    public const string TimeZone = "Europe/Brussels";

    /// <summary>
    /// Participation actions: one row per action a person took — an idea posted, a comment posted, a reaction, a vote, a
    /// basket submitted, a survey or poll response submitted — with who (<c>user_id</c>), when (<c>at</c>), where
    /// (<c>project_id</c>, <c>phase_id</c>) and what (<c>kind</c>). A comment belongs to the phase of its idea's project
    /// that was running when it was posted (phases of a project never overlap: at most one). Anonymous survey answers (a
    /// visitor's token) are responses, not people.
    /// Withdrawn, hidden or deleted content still counts: the action was taken. Use as a subquery: <c>FROM (Actions) a</c>.
    /// </summary>
    public const string Actions = """
        SELECT 'idea' AS kind, i.author_id AS user_id, i.created_at AS at, i.project_id, i.phase_id
          FROM ideas i WHERE i.author_id IS NOT NULL
        UNION ALL
        SELECT 'comment', c.author_id, c.created_at, i.project_id, ph.id
          FROM comments c JOIN ideas i ON i.id = c.idea_id
          LEFT JOIN phases ph ON ph.project_id = i.project_id AND ph.starts_at <= c.created_at
                             AND (ph.ends_at IS NULL OR ph.ends_at > c.created_at)
         WHERE c.author_id IS NOT NULL
        UNION ALL
        SELECT 'reaction', r.user_id, r.created_at, i.project_id, r.phase_id
          FROM idea_reactions r JOIN ideas i ON i.id = r.idea_id
        UNION ALL
        SELECT 'vote', v.user_id, v.created_at, ph.project_id, v.phase_id
          FROM idea_votes v JOIN phases ph ON ph.id = v.phase_id
        UNION ALL
        SELECT 'basket', b.user_id, b.submitted_at, ph.project_id, b.phase_id
          FROM baskets b JOIN phases ph ON ph.id = b.phase_id WHERE b.submitted_at IS NOT NULL
        UNION ALL
        SELECT 'response', s.user_id, s.submitted_at, ph.project_id, s.phase_id
          FROM survey_responses s JOIN phases ph ON ph.id = s.phase_id WHERE s.status = 'submitted' AND s.user_id IS NOT NULL
        """;

    /// <summary>
    /// An official answer: a step of an idea's history after its submission, by the project's staff or an API client, that
    /// gives official feedback or moves it to a status other than "proposed" (a pre-screening approval is not an answer).
    /// A predicate on <c>idea_status_changes</c> aliased <c>sc</c>.
    /// </summary>
    public const string IsOfficialAnswer =
        "sc.from_status IS NOT NULL AND (sc.feedback IS NOT NULL OR sc.to_status NOT IN ('prescreening', 'proposed'))";

    /// <summary>When idea <c>i</c> got its first official answer (NULL: not answered). A scalar subquery.</summary>
    public const string FirstAnswerAt =
        "(SELECT min(sc.created_at) FROM idea_status_changes sc WHERE sc.idea_id = i.id AND " + IsOfficialAnswer + ")";

    /// <summary>When each idea got its first official answer, set-based (the same definition as <see cref="FirstAnswerAt"/>): a
    /// subquery of (<c>idea_id</c>, <c>answered_at</c>) for joining many ideas at once.</summary>
    public const string FirstAnswers =
        "SELECT sc.idea_id, min(sc.created_at) AS answered_at FROM idea_status_changes sc WHERE "
        + IsOfficialAnswer
        + " GROUP BY sc.idea_id";

    /// <summary>
    /// Idea <c>i</c> waits for an answer: it is listed (public: past pre-screening, not hidden, not withdrawn) and has no
    /// official answer yet. It has been waiting since it was posted.
    /// </summary>
    public const string IsWaiting =
        "i.listed AND NOT EXISTS (SELECT 1 FROM idea_status_changes sc WHERE sc.idea_id = i.id AND " + IsOfficialAnswer + ")";
}
