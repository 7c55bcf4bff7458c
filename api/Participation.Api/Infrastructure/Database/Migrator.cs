using DbUp;
using DbUp.Engine.Output;

namespace Participation.Api.Infrastructure.Database;

/// <summary>
/// Runs the embedded, numbered SQL migrations with DbUp. A PostgreSQL advisory lock serialises
/// concurrent starts, so two API instances starting together never race on the schema.
/// </summary>
public sealed class Migrator(NpgsqlDataSource dataSource, IConfiguration configuration, ILogger<Migrator> logger)
{
    private const long LockKey = 0x5041_5254_4943_4950; // "PARTICIP"

    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(ct);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            lockCommand.Parameters.AddWithValue("key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(ct);
        }
        try
        {
            var result = DeployChanges
                .To.PostgresqlDatabase(ConnectionStrings.Resolve(configuration))
                .WithScriptsEmbeddedInAssembly(typeof(Migrator).Assembly, name => name.EndsWith(".sql", StringComparison.Ordinal))
                .WithTransactionPerScript()
                // A migration that backfills (e.g. 0025's participation actions) runs for minutes on a large platform.
                .WithExecutionTimeout(TimeSpan.FromMinutes(30))
                .LogTo(new DbUpLogger(logger))
                .Build()
                .PerformUpgrade();
            if (!result.Successful)
                throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed.", result.Error);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            unlock.Parameters.AddWithValue("key", LockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private sealed class DbUpLogger(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);

        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);

        public void LogInformation(string format, params object[] args) => logger.LogInformation(format, args);

        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);

        public void LogError(string format, params object[] args) => logger.LogError(format, args);

        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}
