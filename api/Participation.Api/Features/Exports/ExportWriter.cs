using System.Data;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using NpgsqlTypes;
using Participation.Api.Features.Grants;
using Participation.Api.Features.Surveys;
using Participation.Api.Infrastructure.Tables;

namespace Participation.Api.Features.Exports;

/// <summary>
/// Writes one export to a stream: the kind's query read with an unbuffered, sequential data reader (one row in memory at
/// a time), each row handed to the format's <see cref="ITableWriter"/> as it arrives, so memory does not grow with the
/// number of rows. Survey responses go through <see cref="SurveyTable"/>, the survey export's own writer.
/// </summary>
internal static partial class ExportWriter
{
    /// <summary>What to write: the kind, format, scope, period (UTC), the headers' language, and whether e-mails are included.</summary>
    public sealed record Spec(
        ExportKind Kind,
        ExportFormat Format,
        ScopeType ScopeType,
        Guid? ScopeId,
        DateTime? From,
        DateTime? To,
        string Language,
        bool WithEmails
    );

    /// <summary>How many rows the export will have (as of now): the progress bar's end.</summary>
    public static async Task<long> CountAsync(StaleReads db, Spec spec, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (spec.Kind == ExportKind.SurveyResponses)
            return await SurveyTable.CountAsync(connection, await SurveysAsync(connection, spec, ct), ct);
        await using var command = Command(QueryOf(spec).Count, connection, spec);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Writes the whole file (header and rows) to <paramref name="stream"/>; returns the number of rows.</summary>
    public static async Task<long> WriteAsync(
        StaleReads db,
        Spec spec,
        Stream stream,
        Func<ITableWriter, ITableWriter>? wrap,
        CancellationToken ct
    )
    {
        await using var format =
            spec.Format == ExportFormat.Xlsx
                ? await TableWriters.XlsxAsync(stream, ExportColumns.Header($"sheet.{spec.Kind.ToWire()}", spec.Language), ct)
                : TableWriters.Csv(stream);
        var writer = wrap?.Invoke(format) ?? format;
        long rows;
        if (spec.Kind == ExportKind.SurveyResponses)
        {
            SurveyTable.Selection surveys;
            await using (var connection = await db.OpenConnectionAsync(ct))
                surveys = await SurveysAsync(connection, spec, ct);
            string H(string key) => ExportColumns.Header(key, spec.Language);
            var headers = new SurveyTable.Headers(H("response_id"), H("submitted_at"), H("project"), H("survey"));
            // The survey table reads on the primary: its writer takes a data source of its own, shared with the survey pages.
            rows = await SurveyTable.WriteAsync(db.Primary, surveys, spec.Language, headers, writer, ct);
        }
        else
        {
            rows = await WriteRowsAsync(db, spec, QueryOf(spec), writer, ct);
        }
        await writer.CompleteAsync(ct);
        return rows;
    }

    private static ExportQueries.Query QueryOf(Spec spec) =>
        spec.Kind switch
        {
            ExportKind.Ideas => ExportQueries.Ideas,
            ExportKind.Comments => ExportQueries.Comments,
            ExportKind.Reactions => ExportQueries.Reactions,
            ExportKind.Votes => ExportQueries.Votes,
            ExportKind.Baskets => ExportQueries.Baskets,
            ExportKind.Participants => ExportQueries.Participants(spec.WithEmails),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "No query for this kind."),
        };

    private static async Task<long> WriteRowsAsync(
        StaleReads db,
        Spec spec,
        ExportQueries.Query query,
        ITableWriter writer,
        CancellationToken ct
    )
    {
        var columns = query.Columns;
        await writer.WriteHeaderAsync(columns.Select(c => ExportColumns.Header(c.Key, spec.Language)).ToList(), ct);
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var command = Command(query.Rows, connection, spec);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        var row = new TableCell[columns.Count];
        var written = 0L;
        while (await reader.ReadAsync(ct))
        {
            for (var i = 0; i < columns.Count; i++)
                row[i] = await reader.IsDBNullAsync(i, ct) ? TableCell.Empty : Read(reader, i, columns[i].Shape);
            await writer.WriteRowAsync(row, ct);
            written++;
        }
        return written;
    }

    private static TableCell Read(NpgsqlDataReader reader, int i, ColumnShape shape) =>
        shape switch
        {
            ColumnShape.Text => TableCell.Text(reader.GetString(i)),
            ColumnShape.Html => TableCell.Text(PlainText(reader.GetString(i))),
            ColumnShape.Plain => TableCell.Plain(reader.GetString(i)),
            ColumnShape.Id => TableCell.Of(reader.GetGuid(i)),
            ColumnShape.Number => TableCell.Of(Convert.ToDecimal(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)),
            ColumnShape.Time => TableCell.Of(reader.GetDateTime(i)),
            _ => TableCell.Empty,
        };

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();

    /// <summary>Sanitised HTML as plain text: tags become spaces (paragraph and line ends, line breaks), entities are decoded.</summary>
    public static string PlainText(string html)
    {
        var text = html.Replace("</p>", "\n", StringComparison.OrdinalIgnoreCase)
            .Replace("<br>", "\n", StringComparison.OrdinalIgnoreCase)
            .Replace("<br/>", "\n", StringComparison.OrdinalIgnoreCase)
            .Replace("<br />", "\n", StringComparison.OrdinalIgnoreCase)
            .Replace("</li>", "\n", StringComparison.OrdinalIgnoreCase);
        text = WebUtility.HtmlDecode(Tag().Replace(text, ""));
        return Spaces().Replace(text, " ").Trim();
    }

    private static async Task<SurveyTable.Selection> SurveysAsync(NpgsqlConnection connection, Spec spec, CancellationToken ct)
    {
        var ids = new List<Guid>();
        await using var command = Command(ExportQueries.SurveyPhases, connection, spec);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            ids.Add(reader.GetGuid(0));
        return new SurveyTable.Selection(ids, spec.From, spec.To);
    }

    private static NpgsqlCommand Command(string sql, NpgsqlConnection connection, Spec spec)
    {
        // Long exports read for minutes: no statement timeout but the job's own cancellation.
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        var p = command.Parameters;
        p.Add(new NpgsqlParameter("ScopeType", NpgsqlDbType.Text) { Value = spec.ScopeType.ToWire() });
        p.Add(new NpgsqlParameter("ScopeId", NpgsqlDbType.Uuid) { Value = (object?)spec.ScopeId ?? DBNull.Value });
        p.Add(new NpgsqlParameter("From", NpgsqlDbType.TimestampTz) { Value = Utc(spec.From) });
        p.Add(new NpgsqlParameter("To", NpgsqlDbType.TimestampTz) { Value = Utc(spec.To) });
        p.Add(new NpgsqlParameter("Language", NpgsqlDbType.Text) { Value = spec.Language });
        p.Add(new NpgsqlParameter("Salt", NpgsqlDbType.Text) { Value = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)) });
        return command;
    }

    private static object Utc(DateTime? at) => at is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : DBNull.Value;
}
