using System.Data;
using System.Text.Json;
using Participation.Api.Features.Ideas;

namespace Participation.Api.Features.Figures;

/// <summary>A period [From, To) and the one just before it, of the same length, to compare with.</summary>
public sealed record Period(DateTimeOffset From, DateTimeOffset To)
{
    public DateTimeOffset PreviousFrom => From - (To - From);
}

/// <param name="Key">Which figure.</param>
/// <param name="Label">Its name, in the caller's language.</param>
/// <param name="Definition">What it counts, exactly (shown next to the figure).</param>
/// <param name="Value">Its value in the period (null where it does not apply, e.g. registrations below the platform, or a
/// median with nothing to take it from).</param>
/// <param name="Previous">Its value in the previous period of the same length.</param>
public sealed record Figure(FigureKey Key, string Label, string Definition, decimal? Value, decimal? Previous);

/// <summary>One week (Monday, platform time) of the period: the actions taken in it (cut at the period's limits).</summary>
public sealed record WeekFigures(
    DateOnly Week,
    int Participants,
    int Ideas,
    int Comments,
    int Reactions,
    int Votes,
    int BasketsSubmitted,
    int SurveyResponses,
    int? Registrations
);

/// <summary>Public ideas of the scope by their current status.</summary>
public sealed record StatusCount(IdeaStatus Status, int Count);

/// <summary>The catalogue's figures for a scope and period, their weekly series and the ideas by status.</summary>
public sealed record FigureSet(
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<WeekFigures> Weeks,
    IReadOnlyList<StatusCount> IdeasByStatus,
    int WaitingDays
)
{
    public decimal? Value(FigureKey key) => Figures.First(f => f.Key == key).Value;
}

/// <summary>
/// The catalogue computed in SQL: one statement for a scope and period (the figures of the period and of the previous
/// one, the weekly series, the ideas by status), over <see cref="FigureDefinitions"/>. Dashboards, briefings, reports
/// and exports all call this, so a figure has one value everywhere.
/// </summary>
public static class FigureQueries
{
    /// <summary>
    /// How long a statement over a scope's history may run (seconds): the platform's figures read every action of two periods,
    /// which takes tens of seconds at a million ideas on a loaded machine, and a briefing job must not fail on the 30 s
    /// default. Used by the figures and by the statements that accompany them (dashboard, briefing highlights).
    /// </summary>
    public const int CommandTimeoutSeconds = 300;

    /// <summary>The default threshold of "waiting for an answer for more than N days".</summary>
    public const int DefaultWaitingDays = 30;

    /// <summary>SQL: the ids of the projects in scope (@ScopeType, @ScopeId), as a CTE body.</summary>
    public const string ScopeProjects = """
        SELECT p.id FROM projects p
         WHERE @ScopeType = 'platform'
            OR (@ScopeType = 'department' AND p.department_id = @ScopeId)
            OR (@ScopeType = 'project' AND p.id = @ScopeId)
            OR (@ScopeType = 'phase' AND p.id = (SELECT ph.project_id FROM phases ph WHERE ph.id = @ScopeId))
        """;

    /// <summary>
    /// SQL: the participation actions in scope before the period's end, as a CTE body (columns kind, user_id, at, phase_id);
    /// callers bound it from below too (<c>AND a.at &gt;= …</c>). The scope's projects come as a parameter
    /// (@ProjectIds, from <see cref="ProjectIdsAsync"/>): a plain array is pushed into every branch of the actions' union, so each
    /// branch reads the scope's rows through its indexes instead of every project's rows filtered afterwards.
    /// </summary>
    public const string ScopeActions = $"""
        SELECT a.kind, a.user_id, a.at, a.phase_id FROM ({FigureDefinitions.Actions}) a
         WHERE a.project_id = ANY (@ProjectIds) AND (@ScopeType <> 'phase' OR a.phase_id = @ScopeId) AND a.at < @To
        """;

    /// <summary>The ids of the projects in scope (drafts included: figures count what happened, listing is the caller's
    /// business).</summary>
    public static async Task<Guid[]> ProjectIdsAsync(IDbConnection connection, FigureScope scope, CancellationToken ct) =>
        (
            await connection.QueryAsync<Guid>(
                new CommandDefinition(
                    $"SELECT id FROM ({ScopeProjects}) sp",
                    new { ScopeType = scope.Type.ToWire(), ScopeId = scope.Id },
                    cancellationToken: ct
                )
            )
        ).ToArray();

