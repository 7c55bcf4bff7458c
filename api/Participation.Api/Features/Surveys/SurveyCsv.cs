using System.Data;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// Writes a survey's submitted responses as CSV: one ordered query read with an unbuffered, sequential reader; the
/// consecutive rows of one response become one CSV record, written and flushed as they come, so memory stays
/// constant whatever the number of responses. UTF-8 with a byte order mark (for Excel); cells that a spreadsheet
/// would take for a formula (= + - @ tab CR) are prefixed with a single quote.
/// </summary>
internal static class SurveyCsv
{
    private const int FlushEvery = 500;

    private const string QuestionsSql = """
        SELECT q.id, q.type, q.title::text AS title FROM survey_questions q WHERE q.phase_id = @PhaseId ORDER BY q.position;
        SELECT o.id, o.label::text AS label FROM survey_options o JOIN survey_questions q ON q.id = o.question_id
               WHERE q.phase_id = @PhaseId;
        """;

    // Rank order for ranking questions, option order for choices, then the "other" text (no option).
    private const string RowsSql = """
        SELECT r.id, r.submitted_at, a.question_id, a.option_id, a.number, a.text, a.latitude, a.longitude
          FROM survey_responses r
          LEFT JOIN survey_answers a ON a.response_id = r.id
          LEFT JOIN survey_options o ON o.id = a.option_id
         WHERE r.phase_id = $1 AND r.status = 'submitted'
         ORDER BY r.submitted_at, r.id, a.question_id, a.rank NULLS LAST, o.position NULLS LAST
        """;

    private sealed record QuestionRow(Guid Id, string Type, string Title);

    private sealed record OptionRow(Guid Id, string Label);

    public static async Task WriteAsync(NpgsqlDataSource db, Guid phaseId, string language, Stream stream, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        List<QuestionRow> questions;
        Dictionary<Guid, string> labels;
        await using (
            var grid = await connection.QueryMultipleAsync(
                new CommandDefinition(QuestionsSql, new { PhaseId = phaseId }, cancellationToken: ct)
            )
        )
        {
            questions = (await grid.ReadAsync<QuestionRow>()).AsList();
            labels = (await grid.ReadAsync<OptionRow>()).ToDictionary(
                o => o.Id,
                o => LocalizedText.Pick(LocalizedText.FromJson(o.Label), language)
            );
        }
        var column = questions.Select((q, i) => (q.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var separators = questions.Select(q => q.Type.ToEnum<QuestionType>() == QuestionType.Ranking ? " > " : "; ").ToArray();

        await stream.WriteAsync(Encoding.UTF8.Preamble.ToArray(), ct);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.WriteField("response_id");
        csv.WriteField("submitted_at");
        foreach (var q in questions)
            csv.WriteField(Safe(LocalizedText.Pick(LocalizedText.FromJson(q.Title), language)));
        await csv.NextRecordAsync();

        await using var command = new NpgsqlCommand(RowsSql, connection) { CommandTimeout = 600 };
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = phaseId });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        var cells = new StringBuilder?[questions.Count];
        Guid? current = null;
        DateTime submittedAt = default;
        var written = 0;
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetGuid(0);
            var at = reader.GetDateTime(1);
            if (id != current)
            {
                if (current is { } previous)
                {
                    Write(csv, previous, submittedAt, cells);
                    await csv.NextRecordAsync();
                    if (++written % FlushEvery == 0)
                        await csv.FlushAsync();
                }
                current = id;
                submittedAt = at;
                Array.Clear(cells);
            }
            if (await reader.IsDBNullAsync(2, ct))
                continue; // a response without answers
            var question = reader.GetGuid(2);
            Guid? option = await reader.IsDBNullAsync(3, ct) ? null : reader.GetGuid(3);
            decimal? number = await reader.IsDBNullAsync(4, ct) ? null : reader.GetDecimal(4);
            var text = await reader.IsDBNullAsync(5, ct) ? null : reader.GetString(5);
            double? latitude = await reader.IsDBNullAsync(6, ct) ? null : reader.GetDouble(6);
            double? longitude = await reader.IsDBNullAsync(7, ct) ? null : reader.GetDouble(7);
            if (!column.TryGetValue(question, out var index))
                continue;
            var value =
                option is { } o ? Safe(labels.GetValueOrDefault(o, ""))
                : number is { } n ? n.ToString("0.######", CultureInfo.InvariantCulture)
                : latitude is { } lat && longitude is { } lng
                    ? $"{lat.ToString("R", CultureInfo.InvariantCulture)},{lng.ToString("R", CultureInfo.InvariantCulture)}"
                : Safe(text ?? "");
            var cell = cells[index] ??= new StringBuilder();
            if (cell.Length > 0)
                cell.Append(separators[index]);
            cell.Append(value);
        }
        if (current is { } last)
        {
            Write(csv, last, submittedAt, cells);
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }

    private static void Write(CsvWriter csv, Guid id, DateTime submittedAt, StringBuilder?[] cells)
    {
        csv.WriteField(id.ToString());
        csv.WriteField(
            DateTime.SpecifyKind(submittedAt, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
        );
        foreach (var cell in cells)
            csv.WriteField(cell?.ToString() ?? "");
    }

    /// <summary>
    /// Text that a spreadsheet would read as a formula gets a leading single quote (CSV injection). Applied to what people
    /// wrote (texts, labels, titles), not to the numbers and points written here (a negative number stays a number).
    /// </summary>
    public static string Safe(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
