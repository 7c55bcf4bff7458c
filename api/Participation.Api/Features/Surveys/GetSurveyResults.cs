using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// A survey's or poll's results per question, aggregated in SQL over submitted responses: counts and percentages per
/// option (and "other"), ranking scores (Borda: an option ranked r-th of n earns n - r + 1) and average rank, average /
/// median / minimum / maximum and distribution for scales and numbers, points for map questions, the number of
/// free-text answers (listed by <see cref="ListTextAnswers"/>). The project's staff always see everything; residents
/// only once the staff publish the results (<c>resultsPublic</c>), and then a question answered fewer than 5 times is
/// not broken down, counts under 5 are hidden (null), and neither points nor texts are shown.
/// Two statements whatever the number of questions: the access check, then one batch of five queries.
/// </summary>
public static class GetSurveyResults
{
    /// <summary>Below this many answers a group is not shown to residents.</summary>
    public const int SmallGroup = 5;

    /// <summary>The most recent points shown to the staff per map question.</summary>
    public const int MaxPoints = 5000;

    public sealed record Query(Guid? ActorId, Guid PhaseId) : IQuery<Response>;

    /// <summary>A choice's count (null: hidden, fewer than 5), share of the question's respondents in %, and for ranking its score and
    /// average rank.</summary>
    public sealed record OptionResult(
        Guid OptionId,
        IReadOnlyDictionary<string, string> Label,
        int? Count,
        double? Percent,
        double? Score,
        double? AverageRank
    );

    /// <summary>How many answers fall in [From, To] (a scale point has From = To); null: hidden, fewer than 5.</summary>
    public sealed record Bucket(decimal From, decimal To, int? Count);

    public sealed record NumberSummary(decimal Average, decimal Median, decimal Minimum, decimal Maximum);

    public sealed record Point(double Latitude, double Longitude);

    /// <summary>
    /// One question's results. <see cref="BrokenDown"/> is false when the details are withheld (fewer than 5 answers for
    /// residents): then only <see cref="Answered"/> is given.
    /// </summary>
    public sealed record QuestionResult(
        Guid QuestionId,
        QuestionType Type,
        IReadOnlyDictionary<string, string> Title,
        int Answered,
        bool BrokenDown,
        IReadOnlyList<OptionResult> Options,
        int? OtherCount,
        NumberSummary? Summary,
        IReadOnlyList<Bucket> Distribution,
        int TextCount,
        IReadOnlyList<Point> Points
    );

    public sealed record Response(
        Guid PhaseId,
        PhaseMethod Method,
        bool Published,
        bool Staff,
        int Responses,
        IReadOnlyList<QuestionResult> Questions
    );

    public sealed class Handler(StaleReads db) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            return await ComputeAsync(connection, await SurveyResultsAccess.RequireResultsAsync(connection, q.ActorId, q.PhaseId, ct), ct);
        }

        internal static async Task<Response> ComputeAsync(
            NpgsqlConnection connection,
            SurveyResultsAccess.Phase phase,
            CancellationToken ct
        )
        {
            var data = await SurveyAggregates.LoadAsync(connection, phase.Id, phase.Staff, ct);
            var questions = data.Questions.Select(x => Build(x, data, phase.Staff)).ToList();
            return new Response(phase.Id, phase.Method, phase.ResultsPublic, phase.Staff, data.Responses, questions);
        }

        private static QuestionResult Build(SurveyAggregates.QuestionRow x, SurveyAggregates.Data data, bool staff)
        {
            var title = LocalizedText.FromJson(x.Title);
            if (!staff && x.Answered < SmallGroup)
                return new QuestionResult(x.Id, x.Type, title, x.Answered, false, [], null, null, [], 0, []);
            int? Shown(int count) => staff || count == 0 || count >= SmallGroup ? count : null;
            double Percent(int count) => x.Answered == 0 ? 0 : Math.Round(count * 100.0 / x.Answered, 1, MidpointRounding.AwayFromZero);
            var ranking = x.Type == QuestionType.Ranking;
            var options = data.Options[x.Id]
                .Select(o =>
                {
                    var count = Shown(o.Count);
                    return new OptionResult(
                        o.OptionId,
                        LocalizedText.FromJson(o.Label),
                        count,
                        count is null ? null : Percent(o.Count),
                        ranking && count is not null ? o.Score : null,
                        ranking && count is not null && o.AverageRank is { } r ? Math.Round(r, 2) : null
                    );
                })
                .ToList();
            var choice = x.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice;
            int? other = choice && (x.AllowOther || x.TextCount > 0) ? (staff || x.TextCount >= SmallGroup ? x.TextCount : null) : null;
            var summary = data.Summaries.TryGetValue(x.Id, out var s) ? new NumberSummary(s.Average, s.Median, s.Minimum, s.Maximum) : null;
            var buckets = data.Buckets[x.Id].Select(b => new Bucket(b.From, b.To, Shown(b.Count))).ToList();
            var points = staff ? data.Points[x.Id].Select(p => new Point(p.Latitude, p.Longitude)).ToList() : [];
            return new QuestionResult(x.Id, x.Type, title, x.Answered, true, options, other, summary, buckets, x.TextCount, points);
        }
    }

    /// <summary>
    /// The results when <paramref name="actorId"/> may see them (staff, or published), else null: for answers that
    /// come with the results when allowed (a poll's answer). 404 as <see cref="Handler"/> for a phase one may not see.
    /// </summary>
    public static async Task<Response?> WhenReadableAsync(NpgsqlConnection connection, Guid? actorId, Guid phaseId, CancellationToken ct) =>
        await SurveyResultsAccess.ResultsOrNullAsync(connection, actorId, phaseId, ct) is { } phase
            ? await Handler.ComputeAsync(connection, phase, ct)
            : null;

    [EndpointSummary(
        "Results of a survey or poll per question: for the project's staff, and for everyone once published (small groups withheld)."
    )]
    public static ValueTask<Response> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserIdOrNull, id), ct);
}
