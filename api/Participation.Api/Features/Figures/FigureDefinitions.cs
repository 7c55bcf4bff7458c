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
    /// Withdrawn, hidden or soft-deleted content still counts: the action was taken; a row deleted for good, or whose
    /// author was erased, does not. Use as a subquery: <c>FROM (Actions) a</c>.
    /// The rows are kept in <c>participation_actions</c> by triggers on the six tables, in the transaction that writes the
    /// action (migration 0025, which states the same definition; a test compares the table with these tables after every
    /// kind of write), so that the figures read one narrow table instead of six wide ones.
    /// </summary>
    public const string Actions = """
        SELECT pa.kind, pa.user_id, pa.at, pa.project_id, pa.phase_id FROM participation_actions pa
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