    // Set-based over the two periods' actions (materialized once, then hashed: per person for the distinct counts, per week
    // and person for the weekly series; no count(DISTINCT), which sorts), new participants (the window's people less those
    // who acted in scope before it: one hashed pass over the older history), official answers (first answers joined per
    // idea, not looked up idea by idea). Its hashes get more memory than the server's default for this statement only
    // (SET LOCAL: the statement's own implicit transaction, or the caller's), so a platform's history is hashed in memory
    // instead of spilling to temporary files (at 1,000,000 ideas: 630 MB of temporary files and half the time).
    private const string Sql = $"""
        SET LOCAL work_mem = '128MB';
        WITH a AS MATERIALIZED ({ScopeActions} AND a.at >= @PreviousFrom),
        earlier AS (
            SELECT DISTINCT a.user_id FROM ({FigureDefinitions.Actions}) a
             WHERE a.project_id = ANY (@ProjectIds) AND (@ScopeType <> 'phase' OR a.phase_id = @ScopeId) AND a.at < @PreviousFrom),
        u AS MATERIALIZED (
            SELECT a.user_id, bool_or(a.at >= @From) AS cur, bool_or(a.at < @From) AS prev,
                   bool_or(a.kind = 'vote' AND a.at >= @From) AS voted, bool_or(a.kind = 'vote' AND a.at < @From) AS voted_prev,
                   min(a.at) AS first_at
              FROM a GROUP BY a.user_id),
        firsts AS (SELECT u.first_at FROM u WHERE NOT EXISTS (SELECT 1 FROM earlier e WHERE e.user_id = u.user_id)),
        resp AS MATERIALIZED (
            SELECT s.submitted_at AS at FROM survey_responses s JOIN phases ph ON ph.id = s.phase_id
             WHERE s.status = 'submitted' AND ph.project_id = ANY (@ProjectIds) AND (@ScopeType <> 'phase' OR s.phase_id = @ScopeId)
               AND s.submitted_at >= @PreviousFrom AND s.submitted_at < @To),
        ans AS MATERIALIZED (
            SELECT i.created_at, i.listed, fa.answered_at FROM ideas i
              LEFT JOIN ({FigureDefinitions.FirstAnswers}) fa ON fa.idea_id = i.id
             WHERE i.project_id = ANY (@ProjectIds) AND (@ScopeType <> 'phase' OR i.phase_id = @ScopeId) AND i.created_at < @To),
        reg AS MATERIALIZED (SELECT r.created_at AS at FROM users r
                 WHERE @ScopeType = 'platform' AND r.created_at >= @PreviousFrom AND r.created_at < @To),
        weeks AS (
            SELECT w::date AS week FROM generate_series(date_trunc('week', @From AT TIME ZONE @TimeZone),
                                                        date_trunc('week', (@To - interval '1 microsecond') AT TIME ZONE @TimeZone),
                                                        interval '1 week') w),
        wk AS (
            SELECT date_trunc('week', at AT TIME ZONE @TimeZone)::date AS week, user_id,
                   count(*) FILTER (WHERE kind = 'idea') AS ideas, count(*) FILTER (WHERE kind = 'comment') AS comments,
                   count(*) FILTER (WHERE kind = 'reaction') AS reactions, count(*) FILTER (WHERE kind = 'vote') AS votes,
                   count(*) FILTER (WHERE kind = 'basket') AS baskets
              FROM a WHERE at >= @From GROUP BY 1, 2),
        wa AS (
            SELECT week, count(*) AS participants, sum(ideas) AS ideas, sum(comments) AS comments, sum(reactions) AS reactions,
                   sum(votes) AS votes, sum(baskets) AS baskets
              FROM wk GROUP BY week),
        wr AS (SELECT date_trunc('week', at AT TIME ZONE @TimeZone)::date AS week, count(*) AS n FROM resp WHERE at >= @From GROUP BY 1),
        wu AS (SELECT date_trunc('week', at AT TIME ZONE @TimeZone)::date AS week, count(*) AS n FROM reg WHERE at >= @From GROUP BY 1)
        SELECT c.*,
               (SELECT count(*) FROM firsts WHERE first_at >= @From) AS new_participants,
               (SELECT count(*) FROM firsts WHERE first_at < @From) AS new_participants_previous,
               (SELECT count(*) FROM resp WHERE at >= @From) AS survey_responses,
               (SELECT count(*) FROM resp WHERE at < @From) AS survey_responses_previous,
               x.official_answers, x.official_answers_previous, x.days_to_first_answer, x.days_to_first_answer_previous,
               x.waiting_for_answer, x.waiting_for_answer_previous,
               CASE WHEN @ScopeType = 'platform' THEN (SELECT count(*) FROM reg WHERE at >= @From) END AS registrations,
               CASE WHEN @ScopeType = 'platform' THEN (SELECT count(*) FROM reg WHERE at < @From) END AS registrations_previous,
               (SELECT coalesce(json_agg(json_build_object(
                        'week', w.week, 'participants', coalesce(wa.participants, 0), 'ideas', coalesce(wa.ideas, 0),
                        'comments', coalesce(wa.comments, 0), 'reactions', coalesce(wa.reactions, 0), 'votes', coalesce(wa.votes, 0),
                        'basketsSubmitted', coalesce(wa.baskets, 0), 'surveyResponses', coalesce(wr.n, 0),
                        'registrations', CASE WHEN @ScopeType = 'platform' THEN coalesce(wu.n, 0) END)
                        ORDER BY w.week), '[]')
                  FROM weeks w LEFT JOIN wa ON wa.week = w.week LEFT JOIN wr ON wr.week = w.week LEFT JOIN wu ON wu.week = w.week)::text
                   AS weeks,
               (SELECT coalesce(json_agg(json_build_object('status', s.status, 'count', s.n) ORDER BY s.status), '[]')
                  FROM (SELECT i.status, count(*) AS n FROM ideas i
                         WHERE i.listed AND i.project_id = ANY (@ProjectIds) AND (@ScopeType <> 'phase' OR i.phase_id = @ScopeId)
                         GROUP BY i.status) s)::text AS statuses
          FROM (SELECT (SELECT count(*) FILTER (WHERE cur) FROM u) AS participants,
                       (SELECT count(*) FILTER (WHERE prev) FROM u) AS participants_previous,
                       count(*) FILTER (WHERE kind = 'idea' AND at >= @From) AS ideas,
                       count(*) FILTER (WHERE kind = 'idea' AND at < @From) AS ideas_previous,
                       count(*) FILTER (WHERE kind = 'comment' AND at >= @From) AS comments,
                       count(*) FILTER (WHERE kind = 'comment' AND at < @From) AS comments_previous,
                       count(*) FILTER (WHERE kind = 'reaction' AND at >= @From) AS reactions,
                       count(*) FILTER (WHERE kind = 'reaction' AND at < @From) AS reactions_previous,
                       count(*) FILTER (WHERE kind = 'vote' AND at >= @From) AS votes,
                       count(*) FILTER (WHERE kind = 'vote' AND at < @From) AS votes_previous,
                       (SELECT count(*) FILTER (WHERE voted) FROM u) AS voters,
                       (SELECT count(*) FILTER (WHERE voted_prev) FROM u) AS voters_previous,
                       count(*) FILTER (WHERE kind = 'basket' AND at >= @From) AS baskets_submitted,
                       count(*) FILTER (WHERE kind = 'basket' AND at < @From) AS baskets_submitted_previous
                  FROM a) c,
               (SELECT count(*) FILTER (WHERE answered_at >= @From AND answered_at < @To) AS official_answers,
                       count(*) FILTER (WHERE answered_at >= @PreviousFrom AND answered_at < @From) AS official_answers_previous,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - created_at) / 86400)
                           FILTER (WHERE answered_at >= @From AND answered_at < @To) AS days_to_first_answer,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - created_at) / 86400)
                           FILTER (WHERE answered_at >= @PreviousFrom AND answered_at < @From) AS days_to_first_answer_previous,
                       count(*) FILTER (WHERE listed AND created_at < @To - make_interval(days => @WaitingDays)
                                          AND (answered_at IS NULL OR answered_at >= @To)) AS waiting_for_answer,
                       count(*) FILTER (WHERE listed AND created_at < @From - make_interval(days => @WaitingDays)
                                          AND (answered_at IS NULL OR answered_at >= @From)) AS waiting_for_answer_previous
                  FROM ans) x;
        """;

