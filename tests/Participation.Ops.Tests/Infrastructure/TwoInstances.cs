using Dapper;
using Npgsql;

namespace Participation.Ops.Tests.Infrastructure;

/// <summary>
/// Two API instances (no proxy) on one fresh database with the same settings, both running the background work: what a
/// test of "done once with several instances" needs. The first one started migrates the database.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private TwoInstances(string database, ApiProcess a, ApiProcess b)
    {
        Database = database;
        A = a;
        B = b;
    }

    public string Database { get; }
    public ApiProcess A { get; }
    public ApiProcess B { get; }

    /// <summary>Both instances, as <c>[A, B]</c>.</summary>
    public IReadOnlyList<ApiProcess> Both => [A, B];

    public static async Task<TwoInstances> StartAsync(string name, IReadOnlyDictionary<string, string?> settings)
    {
        var database = await OpsDatabase.CreateAsync($"participation_ops_{name}");
        ApiProcess? a = null;
        try
        {
            a = await ApiProcess.StartAsync(database, $"{name}-a", With(settings, "api-a"));
            var b = await ApiProcess.StartAsync(database, $"{name}-b", With(settings, "api-b"));
            return new TwoInstances(database, a, b);
        }
        catch
        {
            if (a is not null)
                await a.DisposeAsync();
            throw;
        }
    }

    private static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?> settings, string instance) =>
        new(settings) { ["Cluster__InstanceName"] = instance };

    /// <summary>A connection to the shared database, unpooled (as the other operations tests open theirs).</summary>
    public NpgsqlConnection Connect() => new(new NpgsqlConnectionStringBuilder(Database) { Pooling = false }.ConnectionString);

    /// <summary>
    /// Waits until <paramref name="done"/> holds: checked every 200 ms, for at most <paramref name="seconds"/> (generous: the
    /// two cores may be busy with other tests); fails with <paramref name="what"/> and the instances' last log lines.
    /// </summary>
    public async Task UntilAsync(Func<Task<bool>> done, string what, int seconds = 180)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"not reached within {seconds} s: {what}\napi-a:\n{A.Tail(15)}\napi-b:\n{B.Tail(15)}");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Waits (bounded) until the database's clock has moved <paramref name="seconds"/> past now: background jobs polling
    /// every second have each had several turns since (the chance to do something twice).
    /// </summary>
    public async Task SeveralPollsAsync(int seconds = 3)
    {
        await using var connection = Connect();
        var since = await connection.ExecuteScalarAsync<DateTime>("SELECT clock_timestamp()");
        await UntilAsync(
            async () => await connection.ExecuteScalarAsync<DateTime>("SELECT clock_timestamp()") - since > TimeSpan.FromSeconds(seconds),
            "the database clock moving on",
            60
        );
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}
