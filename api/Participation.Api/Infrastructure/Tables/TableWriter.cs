using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Participation.Api.Infrastructure.Tables;

/// <summary>What a cell holds, which decides how each format writes it.</summary>
internal enum CellKind : byte
{
    Empty,

    /// <summary>Text people wrote (titles, bodies, names, answers): in CSV, guarded against being read as a formula.</summary>
    Text,

    /// <summary>A value the platform made (ids, codes, points): written as is.</summary>
    Plain,
    Number,

    /// <summary>An instant, in UTC.</summary>
    Time,
}

/// <summary>One cell of a table being written row by row.</summary>
internal readonly struct TableCell
{
    private TableCell(CellKind kind, string? text, decimal number, DateTime time)
    {
        Kind = kind;
        String = text;
        Number = number;
        Time = time;
    }

    public CellKind Kind { get; }
    public string? String { get; }
    public decimal Number { get; }
    public DateTime Time { get; }

    public static readonly TableCell Empty;

    public static TableCell Text(string? value) => value is null ? Empty : new(CellKind.Text, value, 0, default);

    public static TableCell Plain(string? value) => value is null ? Empty : new(CellKind.Plain, value, 0, default);

    public static TableCell Of(Guid? id) => id is { } v ? Plain(v.ToString()) : Empty;

    public static TableCell Of(decimal? value) => value is { } v ? new(CellKind.Number, null, v, default) : Empty;

    public static TableCell Of(long? value) => value is { } v ? new(CellKind.Number, null, v, default) : Empty;

    public static TableCell Of(double? value) => value is { } v ? new(CellKind.Number, null, (decimal)v, default) : Empty;

    public static TableCell Of(DateTime? utc) =>
        utc is { } v ? new(CellKind.Time, null, 0, DateTime.SpecifyKind(v, DateTimeKind.Utc)) : Empty;
}

/// <summary>
/// Writes a table (a header row, then rows) to a stream as it goes: nothing is kept but the current row and the
/// format's fixed-size buffer, so memory stays the same whatever the number of rows.
/// </summary>
internal interface ITableWriter : IAsyncDisposable
{
    ValueTask WriteHeaderAsync(IReadOnlyList<string> names, CancellationToken ct);

    ValueTask WriteRowAsync(ReadOnlyMemory<TableCell> cells, CancellationToken ct);

    /// <summary>Writes what the format needs at the end (XLSX: the archive's directory) and flushes.</summary>
    ValueTask CompleteAsync(CancellationToken ct);
}

internal static class TableWriters
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static ITableWriter Csv(Stream stream) => new CsvTableWriter(stream);

    public static async ValueTask<ITableWriter> XlsxAsync(Stream stream, string sheetName, CancellationToken ct) =>
        await XlsxTableWriter.CreateAsync(stream, sheetName, ct);
}

/// <summary>
/// CSV as spreadsheets read it: UTF-8 with a byte order mark (Excel then reads accents right), comma-separated, RFC 4180
/// quoting (CsvHelper); numbers with a dot, instants as ISO 8601 in UTC. A text cell or header that a spreadsheet would
/// take for a formula (= + - @ tab CR) gets a leading single quote (CSV injection). Flushed every few hundred rows, so a
/// download starts at once and the buffers stay small.
/// </summary>
internal sealed class CsvTableWriter : ITableWriter
{
    private const int FlushEvery = 500;
    private readonly StreamWriter _text;
    private readonly CsvWriter _csv;
    private long _rows;

