using System.Data;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// The aggregates behind <see cref="GetSurveyResults"/>, computed by PostgreSQL over submitted responses in one
/// batch of a fixed number of queries (one per kind of figure, all questions at once), so the cost does not grow
/// with the number of questions and no response is loaded into memory.
/// </summary>
internal static class SurveyAggregates
{
    public sealed record QuestionRow(Guid Id, string TypeName, string Title, bool AllowOther, int Answered, int TextCount)
    {
        public QuestionType Type => TypeName.ToEnum<QuestionType>();
    }

    public sealed record OptionRow(Guid QuestionId, Guid OptionId, string Label, int Count, double Score, double? AverageRank);

    public sealed record SummaryRow(Guid QuestionId, decimal Average, decimal Median, decimal Minimum, decimal Maximum);

    public sealed record BucketRow(Guid QuestionId, decimal From, decimal To, int Count);

    public sealed record PointRow(Guid QuestionId, double Latitude, double Longitude);

    public sealed record Data(
        int Responses,
        IReadOnlyList<QuestionRow> Questions,
        ILookup<Guid, OptionRow> Options,
        IReadOnlyDictionary<Guid, SummaryRow> Summaries,
        ILookup<Guid, BucketRow> Buckets,
        ILookup<Guid, PointRow> Points
    );

    // The submitted answers of the phase, for the queries below.
    private const string Submitted = """
        survey_answers a JOIN survey_responses r ON r.id = a.response_id AND r.phase_id = @PhaseId AND r.status = 'submitted'
        """;

