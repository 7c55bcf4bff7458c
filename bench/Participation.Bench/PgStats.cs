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
        var totals = new StatementTotals();
        await AddToAsync(totals);
        return totals.PerRequest(requests);
    }

    /// <summary>Adds what pg_stat_statements counted since its last reset to <paramref name="totals"/> (a side measured in
    /// several segments adds each).</summary>
    public async Task AddToAsync(StatementTotals totals)
    {
        if (!Available)
            return;
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            """
            SELECT calls, total_plan_time, total_exec_time, regexp_replace(query, '\s+', ' ', 'g')
              FROM pg_stat_statements
             WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'
            """,
            db
        );
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            totals.Add(r.GetString(3), r.GetInt64(0), r.GetDouble(1), r.GetDouble(2));
    }
}

/// <summary>Calls, planning and execution time (ms) per statement, added up over one or more measured segments.</summary>
public sealed class StatementTotals
{
    private readonly Dictionary<string, (long Calls, double Plan, double Exec)> _byQuery = new(StringComparer.Ordinal);

    public void Add(string query, long calls, double plan, double exec)
    {
        var (c, p, e) = _byQuery.GetValueOrDefault(query);
        _byQuery[query] = (c + calls, p + plan, e + exec);
    }

    /// <summary>Per request of <paramref name="requests"/>; null when nothing was counted.</summary>
    public PgStats? PerRequest(long requests)
    {
        if (_byQuery.Count == 0 || requests == 0)
            return null;
        var rows = _byQuery.Select(kv => (Query: kv.Key, kv.Value.Calls, kv.Value.Plan, kv.Value.Exec)).ToList();
        return new PgStats(
            rows.Sum(x => x.Calls) / (double)requests,
            rows.Sum(x => x.Plan) / requests,
            rows.Sum(x => x.Exec) / requests,
            rows.OrderByDescending(x => x.Plan + x.Exec)
                .Take(StatementStatistics.Shown)
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
