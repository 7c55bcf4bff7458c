using Npgsql;

namespace Participation.Bench;

/// <summary>One statement's share of a run, from pg_stat_statements: calls per request, mean planning and execution time (ms).</summary>
public sealed record StatementStats(double CallsPerRequest, double MeanPlanMs, double MeanExecMs, string Query);

/// <summary>What PostgreSQL did per request during a run: statements, planning and execution time (ms), and the costliest
/// statements.</summary>
public sealed record PgStats(
    double StatementsPerRequest,
    double PlanMsPerRequest,
    double ExecMsPerRequest,
    IReadOnlyList<StatementStats> Top
);

/// <summary>
/// pg_stat_statements (preloaded in the bench cluster by .ci/bench.sh, with planning tracked): reset before each
/// measured run, read after it. Without the extension the bench runs as well, only without this breakdown.
/// </summary>
public sealed class StatementStatistics(string connectionString)
{
    /// <summary>How many of the costliest statements a run keeps (<c>BENCH_STATEMENTS</c>, default 3): more when looking for
    /// where the time goes.</summary>
    public static readonly int Shown = int.TryParse(Environment.GetEnvironmentVariable("BENCH_STATEMENTS"), out var n) && n > 0 ? n : 3;

    public bool Available { get; private set; }

    public async Task InitAsync()
    {
        try
        {
            await using var db = new NpgsqlConnection(connectionString);
            await db.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();",
                db
            );
            await cmd.ExecuteNonQueryAsync();
            Available = true;
        }
        catch (PostgresException ex)
        {
            Console.WriteLine($"[bench] no statement statistics ({ex.MessageText}): preload pg_stat_statements to get them");
        }
    }

    public async Task ResetAsync()
    {
        if (!Available)
            return;
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT pg_stat_statements_reset()", db);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<PgStats?> ReadAsync(long requests)
    {
        if (!Available || requests == 0)
            return null;
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            """
            SELECT calls, total_plan_time, total_exec_time, regexp_replace(query, '\s+', ' ', 'g')
              FROM pg_stat_statements
             WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'
             ORDER BY total_plan_time + total_exec_time DESC
            """,
            db
        );
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<(long Calls, double Plan, double Exec, string Query)>();
        while (await r.ReadAsync())
            rows.Add((r.GetInt64(0), r.GetDouble(1), r.GetDouble(2), r.GetString(3)));
        return new PgStats(
            rows.Sum(x => x.Calls) / (double)requests,
            rows.Sum(x => x.Plan) / requests,
            rows.Sum(x => x.Exec) / requests,
            rows.Take(Shown)
                .Select(x => new StatementStats(
                    x.Calls / (double)requests,
                    x.Plan / Math.Max(1, x.Calls),
                    x.Exec / Math.Max(1, x.Calls),
                    x.Query.Length <= 80 ? x.Query : x.Query[..80] + "…"
                ))
                .ToList()
        );
    }
}
