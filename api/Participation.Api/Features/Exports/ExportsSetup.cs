using Participation.Api.Infrastructure.Jobs;
using Participation.Api.Infrastructure.Storage;

namespace Participation.Api.Features.Exports;

public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>How often an idle instance looks for queued exports.</summary>
    public int PollSeconds { get; set; } = 2;

    /// <summary>How long a ready file may be downloaded; it is deleted after.</summary>
    public int RetentionHours { get; set; } = 24;

    /// <summary>Exports one person may have queued or running at once (409 beyond).</summary>
    public int MaxActivePerPerson { get; set; } = 5;

    /// <summary>Rows between two progress updates (which also renew the writing instance's lease).</summary>
    public int ProgressEvery { get; set; } = 1000;

    /// <summary>How long a silent instance keeps its claim before another may take the export over.</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>Claims after which an export that keeps being interrupted is given up (failed).</summary>
    public int MaxAttempts { get; set; } = 3;
}

/// <summary>Deletes the files of exports past their expiry (status expired), a batch at a time.</summary>
public sealed class ExportRetention(CityDb db, IFileStorage storage) : IPeriodicJob
{
    private const string DueSql = """
        SELECT id, file_key FROM exports WHERE status = 'ready' AND expires_at <= now()
         ORDER BY expires_at LIMIT 100 FOR UPDATE SKIP LOCKED;
        """;

    private const string ExpiredSql = "UPDATE exports SET status = 'expired', file_key = NULL WHERE id = ANY(@Ids);";

    private sealed record Due(Guid Id, string FileKey);

    public string Name => "expired exports";

    public TimeSpan Interval(JobOptions o) => TimeSpan.FromMinutes(5);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var due = (await connection.QueryAsync<Due>(new CommandDefinition(DueSql, transaction: tx, cancellationToken: ct))).AsList();
        foreach (var d in due)
            await storage.DeleteAsync(d.FileKey, ct);
        await connection.ExecuteAsync(
            new CommandDefinition(ExpiredSql, new { Ids = due.Select(d => d.Id).ToArray() }, tx, cancellationToken: ct)
        );
        await tx.CommitAsync(ct);
        return due.Count;
    }
}

public static class ExportsSetup
{
    public static IServiceCollection AddExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ExportOptions>(configuration.GetSection(ExportOptions.Section));
        services.AddSingleton<ExportJob>();
        services.AddSingleton<ExportRetention>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<ExportJob>());
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<ExportRetention>());
        return services;
    }
}
