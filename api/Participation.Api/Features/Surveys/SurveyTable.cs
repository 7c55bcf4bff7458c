using System.Data;
using System.Globalization;
using System.Text;
using NpgsqlTypes;
using Participation.Api.Infrastructure.Tables;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// The submitted responses of one or more surveys (or polls) as a table: one row per response, one column per question,
/// question titles and choice labels in the requested language. One ordered query read with an unbuffered, sequential
/// reader: the consecutive rows of one response become one table row, written as they come to any
/// <see cref="ITableWriter"/> (CSV, XLSX), so memory stays constant whatever the number of responses. The survey's own
/// CSV export (one survey) and the staff exports (the surveys of a project, a department or the platform) both use it.
/// Choices are joined with "; " (in option order, the "other" text last), a ranking's options with " > " in rank order,
/// numbers and scales are numbers, a point is "latitude,longitude".
/// </summary>
internal static class SurveyTable
{
    /// <summary>Which responses: those submitted to these phases (their columns in this order), within the period when given.</summary>
    public sealed record Selection(IReadOnlyList<Guid> PhaseIds, DateTime? From = null, DateTime? To = null);

    /// <summary>The first columns' headers; with <see cref="Project"/> and <see cref="Survey"/>, each row also names its project
    /// and survey, and when there are several surveys each question's header starts with its survey's title.</summary>
    public sealed record Headers(string ResponseId, string SubmittedAt, string? Project = null, string? Survey = null)
    {
        /// <summary>The survey export's headers (one survey, no context columns).</summary>
        public static readonly Headers Plain = new("response_id", "submitted_at");
    }

    private const string QuestionsSql = """
        SELECT q.id, q.phase_id, q.type, q.title::text AS title FROM survey_questions q
         WHERE q.phase_id = ANY(@PhaseIds) ORDER BY array_position(@PhaseIds, q.phase_id), q.position;
        SELECT o.id, o.label::text AS label FROM survey_options o JOIN survey_questions q ON q.id = o.question_id
         WHERE q.phase_id = ANY(@PhaseIds);
        SELECT ph.id, ph.title::text AS title, p.title::text AS project_title
          FROM phases ph JOIN projects p ON p.id = ph.project_id WHERE ph.id = ANY(@PhaseIds);
        """;

    private const string Period = """
        AND ($2::timestamptz IS NULL OR r.submitted_at >= $2) AND ($3::timestamptz IS NULL OR r.submitted_at < $3)
        """;

    // Rank order for ranking questions, option order for choices, then the "other" text (no option).
    private const string RowsSql = $"""
        SELECT r.id, r.submitted_at, r.phase_id, a.question_id, a.option_id, a.number, a.text, a.latitude, a.longitude
          FROM survey_responses r
          LEFT JOIN survey_answers a ON a.response_id = r.id
          LEFT JOIN survey_options o ON o.id = a.option_id
         WHERE r.phase_id = ANY($1) AND r.status = 'submitted'
           {Period}
         ORDER BY r.submitted_at, r.id, a.question_id, a.rank NULLS LAST, o.position NULLS LAST
        """;

    private const string CountSql = $"""
        SELECT count(*) FROM survey_responses r WHERE r.phase_id = ANY($1) AND r.status = 'submitted' {Period}
        """;

    private sealed record QuestionRow(Guid Id, Guid PhaseId, string Type, string Title);

    private sealed record OptionRow(Guid Id, string Label);

    private sealed record PhaseRow(Guid Id, string Title, string ProjectTitle);

    private enum Shape
    {
        Text,
        Number,
        Point,
    }

