using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Tables;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// Every submitted response as CSV (one row per response, one column per question, headers in the requested
/// language), streamed from the database to the client with constant memory; for the project's moderators, its
/// department's heads and admins. Each export is written to the audit log before the first byte is sent.
/// </summary>
public static class ExportSurveyResponses
{
    public sealed record Query(Guid ActorId, Guid PhaseId, string? Language) : IQuery<Export>;

    /// <summary>What to send: the file name and the writer that streams the rows.</summary>
    public sealed record Export(string FileName, Func<Stream, CancellationToken, Task> WriteAsync);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() =>
            RuleFor(q => q.Language).Must(l => l is null || TextRules.Locales.Contains(l)).WithMessage(_ => Messages.Get("locale"));
    }

    public sealed class Handler(CityDb db, EventRecorder events) : IQueryHandler<Query, Export>
    {
        public async ValueTask<Export> Handle(Query q, CancellationToken ct)
        {
            var language = q.Language ?? RequestLanguage.Current;
            await using (var connection = await db.OpenConnectionAsync(ct))
            {
                var phase = await SurveyResultsAccess.RequireStaffAsync(connection, q.ActorId, q.PhaseId, byQuestion: false, ct);
                // Nothing changes (no before/after): the export itself is what the audit log keeps.
                await using var tx = await connection.BeginTransactionAsync(ct);
                await events.RecordAsync(
                    tx,
                    EventType.SurveyExported,
                    Actor.User(q.ActorId),
                    q.PhaseId,
                    new Scope(phase.ProjectId, q.PhaseId, phase.DepartmentId),
                    data: new { projectId = phase.ProjectId, language },
                    ct: ct
                );
                await tx.CommitAsync(ct);
            }
            // The last 8 hex digits: the random part of a version 7 id (its first digits are a timestamp shared by neighbours).
            var fileName = $"survey-{q.PhaseId.ToString("N")[^8..]}-{DateTime.UtcNow:yyyyMMdd}.csv";
            return new Export(fileName, async (stream, token) =>
            {
                await using var writer = TableWriters.Csv(stream);
                await SurveyTable.WriteAsync(
                    db,
                    new SurveyTable.Selection([q.PhaseId]),
                    language,
                    SurveyTable.Headers.Plain,
                    writer,
                    token
                );
                await writer.CompleteAsync(token);
            });
        }
    }

    [EndpointSummary("Download every submitted response as CSV, streamed (project staff; audited).")]
    public static async Task<IResult> Endpoint(
        Guid id,
        string? language,
        Caller caller,
        ISender sender,
        HttpContext http,
        CancellationToken ct
    )
    {
        var export = await sender.Send(new Query(caller.UserId, id, language), ct);
        return Results.Stream(stream => export.WriteAsync(stream, http.RequestAborted), "text/csv; charset=utf-8", export.FileName);
    }
}
