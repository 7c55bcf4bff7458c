using System.Data;
using System.Text.Json.Serialization;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Tables;

namespace Participation.Api.Features.Exports;

/// <summary>What an export lists (the columns of each are described on <see cref="RequestExport"/>).</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum ExportKind
{
    Ideas,
    Comments,
    Reactions,
    Votes,
    Baskets,
    SurveyResponses,
    Participants,
}

/// <summary>The file's format: CSV (UTF-8 with a byte order mark, comma-separated) or XLSX (one sheet).</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>Where an export is in its life: queued, running (being written), ready (to download until it expires), failed,
/// expired.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum ExportStatus
{
    Queued,
    Running,
    Ready,
    Failed,
    Expired,
}

/// <summary>Why an export failed: the requester no longer had a role covering its scope when it ran, or the writing failed.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum ExportError
{
    AccessRevoked,
    Failed,
}

/// <summary>
/// An export the caller asked for. <c>Progress</c> is rows written out of <c>RowsTotal</c> as a whole percentage (null
/// until the job has counted the rows); <c>ExpiresAt</c> is when a ready file stops being downloadable (410 after).
/// <c>WithEmails</c>: the participants' e-mail addresses are in the file (admins only). <c>ScopeName</c> is the project's
/// title or the department's name in the caller's language (null for the platform).
/// </summary>
public sealed record Export(
    Guid Id,
    ExportKind Kind,
    ExportFormat Format,
    ScopeType ScopeType,
    Guid? ScopeId,
    string? ScopeName,
    DateTimeOffset? From,
    DateTimeOffset? To,
    string Language,
    ExportStatus Status,
    long RowsDone,
    long? RowsTotal,
    int? Progress,
    bool WithEmails,
    long? SizeBytes,
    ExportError? Error,
    string FileName,
    int DownloadedCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? ExpiresAt
);

/// <summary>Reads exports as the API shows them: a ready export past its expiry is shown expired before the cleanup runs.</summary>
internal static class ExportReader
{
    public const string Columns = """
        e.id, e.kind, e.format, e.scope_type, e.scope_id,
        CASE e.scope_type
             WHEN 'project' THEN (SELECT coalesce(p.title ->> @Language, p.title ->> 'fr') FROM projects p WHERE p.id = e.scope_id)
             WHEN 'department' THEN (SELECT coalesce(d.name ->> @Language, d.name ->> 'fr') FROM departments d WHERE d.id = e.scope_id)
        END AS scope_name,
        e.period_from, e.period_to, e.language,
        CASE WHEN e.status = 'ready' AND e.expires_at <= now() THEN 'expired' ELSE e.status END AS status,
        e.rows_done, e.rows_total, e.with_emails, e.size_bytes, e.error, e.downloaded_count, e.created_at, e.started_at,
        e.finished_at, e.expires_at
        """;

    public sealed record Row(
        Guid Id,
        string Kind,
        string Format,
        string ScopeType,
        Guid? ScopeId,
        string? ScopeName,
        DateTime? PeriodFrom,
        DateTime? PeriodTo,
        string Language,
        string Status,
        long RowsDone,
        long? RowsTotal,
        bool WithEmails,
        long? SizeBytes,
        string? Error,
        int DownloadedCount,
        DateTime CreatedAt,
        DateTime? StartedAt,
        DateTime? FinishedAt,
        DateTime? ExpiresAt
    )
    {
        public Export ToExport()
        {
            var kind = Kind.ToEnum<ExportKind>();
            var format = Format.ToEnum<ExportFormat>();
            var status = Status.ToEnum<ExportStatus>();
            int? progress = status switch
            {
                ExportStatus.Ready => 100,
                _ when RowsTotal is > 0 => (int)Math.Min(99, RowsDone * 100 / RowsTotal.Value),
                ExportStatus.Running when RowsTotal == 0 => 99,
                _ => null,
            };
            return new Export(
                Id,
                kind,
                format,
                ScopeType.ToEnum<ScopeType>(),
                ScopeId,
                ScopeName,
                PeriodFrom?.AsUtc(),
                PeriodTo?.AsUtc(),
                Language,
                status,
                RowsDone,
                RowsTotal,
                progress,
                WithEmails,
                SizeBytes,
                Error.ToEnumOrNull<ExportError>(),
                ExportFiles.FileName(kind, format, CreatedAt),
                DownloadedCount,
                CreatedAt.AsUtc(),
                StartedAt?.AsUtc(),
                FinishedAt?.AsUtc(),
                ExpiresAt?.AsUtc()
            );
        }
    }

    private const string OneSql = $"SELECT {Columns} FROM exports e WHERE e.id = @Id AND e.requested_by = @ActorId;";

    /// <summary>The caller's own export; 404 for anyone else's (its existence is not revealed).</summary>
    public static async Task<Export> ReadOwnAsync(
        IDbConnection connection,
        Guid id,
        Guid actorId,
        string language,
        IDbTransaction? tx,
        CancellationToken ct
    )
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(
                OneSql,
                new
                {
                    Id = id,
                    ActorId = actorId,
                    Language = language,
                },
                tx,
                cancellationToken: ct
            )
        );
        return row?.ToExport() ?? throw new NotFoundException("No such export.");
    }
}

/// <summary>Names and types of export files.</summary>
public static class ExportFiles
{
    /// <summary>participants-20260301-1412.xlsx: the kind and when it was asked for (UTC).</summary>
    public static string FileName(ExportKind kind, ExportFormat format, DateTime createdAt) =>
        $"{kind.ToWire().Replace('_', '-')}-{createdAt:yyyyMMdd-HHmm}.{format.ToWire()}";

    public static string ContentType(ExportFormat format) =>
        format == ExportFormat.Xlsx ? TableWriters.XlsxContentType : TableWriters.CsvContentType;

    /// <summary>Where the file of one attempt is kept in the file storage (a later attempt never overwrites an earlier one's).</summary>
    public static string FileKey(Guid id, ExportFormat format, int attempt) => $"exports/{id:N}-{attempt}.{format.ToWire()}";
}
