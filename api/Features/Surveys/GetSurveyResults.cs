using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.OpenApi;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// A survey's or poll's results per question, aggregated in SQL over submitted responses: counts and percentages per
/// option (and "other"), ranking scores (Borda: an option ranked r-th of n earns n - r + 1) and average rank, average /
/// median / minimum / maximum and distribution for scales and numbers, points for map questions, the number of
/// free-text answers (listed by <see cref="ListTextAnswers"/>). The project's staff always see everything; residents
/// only once the staff publish the results (<c>resultsPublic</c>), and then a question answered fewer than 5 times is
/// not broken down, counts under 5 are hidden (null), and neither points nor texts are shown.
/// </summary>
public static class GetSurveyResults
{
    public sealed record Query(Guid? ActorId, Guid PhaseId) : IQuery<Response>;

    /// <summary>A choice's count (null: hidden, fewer than 5), share of the question's respondents in %, and for ranking its score and average rank.</summary>
    public sealed record OptionResult(Guid OptionId, IReadOnlyDictionary<string, string> Label, int? Count, double? Percent, double? Score, double? AverageRank);

    /// <summary>How many answers fall in [From, To] (a scale point has From = To); null: hidden, fewer than 5.</summary>
    public sealed record Bucket(decimal From, decimal To, int? Count);

    public sealed record NumberSummary(decimal Average, decimal Median, decimal Minimum, decimal Maximum);

    public sealed record Point(double Latitude, double Longitude);

    /// <summary>
    /// One question's results. <see cref="BrokenDown"/> is false when the details are withheld (fewer than 5 answers for
    /// residents): then only <see cref="Answered"/> is given.
    /// </summary>
    public sealed record QuestionResult(Guid QuestionId, string Type, IReadOnlyDictionary<string, string> Title, int Answered, bool BrokenDown,
        IReadOnlyList<OptionResult> Options, int? OtherCount, NumberSummary? Summary, IReadOnlyList<Bucket> Distribution, int TextCount,
        IReadOnlyList<Point> Points);

    public sealed record Response(Guid PhaseId, string Method, bool Published, bool Staff, int Responses, IReadOnlyList<QuestionResult> Questions);

    public sealed class Handler(NpgsqlDataSource db) : IQueryHandler<Query, Response>
    {
        public ValueTask<Response> Handle(Query q, CancellationToken ct) => throw new NotImplementedException(nameof(GetSurveyResults) + db.ConnectionString.Length);
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapGet("/phases/{id:guid}/survey-results", (Guid id, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            sender.Send(new Query(user.UserIdOrNull(), id), ct))
        .WithName(nameof(GetSurveyResults))
        .WithSummary("Results of a survey or poll per question: for the project's staff, and for everyone once published (small groups withheld).")
        .ProducesProblems(403, 404);
}
