using Microsoft.Extensions.Options;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Jobs;
using Participation.Api.Infrastructure.Storage;
using Participation.Api.Infrastructure.Tables;

namespace Participation.Api.Features.Exports;

/// <summary>
/// Writes queued exports, one at a time per instance. An export is claimed with <c>FOR UPDATE SKIP LOCKED</c> and a
/// lease, so with several instances each is written by one of them; a claim left by an instance that stopped is taken
/// over once its lease runs out (attempts are counted; a later claim makes the earlier writer's updates miss, and that
/// writer discards its file). The requester's rights are checked again first (lost since: failed, access_revoked); the
/// rows are counted (the progress bar's end), then streamed into the file storage while rows_done moves every
/// <see cref="ExportOptions.ProgressEvery"/> rows; the file becomes downloadable until
/// <see cref="ExportOptions.RetentionHours"/> later. Stopping the instance puts the export back in the queue.
/// </summary>
public sealed class ExportJob(
    CityDb db,
    StaleReads reads,
    ReplicaRouter replicas,
    IFileStorage storage,
    IOptions<ExportOptions> options,
    ILogger<ExportJob> logger
) : IPeriodicJob
{
    private const string ClaimSql = """
        WITH due AS MATERIALIZED (SELECT id FROM exports
                 WHERE status = 'queued' OR (status = 'running' AND locked_until < now())
                 ORDER BY created_at, id
                 LIMIT 1
                   FOR UPDATE SKIP LOCKED)
        UPDATE exports e
           SET status = 'running', started_at = coalesce(e.started_at, now()), attempts = e.attempts + 1,
               locked_until = now() + make_interval(secs => @LeaseSeconds), rows_done = 0
          FROM due
         WHERE e.id = due.id
        RETURNING e.id, e.requested_by, e.kind, e.format, e.scope_type, e.scope_id, e.period_from, e.period_to, e.language,
                  e.attempts;
        """;

    private const string Mine = "WHERE id = @Id AND status = 'running' AND attempts = @Attempt";

    private const string CountedSql = $"UPDATE exports SET rows_total = @Total, with_emails = @WithEmails {Mine};";

    private const string ProgressSql = $"""
        UPDATE exports SET rows_done = @Rows, locked_until = now() + make_interval(secs => @LeaseSeconds) {Mine};
        """;

    private const string ReadySql = $"""
        UPDATE exports
           SET status = 'ready', rows_done = @Rows, rows_total = @Rows, file_key = @FileKey, size_bytes = @Size, finished_at = now(),
               expires_at = now() + make_interval(hours => @RetentionHours), locked_until = NULL
         {Mine};
        """;

    private const string FailedSql = $"""
        UPDATE exports SET status = 'failed', error = @Error, finished_at = now(), locked_until = NULL {Mine};
        """;

    private const string ReleaseSql = $"UPDATE exports SET status = 'queued', locked_until = NULL {Mine};";

    private sealed record Claim(
        Guid Id,
        Guid RequestedBy,
        string Kind,
        string Format,
        string ScopeType,
        Guid? ScopeId,
        DateTime? PeriodFrom,
        DateTime? PeriodTo,
        string Language,
        int Attempts
    );

    /// <summary>Another instance took the export over (this one's lease ran out): its work is dropped.</summary>
    private sealed class ClaimLostException() : Exception("The export was claimed by another instance.");

    public string Name => "exports";

    private async Task<ulong> PrimaryPositionAsync(CancellationToken ct)
    {
        if (!replicas.Configured)
            return 0;
        await using var connection = await db.OpenConnectionAsync(ct);
        return (ulong)
            await connection.ExecuteScalarAsync<long>(
                new CommandDefinition("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint", cancellationToken: ct)
            );
    }

    public TimeSpan Interval(JobOptions o) => TimeSpan.FromSeconds(options.Value.PollSeconds);

    /// <summary>Claims and writes one queued export; returns 1 when it claimed one (there may be more), 0 when none waits.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var o = options.Value;
        Claim? claim;
        await using (var connection = await db.OpenConnectionAsync(ct))
            claim = await connection.QuerySingleOrDefaultAsync<Claim>(
                new CommandDefinition(ClaimSql, new { o.LeaseSeconds }, cancellationToken: ct)
            );
        if (claim is null)
            return 0;
        var key = new { claim.Id, Attempt = claim.Attempts };
        if (claim.Attempts > o.MaxAttempts)
        {
            await UpdateAsync(
                FailedSql,
                new
                {
                    key.Id,
                    key.Attempt,
                    Error = ExportError.Failed.ToWire(),
                }
            );
            return 1;
        }
        var format = claim.Format.ToEnum<ExportFormat>();
        var fileKey = ExportFiles.FileKey(claim.Id, format, claim.Attempts);
        try
        {
            ExportAccess.Decision access;
            await using (var connection = await db.OpenConnectionAsync(ct))
                access = await ExportAccess.DecideAsync(
                    connection,
                    claim.RequestedBy,
                    claim.ScopeType.ToEnum<ScopeType>(),
                    claim.ScopeId,
                    null,
                    ct
                );
            if (!access.Allowed)
            {
                await UpdateAsync(
                    FailedSql,
                    new
                    {
                        key.Id,
                        key.Attempt,
                        Error = ExportError.AccessRevoked.ToWire(),
                    }
                );
                return 1;
            }
            var kind = claim.Kind.ToEnum<ExportKind>();
            var spec = new ExportWriter.Spec(
                kind,
                format,
                claim.ScopeType.ToEnum<ScopeType>(),
                claim.ScopeId,
                claim.PeriodFrom,
                claim.PeriodTo,
                claim.Language,
                WithEmails: kind == ExportKind.Participants && access.Admin
            );
            // The rows may come from a standby, one that has replayed at least what the primary held when the job began (so
            // the file holds everything committed before it was requested); a standby failing mid-way: written again from the primary.
            var after = await PrimaryPositionAsync(ct);
            var (rows, size) = await StaleReadScope.RunAsync(
                replicas,
                after,
                async () =>
                {
                    var total = await ExportWriter.CountAsync(reads, spec, ct);
                    await MineOrThrowAsync(
                        CountedSql,
                        new
                        {
                            key.Id,
                            key.Attempt,
                            Total = total,
                            spec.WithEmails,
                        },
                        ct
                    );
                    long rows = 0;
                    var size = await storage.WriteAsync(
                        fileKey,
                        async (stream, token) =>
                            rows = await ExportWriter.WriteAsync(
                                reads,
                                spec,
                                stream,
                                writer => new ProgressWriter(writer, o.ProgressEvery, (done, t) => MineOrThrowAsync(
                                        ProgressSql,
                                        new
                                        {
                                            key.Id,
                                            key.Attempt,
                                            Rows = done,
                                            o.LeaseSeconds,
                                        },
                                        t
                                    )),
                                token
                            ),
                        ct
                    );
                    return (rows, size);
                },
                ct
            );
            var ready = await UpdateAsync(
                ReadySql,
                new
                {
                    key.Id,
                    key.Attempt,
                    Rows = rows,
                    FileKey = fileKey,
                    Size = size,
                    o.RetentionHours,
                }
            );
            if (ready == 0)
                await storage.DeleteAsync(fileKey, CancellationToken.None);
        }
        catch (ClaimLostException)
        {
            logger.LogInformation("Export {ExportId}: taken over by another instance", claim.Id);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await UpdateAsync(ReleaseSql, key); // stopping: another instance (or this one, restarted) writes it
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Export {ExportId} failed", claim.Id);
            await UpdateAsync(
                FailedSql,
                new
                {
                    key.Id,
                    key.Attempt,
                    Error = ExportError.Failed.ToWire(),
                }
            );
        }
        return 1;
    }

    private async Task<int> UpdateAsync(string sql, object args)
    {
        await using var connection = await db.OpenConnectionAsync(CancellationToken.None);
        return await connection.ExecuteAsync(sql, args);
    }

    private async Task MineOrThrowAsync(string sql, object args, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct)) == 0)
            throw new ClaimLostException();
    }

    /// <summary>Passes rows through, reporting the count every <c>every</c> rows.</summary>
    private sealed class ProgressWriter(ITableWriter inner, int every, Func<long, CancellationToken, Task> report) : ITableWriter
    {
        private long _rows;

        public ValueTask WriteHeaderAsync(IReadOnlyList<string> names, CancellationToken ct) => inner.WriteHeaderAsync(names, ct);

        public async ValueTask WriteRowAsync(ReadOnlyMemory<TableCell> cells, CancellationToken ct)
        {
            await inner.WriteRowAsync(cells, ct);
            if (++_rows % Math.Max(1, every) == 0)
                await report(_rows, ct);
        }

        public ValueTask CompleteAsync(CancellationToken ct) => inner.CompleteAsync(ct);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask; // the inner writer is disposed by its owner
    }
}