    public CsvTableWriter(Stream stream)
    {
        _text = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true);
        _text.Write('\uFEFF'); // the byte order mark, in the buffer until the first flush
        _csv = new CsvWriter(_text, new CsvConfiguration(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Text that a spreadsheet would read as a formula gets a leading single quote. Applied to what people wrote (texts,
    /// labels, titles), not to the numbers and values the platform writes (a negative number stays a number).
    /// </summary>
    public static string Safe(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public async ValueTask WriteHeaderAsync(IReadOnlyList<string> names, CancellationToken ct)
    {
        foreach (var name in names)
            _csv.WriteField(Safe(name));
        await _csv.NextRecordAsync();
    }

    public async ValueTask WriteRowAsync(ReadOnlyMemory<TableCell> cells, CancellationToken ct)
    {
        foreach (var cell in cells.Span)
            _csv.WriteField(Format(cell));
        await _csv.NextRecordAsync();
        if (++_rows % FlushEvery == 0)
            await _csv.FlushAsync();
    }

    private static string Format(in TableCell cell) =>
        cell.Kind switch
        {
            CellKind.Text => Safe(cell.String!),
            CellKind.Plain => cell.String!,
            CellKind.Number => cell.Number.ToString("0.######", CultureInfo.InvariantCulture),
            CellKind.Time => cell.Time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            _ => "",
        };

    public async ValueTask CompleteAsync(CancellationToken ct)
    {
        await _csv.FlushAsync();
        await _text.FlushAsync(ct);
    }

    public ValueTask DisposeAsync() => _csv.DisposeAsync(); // and the text writer, leaving the stream open
}

/// <summary>
/// XLSX with SpreadCheetah, which writes each row into its fixed buffer (64 KiB) and streams the zipped sheet out as it
/// fills: one sheet, a bold header row kept in view, numbers as numbers, instants as dates (UTC). Text is written as
/// it is (a cell of type text is never evaluated), without the characters XML 1.0 cannot carry, and cut at Excel's
/// 32,767 characters per cell.
/// </summary>
internal sealed class XlsxTableWriter : ITableWriter
{
    public const int MaxCellLength = 32_767;
    private readonly Spreadsheet _book;
    private readonly StyleId _header;
    private DataCell[] _row = [];

    private XlsxTableWriter(Spreadsheet book, StyleId header)
    {
        _book = book;
        _header = header;
    }

    public static async ValueTask<XlsxTableWriter> CreateAsync(Stream stream, string sheetName, CancellationToken ct)
    {
        var options = new SpreadCheetahOptions
        {
            DefaultDateTimeFormat = NumberFormat.Custom("yyyy-mm-dd hh:mm:ss"),
            WriteCellReferenceAttributes = true, // every cell says where it is: readers need not count the empty ones
        };
        var book = await Spreadsheet.CreateNewAsync(stream, options, ct);
        await book.StartWorksheetAsync(SheetName(sheetName), new WorksheetOptions { FrozenRows = 1 }, ct);
        var header = book.AddStyle(new Style { Font = { Bold = true } });
        return new XlsxTableWriter(book, header);
    }

    /// <summary>At most 31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']') && !char.IsControl(c)).ToArray())
            .Trim()
            .Trim('\'');
        clean = clean.Length > 31 ? clean[..31] : clean;
        return clean.Length == 0 ? "Export" : clean;
    }

    public async ValueTask WriteHeaderAsync(IReadOnlyList<string> names, CancellationToken ct) =>
        await _book.AddHeaderRowAsync(names.Select(Clean).ToArray(), _header, ct);

    public async ValueTask WriteRowAsync(ReadOnlyMemory<TableCell> cells, CancellationToken ct)
    {
        if (_row.Length != cells.Length)
            _row = new DataCell[cells.Length];
        var span = cells.Span;
        for (var i = 0; i < span.Length; i++)
            _row[i] = span[i].Kind switch
            {
                CellKind.Text or CellKind.Plain => new DataCell(Clean(span[i].String!)),
                CellKind.Number => new DataCell(span[i].Number),
                CellKind.Time => new DataCell(span[i].Time),
                _ => new DataCell((string?)null),
            };
        await _book.AddRowAsync(_row, ct);
    }

    public async ValueTask CompleteAsync(CancellationToken ct) => await _book.FinishAsync(ct);

    public ValueTask DisposeAsync() => _book.DisposeAsync();

    /// <summary>Without the characters XML 1.0 forbids (controls other than tab and line breaks, lone surrogates, U+FFFE/F).</summary>
    public static string Clean(string value)
    {
        if (value.Length > MaxCellLength)
            value = value[..(MaxCellLength - 1)] + "…";
        var i = 0;
        while (i < value.Length && Allowed(value, i))
            i++;
        if (i == value.Length)
            return value;
        var clean = new StringBuilder(value.Length);
        clean.Append(value, 0, i);
        for (; i < value.Length; i++)
            if (Allowed(value, i))
                clean.Append(value[i]);
        return clean.ToString();
    }

    private static bool Allowed(string s, int i)
    {
        var c = s[i];
        if (c < ' ')
            return c is '\t' or '\n' or '\r';
        if (char.IsHighSurrogate(c))
            return i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
        if (char.IsLowSurrogate(c))
            return i > 0 && char.IsHighSurrogate(s[i - 1]);
        return c is not ('\uFFFE' or '\uFFFF');
    }
}