    private sealed record Row(
        long Participants,
        long ParticipantsPrevious,
        long Ideas,
        long IdeasPrevious,
        long Comments,
        long CommentsPrevious,
        long Reactions,
        long ReactionsPrevious,
        long Votes,
        long VotesPrevious,
        long Voters,
        long VotersPrevious,
        long BasketsSubmitted,
        long BasketsSubmittedPrevious,
        long NewParticipants,
        long NewParticipantsPrevious,
        long SurveyResponses,
        long SurveyResponsesPrevious,
        long OfficialAnswers,
        long OfficialAnswersPrevious,
        double? DaysToFirstAnswer,
        double? DaysToFirstAnswerPrevious,
        long WaitingForAnswer,
        long WaitingForAnswerPrevious,
        long? Registrations,
        long? RegistrationsPrevious,
        string Weeks,
        string Statuses
    );

    private sealed record StatusRow(string Status, int Count);

    /// <summary>The parameters every scope-and-period statement takes.</summary>
    public static object Parameters(FigureScope scope, Guid[] projectIds, Period period, int waitingDays) =>
        new
        {
            ScopeType = scope.Type.ToWire(),
            ScopeId = scope.Id,
            ProjectIds = projectIds,
            period.From,
            period.To,
            period.PreviousFrom,
            WaitingDays = waitingDays,
            TimeZone = FigureDefinitions.TimeZone,
        };

