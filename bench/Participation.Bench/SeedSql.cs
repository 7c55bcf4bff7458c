using System.Diagnostics;
using Npgsql;

namespace Participation.Bench;

/// <summary>One seeding statement, with the data set's anchor as @T0, timed and reported on the console.</summary>
public static class SeedSql
{
    public static async Task ExecAsync(
        NpgsqlConnection db,
        string prefix,
        DateTimeOffset anchor,
        string? label,
        string sql,
        int timeout,
        params (string Name, object Value)[] args
    )
    {
        var watch = Stopwatch.StartNew();
        await using var cmd = new NpgsqlCommand(sql, db) { CommandTimeout = timeout };
        cmd.Parameters.AddWithValue("T0", anchor);
        foreach (var (name, value) in args)
            cmd.Parameters.AddWithValue(name, value);
        var rows = await cmd.ExecuteNonQueryAsync();
        if (label is not null)
            Console.WriteLine($"[{prefix}] {label, -58} {watch.Elapsed.TotalSeconds, 6:0.0} s{(rows > 0 ? $"  ({rows:N0} rows)" : "")}");
    }
}
