using Participation.Api.Infrastructure.Content;
using Participation.Api.Infrastructure.Tables;
using SpreadCheetah;
using SpreadCheetah.Styling;

namespace Participation.Api.Features.Reports;

/// <summary>
/// The report as a spreadsheet, written straight to the response with SpreadCheetah: a summary sheet (project, period,
/// goals, figures, ideas by status, timeline, conclusions), then one sheet per phase included in the report with that
/// phase's results. Text is cleaned of what XML cannot carry; numbers stay numbers.
/// </summary>
internal static class ReportWorkbook
{
    public static string FileName(GetReport.Response r) => $"report-{r.ProjectId:N}-{r.To:yyyy-MM-dd}.xlsx";

    public static async Task WriteAsync(Stream stream, GetReport.Response r, string language, CancellationToken ct)
    {
        string T(string key) => ReportTexts.Get(language, key);
        await using var book = await Spreadsheet.CreateNewAsync(
            stream,
            new SpreadCheetahOptions { DefaultDateTimeFormat = NumberFormat.Custom("yyyy-mm-dd hh:mm") },
            ct
        );
        var bold = book.AddStyle(new Style { Font = { Bold = true } });
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        await book.StartWorksheetAsync(SheetName(T("summary"), names), token: ct);
        async Task Row(params DataCell[] cells) => await book.AddRowAsync(cells, ct);
        async Task Title(string text) => await book.AddRowAsync(new Cell[] { new(Text(text), bold) }, ct);
        await Row(Text(T("project")), Text(r.ProjectTitle));
        await Row(Text(T("department")), Text(r.DepartmentName));
        await Row(Text(T("period")), Text($"{r.From:yyyy-MM-dd} – {r.To:yyyy-MM-dd}"));
        if (r.Sections.Contains(ReportSection.Goals))
        {
            await Row();
            await Title(T("goals"));
            await Row(Text(RichText.Excerpt(r.Goals, XlsxTableWriter.MaxCellLength)));
        }
        if (r.Sections.Contains(ReportSection.Figures))
        {
            await Row();
            await book.AddHeaderRowAsync([T("figure"), T("value"), T("previous"), T("definition")], bold, ct);
            foreach (var f in r.Figures)
                await Row(Text(f.Label), Number(f.Value), Number(f.Previous), Text(f.Definition));
            await Row();
            await book.AddHeaderRowAsync([T("status"), T("ideas")], bold, ct);
            foreach (var s in r.IdeasByStatus)
                await Row(Text(ReportTexts.Status(language, s.Status.ToWire())), new DataCell(s.Count));
        }
        if (r.Sections.Contains(ReportSection.Timeline))
        {
            await Row();
            await Title(T("timeline"));
            await book.AddHeaderRowAsync([T("phase"), T("method"), T("starts"), T("ends")], bold, ct);
            foreach (var p in r.Phases)
                await Row(Text(p.Title), Text(p.Method.ToWire()), Time(p.StartsAt), Time(p.EndsAt));
        }
        if (r.Sections.Contains(ReportSection.Conclusions))
        {
            await Row();
            await Title(T("conclusions"));
            await Row(Text(RichText.Excerpt(r.Conclusions, XlsxTableWriter.MaxCellLength)));
        }

        if (r.Sections.Contains(ReportSection.Phases))
            foreach (var (p, n) in r.Phases.Where(p => p.Included).Select((p, i) => (p, i + 1)))
            {
                await book.StartWorksheetAsync(SheetName($"{n} {p.Title}", names), token: ct);
                await Title(p.Title);
                await Row(Text(T("method")), Text(p.Method.ToWire()), Text(T("starts")), Time(p.StartsAt), Text(T("ends")), Time(p.EndsAt));
                await Row();
                await PhaseAsync(book, p, language, bold, ct);
            }
        await book.FinishAsync(ct);
    }

