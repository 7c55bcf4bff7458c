using System.Data;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Surveys;

/// <summary>The caller's poll answer and, when they may see them, the poll's results right after it.</summary>
public sealed record PollState(Guid PhaseId, MyResponse Response, GetSurveyResults.Response? Results);

/// <summary>What the three poll slices share: who answers, their answer, and the results they may see.</summary>
internal static class Polls
{
    /// <summary>A poll phase the caller may see (404 for any other phase, like surveys).</summary>
    public static async Task<Questionnaire.Phase> RequirePollAsync(
        IDbConnection connection,
        Guid? actorId,
        Guid phaseId,
        IDbTransaction? tx,
        CancellationToken ct
    )
    {
        var phase = await Questionnaire.RequirePhaseAsync(connection, actorId, phaseId, tx, ct);
        return phase.Method == PhaseMethod.Poll ? phase : throw new NotFoundException("No such poll.");
    }

    /// <summary>
    /// A response's answers as stored: a digest comparing them whole, and the options chosen (in rank order) that the
    /// events carry. Free text, numbers and places stay out of the events: the options are the choice, like a vote's idea.
    /// </summary>
    private const string StoredSql = """
        SELECT coalesce(jsonb_agg(jsonb_build_array(question_id, option_id, rank, number, text, latitude, longitude)
                                  ORDER BY question_id, rank, option_id, text, number, latitude, longitude), '[]')::text AS digest,
               coalesce(array_agg(option_id ORDER BY question_id, rank, option_id) FILTER (WHERE option_id IS NOT NULL), '{}') AS option_ids
          FROM survey_answers WHERE response_id = @ResponseId;
        """;

    public sealed class Stored
    {
        public string Digest { get; init; } = "";
        public Guid[] OptionIds { get; init; } = [];
    }

    /// <summary>Read with the response row locked by the transaction, so nobody changes them meanwhile.</summary>
    public static Task<Stored> StoredAsync(IDbConnection connection, IDbTransaction tx, Guid responseId, CancellationToken ct) =>
        connection.QuerySingleAsync<Stored>(new CommandDefinition(StoredSql, new { ResponseId = responseId }, tx, cancellationToken: ct));

    /// <summary>The results when the caller may read them (staff, or published), else null: a poll answer never fails on them.</summary>
    public static Task<GetSurveyResults.Response?> ResultsAsync(
        NpgsqlConnection connection,
        Guid? actorId,
        Guid phaseId,
        CancellationToken ct
    ) => GetSurveyResults.WhenReadableAsync(connection, actorId, phaseId, ct);
}