    /// <summary>How many rows <see cref="WriteAsync"/> writes for this selection (as of now).</summary>
    public static async Task<long> CountAsync(NpgsqlConnection connection, Selection selection, CancellationToken ct)
    {
        await using var command = Command(CountSql, connection, selection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Writes the header and every row; returns the number of rows written.</summary>
    public static async Task<long> WriteAsync(
        CityDb db,
        Selection selection,
        string language,
        Headers headers,
        ITableWriter writer,
        CancellationToken ct
    )
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        List<QuestionRow> questions;
        Dictionary<Guid, string> labels;
        Dictionary<Guid, PhaseRow> phases;
        var ids = selection.PhaseIds.ToArray();
        await using (
            var grid = await connection.QueryMultipleAsync(
                new CommandDefinition(QuestionsSql, new { PhaseIds = ids }, cancellationToken: ct)
            )
        )
        {
            questions = (await grid.ReadAsync<QuestionRow>()).AsList();
            labels = (await grid.ReadAsync<OptionRow>()).ToDictionary(o => o.Id, o => Pick(o.Label, language));
            phases = (await grid.ReadAsync<PhaseRow>()).ToDictionary(p => p.Id);
        }
        var context = headers.Project is not null && headers.Survey is not null;
        var lead = context ? 4 : 2;
        var column = questions.Select((q, i) => (q.Id, i)).ToDictionary(x => x.Id, x => lead + x.i);
        var shapes = questions
            .Select(q =>
                q.Type.ToEnum<QuestionType>() switch
                {
                    QuestionType.Number or QuestionType.LinearScale => Shape.Number,
                    QuestionType.MapPoint => Shape.Point,
                    _ => Shape.Text,
                }
            )
            .ToArray();
        var separators = questions.Select(q => q.Type.ToEnum<QuestionType>() == QuestionType.Ranking ? " > " : "; ").ToArray();

        var names = new List<string> { headers.ResponseId, headers.SubmittedAt };
        if (context)
            names.AddRange([headers.Project!, headers.Survey!]);
        foreach (var q in questions)
        {
            var title = Pick(q.Title, language);
            names.Add(ids.Length > 1 && phases.TryGetValue(q.PhaseId, out var p) ? $"{Pick(p.Title, language)} — {title}" : title);
        }
        await writer.WriteHeaderAsync(names, ct);

        await using var command = Command(RowsSql, connection, selection);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        var row = new TableCell[lead + questions.Count];
        var texts = new StringBuilder?[questions.Count];
        var numbers = new decimal?[questions.Count];
        Guid? current = null;
        var written = 0L;
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetGuid(0);
            var at = reader.GetDateTime(1);
            var phase = reader.GetGuid(2);
            if (id != current)
            {
                if (current is not null)
                {
                    await writer.WriteRowAsync(Fill(row, lead, texts, numbers, shapes), ct);
                    written++;
                }
                current = id;
                Array.Clear(texts);
                Array.Clear(numbers);
                row[0] = TableCell.Of(id);
                row[1] = TableCell.Of(at);
                if (context && phases.TryGetValue(phase, out var p))
                {
                    row[2] = TableCell.Text(Pick(p.ProjectTitle, language));
                    row[3] = TableCell.Text(Pick(p.Title, language));
                }
            }
            if (await reader.IsDBNullAsync(3, ct))
                continue; // a response without answers
            var question = reader.GetGuid(3);
            Guid? option = await reader.IsDBNullAsync(4, ct) ? null : reader.GetGuid(4);
            decimal? number = await reader.IsDBNullAsync(5, ct) ? null : reader.GetDecimal(5);
            var text = await reader.IsDBNullAsync(6, ct) ? null : reader.GetString(6);
            double? latitude = await reader.IsDBNullAsync(7, ct) ? null : reader.GetDouble(7);
            double? longitude = await reader.IsDBNullAsync(8, ct) ? null : reader.GetDouble(8);
            if (!column.TryGetValue(question, out var index))
                continue;
            index -= lead;
            if (number is { } n && shapes[index] == Shape.Number)
            {
                numbers[index] = n;
                continue;
            }
            var value =
                option is { } o ? labels.GetValueOrDefault(o, "")
                : number is { } other ? other.ToString("0.######", CultureInfo.InvariantCulture)
                : latitude is { } lat && longitude is { } lng
                    ? $"{lat.ToString("R", CultureInfo.InvariantCulture)},{lng.ToString("R", CultureInfo.InvariantCulture)}"
                : text ?? "";
            var cell = texts[index] ??= new StringBuilder();
            if (cell.Length > 0)
                cell.Append(separators[index]);
            cell.Append(value);
        }
        if (current is not null)
        {
            await writer.WriteRowAsync(Fill(row, lead, texts, numbers, shapes), ct);
            written++;
        }
        return written;
    }

    private static TableCell[] Fill(TableCell[] row, int lead, StringBuilder?[] texts, decimal?[] numbers, Shape[] shapes)
    {
        for (var i = 0; i < texts.Length; i++)
            row[lead + i] =
                numbers[i] is { } n ? TableCell.Of(n)
                : texts[i] is not { } text ? TableCell.Empty
                : shapes[i] == Shape.Point ? TableCell.Plain(text.ToString())
                : TableCell.Text(text.ToString());
        return row;
    }

    private static string Pick(string json, string language) => LocalizedText.Pick(LocalizedText.FromJson(json), language);

    private static NpgsqlCommand Command(string sql, NpgsqlConnection connection, Selection selection)
    {
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = selection.PhaseIds.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = Utc(selection.From) });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = Utc(selection.To) });
        return command;
    }

    private static object Utc(DateTime? at) => at is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : DBNull.Value;
}
