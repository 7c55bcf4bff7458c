using Participation.Api.Features.Figures;

namespace Participation.Api.Features.Exports;

/// <summary>
/// What each kind of export reads: its columns (in order) and its SQL, with the same parameters everywhere: @ScopeType
/// and @ScopeId (<see cref="ExportAccess.InScope"/>), the period @From (included) and @To (excluded) on each row's own
/// date, @Language for projects' and phases' titles, and @Salt for pseudonyms. Rows come in a stable order (date, id).
/// Closed sets (statuses, reactions) are their API wire names. Ideas and comments are public under their author's name;
/// reactions, votes and baskets are personal choices: the person is a pseudonym, the same on every row of one file and
/// different in every file, so staff can count and group people without learning who chose what. Participants are
/// <see cref="FigureDefinitions.Actions"/>'s distinct people in the scope and period, by name.
/// </summary>
internal static class ExportQueries
{
    public sealed record Query(IReadOnlyList<Column> Columns, string Rows, string Count);

    private static string Period(string column) =>
        $"AND (@From::timestamptz IS NULL OR {column} >= @From) AND (@To::timestamptz IS NULL OR {column} < @To)";

    private const string Scoped = $"JOIN projects p ON p.id = {{0}} AND {ExportAccess.InScope}";

    private static string InScope(string projectColumn) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Scoped, projectColumn);

    private const string ProjectTitle = "coalesce(p.title ->> @Language, p.title ->> 'fr')";

    private const string PhaseTitle = "coalesce(ph.title ->> @Language, ph.title ->> 'fr')";

    private const string Pseudonym = "left(md5(@Salt || {0}::text), 12)";

    private static string PseudonymOf(string column) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Pseudonym, column);

    private static Column C(string key, ColumnShape shape) => new(key, shape);

    private static readonly string IdeasFrom = $"""
          FROM ideas i {InScope("i.project_id")}
          LEFT JOIN users u ON u.id = i.author_id
          LEFT JOIN organisations o ON o.id = i.organisation_id
         WHERE true {Period("i.created_at")}
        """;

    public static readonly Query Ideas = new(
        [
            C("id", ColumnShape.Id),
            C("created_at", ColumnShape.Time),
            C("project", ColumnShape.Text),
            C("title", ColumnShape.Text),
            C("status", ColumnShape.Plain),
            C("author", ColumnShape.Text),
            C("organisation", ColumnShape.Text),
            C("topics", ColumnShape.Text),
            C("likes", ColumnShape.Number),
            C("dislikes", ColumnShape.Number),
            C("comments", ColumnShape.Number),
            C("cost", ColumnShape.Number),
            C("latitude", ColumnShape.Number),
            C("longitude", ColumnShape.Number),
            C("location", ColumnShape.Text),
            C("withdrawn_at", ColumnShape.Time),
            C("hidden_at", ColumnShape.Time),
            C("first_answer_at", ColumnShape.Time),
            C("body", ColumnShape.Html),
        ],
        $"""
        SELECT i.id, i.created_at, {ProjectTitle}, i.title, i.status, u.first_name || ' ' || u.last_name, o.name,
               array_to_string(idea_topic_names(i.id, @Language), ', '), i.likes_count, i.dislikes_count, i.comments_count, i.cost,
               i.latitude,
               i.longitude, i.location_label, i.withdrawn_at, i.hidden_at, {FigureDefinitions.FirstAnswerAt}, i.body
        {IdeasFrom}
         ORDER BY i.created_at, i.id
        """,
        $"SELECT count(*) {IdeasFrom}"
    );

    private static readonly string CommentsFrom = $"""
          FROM comments c JOIN ideas i ON i.id = c.idea_id {InScope("i.project_id")}
          LEFT JOIN users u ON u.id = c.author_id
          LEFT JOIN organisations o ON o.id = c.organisation_id
         WHERE true {Period("c.created_at")}
        """;

    /// <summary>A deleted comment's text is left out (a placeholder kept for its replies).</summary>
    public static readonly Query Comments = new(
        [
            C("id", ColumnShape.Id),
            C("created_at", ColumnShape.Time),
            C("project", ColumnShape.Text),
            C("idea_id", ColumnShape.Id),
            C("idea", ColumnShape.Text),
            C("parent_id", ColumnShape.Id),
            C("author", ColumnShape.Text),
            C("organisation", ColumnShape.Text),
            C("body", ColumnShape.Text),
            C("edited_at", ColumnShape.Time),
            C("deleted_at", ColumnShape.Time),
            C("comment_hidden_at", ColumnShape.Time),
        ],
        $"""
        SELECT c.id, c.created_at, {ProjectTitle}, i.id, i.title, c.parent_id, u.first_name || ' ' || u.last_name, o.name,
               CASE WHEN c.deleted_at IS NULL THEN c.body END, c.edited_at, c.deleted_at, c.hidden_at
        {CommentsFrom}
         ORDER BY c.created_at, c.id
        """,
        $"SELECT count(*) {CommentsFrom}"
    );

    private static readonly string ReactionsFrom = $"""
          FROM idea_reactions r JOIN ideas i ON i.id = r.idea_id {InScope("i.project_id")}
         WHERE true {Period("r.created_at")}
        """;

    public static readonly Query Reactions = new(
        [
            C("created_at", ColumnShape.Time),
            C("project", ColumnShape.Text),
            C("idea_id", ColumnShape.Id),
            C("idea", ColumnShape.Text),
            C("participant", ColumnShape.Plain),
            C("reaction", ColumnShape.Plain),
        ],
        $"""
        SELECT r.created_at, {ProjectTitle}, i.id, i.title, {PseudonymOf("r.user_id")}, r.kind
        {ReactionsFrom}
         ORDER BY r.created_at, r.idea_id, r.user_id
        """,
        $"SELECT count(*) {ReactionsFrom}"
    );

    private static readonly string VotesFrom = $"""
          FROM idea_votes v JOIN phases ph ON ph.id = v.phase_id {InScope("ph.project_id")}
          JOIN ideas i ON i.id = v.idea_id
         WHERE true {Period("v.created_at")}
        """;

    public static readonly Query Votes = new(
        [
            C("created_at", ColumnShape.Time),
            C("project", ColumnShape.Text),
            C("phase", ColumnShape.Text),
            C("idea_id", ColumnShape.Id),
            C("idea", ColumnShape.Text),
            C("participant", ColumnShape.Plain),
        ],
        $"""
        SELECT v.created_at, {ProjectTitle}, {PhaseTitle}, i.id, i.title, {PseudonymOf("v.user_id")}
        {VotesFrom}
         ORDER BY v.created_at, v.phase_id, v.idea_id, v.user_id
        """,
        $"SELECT count(*) {VotesFrom}"
    );

    private static readonly string BasketsFrom = $"""
          FROM baskets b JOIN phases ph ON ph.id = b.phase_id {InScope("ph.project_id")}
          LEFT JOIN basket_lines l ON l.basket_id = b.id
          LEFT JOIN ideas i ON i.id = l.idea_id
         WHERE b.submitted_at IS NOT NULL {Period("b.submitted_at")}
        """;

    /// <summary>Submitted baskets, one row per line (an empty basket: one row without an idea); the basket id groups them.</summary>
    public static readonly Query Baskets = new(
        [
            C("basket_id", ColumnShape.Id),
            C("submitted_at", ColumnShape.Time),
            C("project", ColumnShape.Text),
            C("phase", ColumnShape.Text),
            C("participant", ColumnShape.Plain),
            C("idea_id", ColumnShape.Id),
            C("idea", ColumnShape.Text),
            C("cost", ColumnShape.Number),
        ],
        $"""
        SELECT b.id, b.submitted_at, {ProjectTitle}, {PhaseTitle}, {PseudonymOf("b.user_id")}, i.id, i.title, l.cost
        {BasketsFrom}
         ORDER BY b.submitted_at, b.id, l.added_at, l.idea_id
        """,
        $"SELECT count(*) {BasketsFrom}"
    );

    private static readonly string ActionsFrom = $"""
          FROM ({FigureDefinitions.Actions}) a {InScope("a.project_id")}
         WHERE true {Period("a.at")}
        """;

    /// <summary>
    /// Everyone who took part in the scope and period (<see cref="FigureDefinitions.Actions"/>, the definition every figure
    /// uses): their names, the e-mail only for admins, their actions by kind, the first and the last.
    /// </summary>
    public static Query Participants(bool withEmails) =>
        new(
            [
                C("last_name", ColumnShape.Text),
                C("first_name", ColumnShape.Text),
                .. (withEmails ? new[] { C("email", ColumnShape.Plain) } : Array.Empty<Column>()),
                C("ideas", ColumnShape.Number),
                C("comments", ColumnShape.Number),
                C("reactions", ColumnShape.Number),
                C("votes", ColumnShape.Number),
                C("baskets", ColumnShape.Number),
                C("responses", ColumnShape.Number),
                C("actions", ColumnShape.Number),
                C("first_action", ColumnShape.Time),
                C("last_action", ColumnShape.Time),
            ],
            $"""
            SELECT u.last_name, u.first_name, {(withEmails ? "u.email," : "")}
                   x.ideas, x.comments, x.reactions, x.votes, x.baskets, x.responses, x.actions, x.first_action, x.last_action
              FROM (SELECT a.user_id,
                           count(*) FILTER (WHERE a.kind = 'idea') AS ideas,
                           count(*) FILTER (WHERE a.kind = 'comment') AS comments,
                           count(*) FILTER (WHERE a.kind = 'reaction') AS reactions,
                           count(*) FILTER (WHERE a.kind = 'vote') AS votes,
                           count(*) FILTER (WHERE a.kind = 'basket') AS baskets,
                           count(*) FILTER (WHERE a.kind = 'response') AS responses,
                           count(*) AS actions, min(a.at) AS first_action, max(a.at) AS last_action
                    {ActionsFrom}
                     GROUP BY a.user_id) x
              JOIN users u ON u.id = x.user_id
             ORDER BY lower(u.last_name), lower(u.first_name), u.id
            """,
            $"SELECT count(DISTINCT a.user_id) {ActionsFrom}"
        );

    /// <summary>The survey and poll phases of the projects in scope, in project and timeline order.</summary>
    public const string SurveyPhases = $"""
        SELECT ph.id FROM phases ph JOIN projects p ON p.id = ph.project_id AND {ExportAccess.InScope}
         WHERE ph.method IN ('survey', 'poll') AND EXISTS (SELECT 1 FROM surveys s WHERE s.phase_id = ph.id)
         ORDER BY lower(p.title ->> 'fr'), p.id, ph.starts_at, ph.id
        """;
}