    private static async Task PhaseAsync(Spreadsheet book, GetReport.ReportPhase p, string language, StyleId bold, CancellationToken ct)
    {
        string T(string key) => ReportTexts.Get(language, key);
        async Task Row(params DataCell[] cells) => await book.AddRowAsync(cells, ct);
        async Task Header(params string[] names) => await book.AddHeaderRowAsync(names, bold, ct);
        if (p.Ideas is { } ideas)
        {
            await Header(T("status"), T("ideas"));
            foreach (var s in ideas.ByStatus)
                await Row(Text(ReportTexts.Status(language, s.Status.ToWire())), new DataCell(s.Count));
            await Row();
            await Header(T("idea"), T("status"), T("likes"), T("comments"), T("feedback"), T("answered"));
            foreach (var i in ideas.Items)
                await Row(
                    Text(i.Title),
                    Text(ReportTexts.Status(language, i.Status.ToWire())),
                    new DataCell(i.Likes),
                    new DataCell(i.Comments),
                    Text(i.Feedback),
                    Time(i.AnsweredAt)
                );
        }
        else if (p.Votes is { } votes)
        {
            await Row(Text(T("voters")), new DataCell(votes.Voters), Text(T("votes")), new DataCell(votes.TotalVotes));
            await Row();
            await Header(T("rank"), T("idea"), T("status"), T("votes"));
            foreach (var i in votes.Items)
                await Row(
                    new DataCell(i.Rank),
                    Text(i.Title),
                    Text(ReportTexts.Status(language, i.Status.ToWire())),
                    new DataCell(i.Votes)
                );
        }
        else if (p.Budget is { } budget)
        {
            await Row(
                Text(T("budget")),
                new DataCell(budget.Budget),
                Text(budget.Currency),
                Text(T("baskets")),
                new DataCell(budget.Baskets)
            );
            await Row();
            await Header(T("idea"), T("cost"), T("baskets"), T("funded"));
            foreach (var i in budget.Items)
                await Row(Text(i.Title), new DataCell(i.Cost), new DataCell(i.Baskets), Text(T(i.Funded ? "yes" : "no")));
        }
        else if (p.Survey is { } survey)
        {
            await Row(Text(T("responses")), new DataCell(survey.Responses));
            foreach (var q in survey.Questions)
            {
                await Row();
                await Header(Localized(q.Title, language), T("responses"));
                await Row(Text(T("question")), new DataCell(q.Answered));
                if (!q.BrokenDown)
                {
                    await Row(Text(T("withheld")));
                    continue;
                }
                if (q.Options.Count > 0)
                {
                    await Header(T("answer"), T("count"), T("percent"));
                    foreach (var o in q.Options)
                        await Row(Text(Localized(o.Label, language)), Number(o.Count), Number((decimal?)o.Percent));
                }
                if (q.Summary is { } s)
                    await Row(new DataCell(s.Average), new DataCell(s.Median), new DataCell(s.Minimum), new DataCell(s.Maximum));
            }
        }
        else
        {
            await Row(Text(T("none")));
        }
    }

    private static string Localized(IReadOnlyDictionary<string, string> text, string language) =>
        text.GetValueOrDefault(language) ?? text.GetValueOrDefault("fr") ?? text.Values.FirstOrDefault() ?? "";

    private static DataCell Text(string? value) => value is null ? default : new DataCell(XlsxTableWriter.Clean(value));

    private static DataCell Number(decimal? value) => value is { } v ? new DataCell(v) : default;

    private static DataCell Number(int? value) => value is { } v ? new DataCell(v) : default;

    private static DataCell Time(DateTimeOffset? at) => at is { } a ? new DataCell(a.UtcDateTime) : default;

    /// <summary>At most 31 characters, none of : \ / ? * [ ], unique in the workbook (a number added when needed).</summary>
    private static string SheetName(string name, HashSet<string> taken)
    {
        var clean = new string(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']') && !char.IsControl(c)).ToArray())
            .Trim()
            .Trim('\'');
        clean = clean.Length > 31 ? clean[..31].Trim() : clean;
        if (clean.Length == 0)
            clean = "Phase";
        var candidate = clean;
        for (var i = 2; !taken.Add(candidate); i++)
            candidate = $"{(clean.Length > 27 ? clean[..27] : clean)} ({i})";
        return candidate;
    }
}
