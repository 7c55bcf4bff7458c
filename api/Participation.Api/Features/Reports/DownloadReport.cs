using Microsoft.AspNetCore.WebUtilities;
using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Tables;

namespace Participation.Api.Features.Reports;

/// <summary>
/// The report as an XLSX workbook (a summary sheet and one sheet per phase shown), for whoever reads the report. The
/// download is audited (who took which project's report), then the file is streamed as it is written.
/// </summary>
public static class DownloadReport
{
    public sealed record Query(Caller Caller, Guid ProjectId) : IQuery<File>;

    /// <summary>What to send: the file's name and the writer that streams it.</summary>
    public sealed record File(string FileName, Func<Stream, CancellationToken, Task> WriteAsync);

    public sealed class Handler(CityDb db, EventRecorder events, ISender sender) : IQueryHandler<Query, File>
    {
        public async ValueTask<File> Handle(Query q, CancellationToken ct)
        {
            var report = await sender.Send(new GetReport.Query(q.Caller, q.ProjectId), ct);
            var language = RequestLanguage.Current;
            await using (var connection = await db.OpenConnectionAsync(ct))
            {
                // Nothing changes (no before/after): the download itself is what the audit log keeps.
                await using var tx = await connection.BeginTransactionAsync(ct);
                await events.RecordAsync(
                    tx,
                    EventType.ReportDownloaded,
                    Actor.User(q.Caller.UserId),
                    q.ProjectId,
                    Scope.Project(q.ProjectId),
                    data: new
                    {
                        format = "xlsx",
                        version = report.Version,
                        from = report.From,
                        to = report.To,
                        phases = report.Phases.Where(p => p.Included).Select(p => p.Id).ToArray(),
                    },
                    ct: ct
                );
                await tx.CommitAsync(ct);
            }
            return new File(ReportWorkbook.FileName(report), (stream, token) => ReportWorkbook.WriteAsync(stream, report, language, token));
        }
    }

    /// <remarks>
    /// The zip archive under the workbook writes each entry's trailer synchronously, which Kestrel refuses on a response:
    /// the workbook goes through a buffer (in memory up to 32 KiB, then a temporary file) sent asynchronously.
    /// </remarks>
    [EndpointSummary("A project's results report as an XLSX workbook: a summary sheet and one sheet per phase (audited).")]
    public static async Task<IResult> Endpoint(Guid id, Caller caller, ISender sender, HttpContext http, CancellationToken ct)
    {
        var file = await sender.Send(new Query(caller, id), ct);
        return Results.Stream(
            async body =>
            {
                await using var buffer = new FileBufferingWriteStream();
                await file.WriteAsync(buffer, http.RequestAborted);
                await buffer.DrainBufferAsync(body, http.RequestAborted);
            },
            TableWriters.XlsxContentType,
            file.FileName
        );
    }
}