    private const string Sql = $"""
        SELECT count(*)::int FROM survey_responses WHERE phase_id = @PhaseId AND status = 'submitted';

        SELECT q.id, q.type AS type_name, q.title::text AS title, coalesce(q.settings ->> 'allowOther', 'false') = 'true' AS allow_other,
               coalesce(s.answered, 0) AS answered, coalesce(s.text_count, 0) AS text_count
          FROM survey_questions q
          LEFT JOIN (SELECT a.question_id, count(DISTINCT a.response_id)::int AS answered,
                            count(*) FILTER (WHERE a.option_id IS NULL AND a.text IS NOT NULL)::int AS text_count
                       FROM {Submitted}
                      GROUP BY a.question_id) s ON s.question_id = q.id
         WHERE q.phase_id = @PhaseId
         ORDER BY q.position;

        -- Borda: sum over answers of (n - rank + 1) = count * (n + 1) - sum(rank), n = the question's number of options.
        SELECT o.question_id, o.id AS option_id, o.label::text AS label, coalesce(c.count, 0) AS count,
               (coalesce(c.count, 0) * (o.n + 1) - coalesce(c.rank_sum, 0))::float8 AS score, c.average_rank
          FROM (SELECT o.id, o.question_id, o.label, o.position, q.position AS question_position,
                       count(*) OVER (PARTITION BY o.question_id) AS n
                  FROM survey_options o JOIN survey_questions q ON q.id = o.question_id
                 WHERE q.phase_id = @PhaseId) o
          LEFT JOIN (SELECT a.option_id, count(*)::int AS count, sum(a.rank) AS rank_sum, avg(a.rank)::float8 AS average_rank
                       FROM {Submitted}
                      WHERE a.option_id IS NOT NULL
                      GROUP BY a.option_id) c ON c.option_id = o.id
         ORDER BY o.question_position, o.position;

        -- The median stays exact in numeric: the mean of the lower and the upper middle values.
        SELECT a.question_id, trim_scale(round(avg(a.number), 6)) AS average,
               trim_scale(round((percentile_disc(0.5) WITHIN GROUP (ORDER BY a.number)
                                 + percentile_disc(0.5) WITHIN GROUP (ORDER BY a.number DESC)) / 2, 6)) AS median,
               trim_scale(min(a.number)) AS minimum, trim_scale(max(a.number)) AS maximum
          FROM {Submitted} JOIN survey_questions q ON q.id = a.question_id
         WHERE q.type IN ('linear_scale', 'number') AND a.number IS NOT NULL
         GROUP BY a.question_id;

        -- Scales: one bucket per point 1..N. Numbers: one bucket per value when they are at most 10 integers apart,
        -- else 10 equal-width buckets between the minimum and the maximum (the maximum falls in the last).
        WITH nums AS (
            SELECT a.question_id, a.number
              FROM {Submitted} JOIN survey_questions q ON q.id = a.question_id
             WHERE q.type IN ('linear_scale', 'number') AND a.number IS NOT NULL),
        shape AS (
            SELECT q.id AS question_id, q.position, q.type, s.lo, s.hi,
                   CASE WHEN q.type = 'linear_scale'
                        THEN greatest(coalesce((q.settings ->> 'scalePoints')::int, 5), coalesce(ceil(s.hi)::int, 0))
                        WHEN s.lo IS NULL THEN 0
                        WHEN s.hi = s.lo THEN 1
                        WHEN s.integers AND s.hi - s.lo < 10 THEN (s.hi - s.lo)::int + 1
                        ELSE 10 END AS k,
                   q.type = 'linear_scale' OR coalesce(s.integers AND s.hi - s.lo < 10, false) AS unit
              FROM survey_questions q
              LEFT JOIN (SELECT question_id, min(number) AS lo, max(number) AS hi, bool_and(number = trunc(number)) AS integers
                           FROM nums GROUP BY question_id) s ON s.question_id = q.id
             WHERE q.phase_id = @PhaseId AND q.type IN ('linear_scale', 'number')),
        counts AS (
            SELECT n.question_id,
                   CASE WHEN sh.type = 'linear_scale' THEN n.number::int
                        WHEN sh.unit THEN (n.number - sh.lo)::int + 1
                        WHEN sh.k = 1 THEN 1
                        ELSE least(width_bucket(n.number, sh.lo, sh.hi, sh.k), sh.k) END AS bucket,
                   count(*)::int AS count
              FROM nums n JOIN shape sh ON sh.question_id = n.question_id
             GROUP BY 1, 2)
        SELECT sh.question_id,
               trim_scale(CASE WHEN sh.type = 'linear_scale' THEN g.i::numeric WHEN sh.unit THEN sh.lo + (g.i - 1)
                               ELSE round(sh.lo + (sh.hi - sh.lo) * (g.i - 1) / sh.k, 6) END) AS "from",
               trim_scale(CASE WHEN sh.type = 'linear_scale' THEN g.i::numeric WHEN sh.unit THEN sh.lo + (g.i - 1)
                               ELSE round(sh.lo + (sh.hi - sh.lo) * g.i / sh.k, 6) END) AS "to",
               coalesce(c.count, 0) AS count
          FROM shape sh CROSS JOIN LATERAL generate_series(1, sh.k) AS g(i)
          LEFT JOIN counts c ON c.question_id = sh.question_id AND c.bucket = g.i
         ORDER BY sh.position, g.i;

        SELECT x.question_id, x.latitude, x.longitude FROM (
            SELECT a.question_id, a.latitude, a.longitude, r.submitted_at, r.id,
                   row_number() OVER (PARTITION BY a.question_id ORDER BY r.submitted_at DESC, r.id DESC) AS n
              FROM {Submitted}
             WHERE @Staff AND a.latitude IS NOT NULL) x
         WHERE x.n <= @MaxPoints
         ORDER BY x.submitted_at DESC, x.id DESC;
        """;

    public static async Task<Data> LoadAsync(IDbConnection connection, Guid phaseId, bool staff, CancellationToken ct)
    {
        await using var grid = await connection.QueryMultipleAsync(
            new CommandDefinition(
                Sql,
                new
                {
                    PhaseId = phaseId,
                    Staff = staff,
                    GetSurveyResults.MaxPoints,
                },
                cancellationToken: ct
            )
        );
        var responses = await grid.ReadSingleAsync<int>();
        var questions = (await grid.ReadAsync<QuestionRow>()).AsList();
        var options = (await grid.ReadAsync<OptionRow>()).ToLookup(o => o.QuestionId);
        var summaries = (await grid.ReadAsync<SummaryRow>()).ToDictionary(s => s.QuestionId);
        var buckets = (await grid.ReadAsync<BucketRow>()).ToLookup(b => b.QuestionId);
        var points = (await grid.ReadAsync<PointRow>()).ToLookup(p => p.QuestionId);
        return new Data(responses, questions, options, summaries, buckets, points);
    }
}
