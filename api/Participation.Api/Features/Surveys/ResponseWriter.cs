using System.Data;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// Writes and reads back a response's answers, for surveys and polls. A response is found by its person, or for
/// visitors without an account by the hash of their browser token.
/// </summary>
public static class ResponseWriter
{
    /// <summary>Replaces every answer row of the response in one round trip (arrays unnested, no statement per answer).</summary>
    private const string ReplaceSql = """
        DELETE FROM survey_answers WHERE response_id = @ResponseId;
        INSERT INTO survey_answers (response_id, question_id, option_id, rank, number, text, latitude, longitude)
        SELECT @ResponseId, x.question_id, x.option_id, x.rank, x.number, x.text, x.latitude, x.longitude
          FROM unnest(@Questions::uuid[], @Options::uuid[], @Ranks::int[], @Numbers::numeric[], @Texts::text[], @Latitudes::float8[],
                      @Longitudes::float8[])
               AS x(question_id, option_id, rank, number, text, latitude, longitude);
        """;

    private const string Mine =
        "r.phase_id = @PhaseId AND (r.user_id = @ActorId OR (@ActorId::uuid IS NULL AND r.token_hash = @TokenHash))";

    private const string ReadSql = $"""
        SELECT r.status, r.updated_at, r.submitted_at FROM survey_responses r WHERE {Mine};
        SELECT a.question_id, q.type, a.option_id, a.number, a.text, a.latitude, a.longitude
          FROM survey_responses r
          JOIN survey_answers a ON a.response_id = r.id
          JOIN survey_questions q ON q.id = a.question_id
          LEFT JOIN survey_options o ON o.id = a.option_id
         WHERE {Mine}
         ORDER BY q.position, a.rank NULLS LAST, o.position NULLS LAST;
        """;

    private sealed record ResponseRow(string Status, DateTime UpdatedAt, DateTime? SubmittedAt);

    private sealed record AnswerRow(
        Guid QuestionId,
        string Type,
        Guid? OptionId,
        decimal? Number,
        string? Text,
        double? Latitude,
        double? Longitude
    );

    public static Task ReplaceAsync(
        IDbConnection connection,
        IDbTransaction tx,
        Guid responseId,
        IReadOnlyList<AnswerValue> rows,
        CancellationToken ct
    ) =>
        connection.ExecuteAsync(
            new CommandDefinition(
                ReplaceSql,
                new
                {
                    ResponseId = responseId,
                    Questions = rows.Select(r => r.QuestionId).ToArray(),
                    Options = rows.Select(r => r.OptionId).ToArray(),
                    Ranks = rows.Select(r => r.Rank).ToArray(),
                    Numbers = rows.Select(r => r.Number).ToArray(),
                    Texts = rows.Select(r => r.Text).ToArray(),
                    Latitudes = rows.Select(r => r.Latitude).ToArray(),
                    Longitudes = rows.Select(r => r.Longitude).ToArray(),
                },
                tx,
                cancellationToken: ct
            )
        );

    /// <summary>The caller's response (status <c>none</c> when there is none), its answers in questionnaire order.</summary>
    public static async Task<MyResponse> ReadAsync(
        IDbConnection connection,
        IDbTransaction? tx,
        Guid phaseId,
        Guid? actorId,
        byte[]? tokenHash,
        CancellationToken ct
    )
    {
        using var grid = await connection.QueryMultipleAsync(
            new CommandDefinition(
                ReadSql,
                new
                {
                    PhaseId = phaseId,
                    ActorId = actorId,
                    TokenHash = tokenHash,
                },
                tx,
                cancellationToken: ct
            )
        );
        var response = await grid.ReadSingleOrDefaultAsync<ResponseRow>();
        var rows = (await grid.ReadAsync<AnswerRow>()).ToList();
        if (response is null)
            return new MyResponse(phaseId, ResponseStatus.None, null, null, []);
        var answers = rows.GroupBy(r => r.QuestionId)
            .Select(g =>
            {
                var first = g.First();
                return first.Type.ToEnum<QuestionType>() switch
                {
                    QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.Ranking => new Answer(
                        g.Key,
                        OptionIds: g.Where(r => r.OptionId is not null).Select(r => r.OptionId!.Value).ToList(),
                        OtherText: g.FirstOrDefault(r => r.OptionId is null)?.Text
                    ),
                    QuestionType.ShortText or QuestionType.LongText => new Answer(g.Key, Text: first.Text),
                    QuestionType.MapPoint => new Answer(g.Key, Latitude: first.Latitude, Longitude: first.Longitude),
                    _ => new Answer(g.Key, Number: first.Number),
                };
            })
            .ToList();
        return new MyResponse(
            phaseId,
            response.Status.ToEnum<ResponseStatus>(),
            response.UpdatedAt.AsUtc(),
            response.SubmittedAt.AsUtc(),
            answers
        );
    }

    /// <summary>The caller's response, by account or by browser token (status none without either).</summary>
    public static async Task<MyResponse> ReadMineAsync(
        IDbConnection connection,
        Guid? actorId,
        string? token,
        Guid phaseId,
        CancellationToken ct
    )
    {
        var hash =
            actorId is null && !string.IsNullOrEmpty(token) ? Infrastructure.Auth.SecureTokens.Hash(Answering.RequireToken(token)) : null;
        return actorId is null && hash is null
            ? new MyResponse(phaseId, ResponseStatus.None, null, null, [])
            : await ResponseWriter.ReadAsync(connection, null, phaseId, actorId, hash, ct);
    }
}
