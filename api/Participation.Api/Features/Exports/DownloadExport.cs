using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Storage;

namespace Participation.Api.Features.Exports;

/// <summary>
/// The file of one of the caller's ready exports, streamed from the file storage (an authenticated request: no public
/// link). The caller's roles must still cover the export's scope (and a file with e-mail addresses needs an admin);
/// someone else's export is a 404, one not ready yet a 409, an expired one a 410. Each download is audited.
/// </summary>
public static class DownloadExport
{
    public sealed record Query(Guid ActorId, Guid Id) : IQuery<File>;

    /// <summary>What to send: the open file, its type and name.</summary>
    public sealed record File(Stream Content, string ContentType, string FileName);

    public sealed class Handler(CityDb db, EventRecorder events, IFileStorage storage) : IQueryHandler<Query, File>
    {
        private const string Sql = """
            SELECT e.kind, e.format, e.scope_type, e.scope_id, e.status, e.file_key, e.with_emails, e.created_at,
                   e.status = 'expired' OR (e.status = 'ready' AND e.expires_at <= now()) AS expired
              FROM exports e WHERE e.id = @Id AND e.requested_by = @ActorId;
            """;

        // Counted while still ready and not expired, in the transaction that records the download.
        private const string CountSql = """
            UPDATE exports SET downloaded_count = downloaded_count + 1
             WHERE id = @Id AND status = 'ready' AND expires_at > now() RETURNING downloaded_count;
            """;

        private sealed record Row(
            string Kind,
            string Format,
            string ScopeType,
            Guid? ScopeId,
            string Status,
            string? FileKey,
            bool WithEmails,
            DateTime CreatedAt,
            bool Expired
        );

        public async ValueTask<File> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(Sql, new { q.Id, q.ActorId }, cancellationToken: ct)
            ) ?? throw new NotFoundException("No such export.");
            if (row.Expired)
                throw new GoneException();
            if (row.Status != "ready" || row.FileKey is null)
                throw new ConflictException(Messages.Get("export_not_ready"));
            var scopeType = row.ScopeType.ToEnum<ScopeType>();
            var access = await ExportAccess.DecideAsync(connection, q.ActorId, scopeType, row.ScopeId, null, ct);
            if (!access.Allowed || (row.WithEmails && !access.Admin))
                throw new ForbiddenException();
            var content = await storage.OpenAsync(row.FileKey, ct) ?? throw new GoneException();
            try
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                var count = await connection.ExecuteScalarAsync<int?>(
                    new CommandDefinition(CountSql, new { q.Id }, tx, cancellationToken: ct)
                );
                if (count is null)
                    throw new GoneException(); // expired meanwhile
                var kind = row.Kind.ToEnum<ExportKind>();
                await events.RecordAsync(
                    tx,
                    EventType.ExportDownloaded,
                    Actor.User(q.ActorId),
                    q.Id,
                    scopeType switch
                    {
                        ScopeType.Project => Scope.Project(row.ScopeId!.Value),
                        ScopeType.Department => Scope.Department(row.ScopeId),
                        _ => Scope.Platform,
                    },
                    data: new
                    {
                        kind = row.Kind,
                        format = row.Format,
                        scopeType = row.ScopeType,
                        scopeId = row.ScopeId,
                        withEmails = row.WithEmails,
                        downloads = count,
                    },
                    ct: ct
                );
                await tx.CommitAsync(ct);
                var format = row.Format.ToEnum<ExportFormat>();
                return new File(content, ExportFiles.ContentType(format), ExportFiles.FileName(kind, format, row.CreatedAt));
            }
            catch
            {
                await content.DisposeAsync();
                throw;
            }
        }
    }

    [EndpointSummary("Download the file of one of the caller's ready exports (CSV or XLSX; audited; 410 once expired).")]
    public static async Task<IResult> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct)
    {
        var file = await sender.Send(new Query(caller.UserId, id), ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
