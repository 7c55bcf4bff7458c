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
    /// SQL: the participation actions in scope up to the period's end, as a CTE body (columns kind, user_id, at, phase_id).
    /// </summary>
    public const string ScopeActions = $"""
        SELECT a.kind, a.user_id, a.at, a.phase_id FROM ({FigureDefinitions.Actions}) a
         WHERE a.project_id IN (SELECT id FROM sp) AND (@ScopeType <> 'phase' OR a.phase_id = @ScopeId) AND a.at < @To
        """;

    private const string Sql = $"""
        WITH sp AS ({ScopeProjects}),
        a AS MATERIALIZED ({ScopeActions}),
        firsts AS (SELECT min(at) AS first_at FROM a GROUP BY user_id),
        resp AS (
            SELECT s.submitted_at AS at FROM survey_responses s JOIN phases ph ON ph.id = s.phase_id
             WHERE s.status = 'submitted' AND ph.project_id IN (SELECT id FROM sp) AND (@ScopeType <> 'phase' OR s.phase_id = @ScopeId)
               AND s.submitted_at >= @PreviousFrom AND s.submitted_at < @To),
        ans AS MATERIALIZED (
            SELECT i.created_at, i.listed, {FigureDefinitions.FirstAnswerAt} AS answered_at FROM ideas i
             WHERE i.project_id IN (SELECT id FROM sp) AND (@ScopeType <> 'phase' OR i.phase_id = @ScopeId) AND i.created_at < @To),
        reg AS (SELECT u.created_at AS at FROM users u
                 WHERE @ScopeType = 'platform' AND u.created_at >= @PreviousFrom AND u.created_at < @To),
        weeks AS (
            SELECT w::date AS week, greatest(w AT TIME ZONE @TimeZone, @From) AS starts,
                   least((w + interval '1 week') AT TIME ZONE @TimeZone, @To) AS ends
              FROM generate_series(date_trunc('week', @From AT TIME ZONE @TimeZone),
                                   date_trunc('week', (@To - interval '1 microsecond') AT TIME ZONE @TimeZone),
                                   interval '1 week') w)
        SELECT c.*,
               (SELECT count(*) FROM firsts WHERE first_at >= @From) AS new_participants,
               (SELECT count(*) FROM firsts WHERE first_at >= @PreviousFrom AND first_at < @From) AS new_participants_previous,
               (SELECT count(*) FROM resp WHERE at >= @From) AS survey_responses,
               (SELECT count(*) FROM resp WHERE at < @From) AS survey_responses_previous,
               (SELECT count(*) FROM ans WHERE answered_at >= @From AND answered_at < @To) AS official_answers,
               (SELECT count(*) FROM ans WHERE answered_at >= @PreviousFrom AND answered_at < @From) AS official_answers_previous,
               (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - created_at) / 86400)
                  FROM ans WHERE answered_at >= @From AND answered_at < @To) AS days_to_first_answer,
               (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - created_at) / 86400)
                  FROM ans WHERE answered_at >= @PreviousFrom AND answered_at < @From) AS days_to_first_answer_previous,
               (SELECT count(*) FROM ans WHERE listed AND created_at < @To - make_interval(days => @WaitingDays)
                   AND (answered_at IS NULL OR answered_at >= @To)) AS waiting_for_answer,
               (SELECT count(*) FROM ans WHERE listed AND created_at < @From - make_interval(days => @WaitingDays)
                   AND (answered_at IS NULL OR answered_at >= @From)) AS waiting_for_answer_previous,
               CASE WHEN @ScopeType = 'platform' THEN (SELECT count(*) FROM reg WHERE at >= @From) END AS registrations,
               CASE WHEN @ScopeType = 'platform' THEN (SELECT count(*) FROM reg WHERE at < @From) END AS registrations_previous,
               (SELECT coalesce(json_agg(json_build_object(
                        'week', w.week,
                        'participants', (SELECT count(DISTINCT user_id) FROM a WHERE at >= w.starts AND at < w.ends),
                        'ideas', (SELECT count(*) FROM a WHERE kind = 'idea' AND at >= w.starts AND at < w.ends),
                        'comments', (SELECT count(*) FROM a WHERE kind = 'comment' AND at >= w.starts AND at < w.ends),
                        'reactions', (SELECT count(*) FROM a WHERE kind = 'reaction' AND at >= w.starts AND at < w.ends),
                        'votes', (SELECT count(*) FROM a WHERE kind = 'vote' AND at >= w.starts AND at < w.ends),
                        'basketsSubmitted', (SELECT count(*) FROM a WHERE kind = 'basket' AND at >= w.starts AND at < w.ends),
                        'surveyResponses', (SELECT count(*) FROM resp WHERE at >= w.starts AND at < w.ends),
                        'registrations', CASE WHEN @ScopeType = 'platform'
                                              THEN (SELECT count(*) FROM reg WHERE at >= w.starts AND at < w.ends) END)
                        ORDER BY w.week), '[]') FROM weeks w)::text AS weeks,
               (SELECT coalesce(json_agg(json_build_object('status', s.status, 'count', s.n) ORDER BY s.status), '[]')
                  FROM (SELECT i.status, count(*) AS n FROM ideas i
                         WHERE i.listed AND i.project_id IN (SELECT id FROM sp) AND (@ScopeType <> 'phase' OR i.phase_id = @ScopeId)
                         GROUP BY i.status) s)::text AS statuses
          FROM (SELECT count(DISTINCT user_id) FILTER (WHERE at >= @From) AS participants,
                       count(DISTINCT user_id) FILTER (WHERE at >= @PreviousFrom AND at < @From) AS participants_previous,
                       count(*) FILTER (WHERE kind = 'idea' AND at >= @From) AS ideas,
                       count(*) FILTER (WHERE kind = 'idea' AND at >= @PreviousFrom AND at < @From) AS ideas_previous,
                       count(*) FILTER (WHERE kind = 'comment' AND at >= @From) AS comments,
                       count(*) FILTER (WHERE kind = 'comment' AND at >= @PreviousFrom AND at < @From) AS comments_previous,
                       count(*) FILTER (WHERE kind = 'reaction' AND at >= @From) AS reactions,
                       count(*) FILTER (WHERE kind = 'reaction' AND at >= @PreviousFrom AND at < @From) AS reactions_previous,
                       count(*) FILTER (WHERE kind = 'vote' AND at >= @From) AS votes,
                       count(*) FILTER (WHERE kind = 'vote' AND at >= @PreviousFrom AND at < @From) AS votes_previous,
                       count(DISTINCT user_id) FILTER (WHERE kind = 'vote' AND at >= @From) AS voters,
                       count(DISTINCT user_id) FILTER (WHERE kind = 'vote' AND at >= @PreviousFrom AND at < @From) AS voters_previous,
                       count(*) FILTER (WHERE kind = 'basket' AND at >= @From) AS baskets_submitted,
                       count(*) FILTER (WHERE kind = 'basket' AND at >= @PreviousFrom AND at < @From) AS baskets_submitted_previous
                  FROM a) c;
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
    public static object Parameters(FigureScope scope, Period period, int waitingDays) =>
        new
        {
            ScopeType = scope.Type.ToWire(),
            ScopeId = scope.Id,
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
    )
    {
        var r = await connection.QuerySingleAsync<Row>(
            new CommandDefinition(Sql, Parameters(scope, period, waitingDays), cancellationToken: ct)
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