    public static async Task<FigureSet> ComputeAsync(
        IDbConnection connection,
        FigureScope scope,
        Period period,
        int waitingDays,
        string language,
        CancellationToken ct
    ) => await ComputeAsync(connection, scope, await ProjectIdsAsync(connection, scope, ct), period, waitingDays, language, ct);

    /// <summary>The figures of a scope whose projects (<see cref="ProjectIdsAsync"/>) the caller already has.</summary>
    public static async Task<FigureSet> ComputeAsync(
        IDbConnection connection,
        FigureScope scope,
        Guid[] projectIds,
        Period period,
        int waitingDays,
        string language,
        CancellationToken ct
    )
    {
        var r = await connection.QuerySingleAsync<Row>(
            new CommandDefinition(
                Sql,
                Parameters(scope, projectIds, period, waitingDays),
                commandTimeout: CommandTimeoutSeconds,
                cancellationToken: ct
            )
        );
        Figure F(FigureKey key, decimal? value, decimal? previous)
        {
            var text = FigureCatalogue.Of(key, language, waitingDays);
            return new Figure(key, text.Label, text.Definition, value, previous);
        }
        static decimal? Days(double? days) => days is { } d ? Math.Round((decimal)d, 1) : null;
        var figures = new List<Figure>
        {
            F(FigureKey.Participants, r.Participants, r.ParticipantsPrevious),
            F(FigureKey.NewParticipants, r.NewParticipants, r.NewParticipantsPrevious),
            F(FigureKey.Ideas, r.Ideas, r.IdeasPrevious),
            F(FigureKey.Comments, r.Comments, r.CommentsPrevious),
            F(FigureKey.Reactions, r.Reactions, r.ReactionsPrevious),
            F(FigureKey.Votes, r.Votes, r.VotesPrevious),
            F(FigureKey.Voters, r.Voters, r.VotersPrevious),
            F(FigureKey.BasketsSubmitted, r.BasketsSubmitted, r.BasketsSubmittedPrevious),
            F(FigureKey.SurveyResponses, r.SurveyResponses, r.SurveyResponsesPrevious),
            F(FigureKey.OfficialAnswers, r.OfficialAnswers, r.OfficialAnswersPrevious),
            F(FigureKey.DaysToFirstAnswer, Days(r.DaysToFirstAnswer), Days(r.DaysToFirstAnswerPrevious)),
            F(FigureKey.WaitingForAnswer, r.WaitingForAnswer, r.WaitingForAnswerPrevious),
            F(FigureKey.Registrations, r.Registrations, r.RegistrationsPrevious),
        };
        var weeks = JsonSerializer.Deserialize<List<WeekFigures>>(r.Weeks, JsonSerializerOptions.Web) ?? [];
        var statuses = (JsonSerializer.Deserialize<List<StatusRow>>(r.Statuses, JsonSerializerOptions.Web) ?? [])
            .Select(s => new StatusCount(s.Status.ToEnum<IdeaStatus>(), s.Count))
            .ToList();
        return new FigureSet(figures, weeks, statuses, waitingDays);
    }
}
