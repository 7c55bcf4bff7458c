using Dapper;
using Npgsql;
using Participation.Ops.Tests.Infrastructure;

namespace Participation.Ops.Tests.Replica;

/// <summary>
/// The API with a streaming standby (`.ci/pg.sh standby`): stale reads go to it, a person sees their own writes at
/// once, and its replay paused (deterministic lag), stopped or lagging beyond the bound never gives a wrong answer.
/// </summary>
public sealed class ReadReplicaTests(ReadReplicaTests.Primary primary) : IClassFixture<ReadReplicaTests.Primary>
{
    /// <summary>The primary of these tests: a local cluster of their own, shared by both (its standby replays only them).</summary>
    public sealed class Primary : IAsyncLifetime
    {
        public LocalCluster Cluster { get; } = new("ops-replica");

        public string Server { get; private set; } = "";

        public async Task InitializeAsync() => Server = await Cluster.StartAsync(fresh: true);

        public Task DisposeAsync() => Cluster.StopAsync();
    }

    [Fact]
    public async Task Visitors_read_the_standby_authors_read_their_writes_and_a_stopped_standby_costs_no_error()
    {
        var standby = await Standby.StartAsync(primary.Cluster.Name, primary.Server);
        try
        {
            var database = await LocalCluster.CreateDatabaseAsync(primary.Server, "participation_ops_replica");
            await using var api = await StartApiAsync(database, "replica", standby, maxLagSeconds: "600");
            var city = await ReplicaCity.CreateAsync(api, database);
            await standby.WaitCaughtUpAsync();

            await standby.PauseReplayAsync();
            Guid idea;
            try
            {
                (idea, var readAfter) = await city.SubmitIdeaAsync("Des bancs à l'ombre");
                Assert.NotNull(readAfter);
                // (b) The author's next read carries the position (the cookie, as in a browser): served where the idea is.
                Assert.Contains(idea, await city.IdeasAsync(city.Author));
                // (a) A visitor's read goes to the standby, whose replay is paused: the idea is not there yet.
                Assert.DoesNotContain(idea, await city.IdeasAsync(city.Visitor));
            }
            finally
            {
                await standby.ResumeReplayAsync();
            }

            // (c) Replay resumed: the visitor sees it (bounded wait on the condition).
            var seen = false;
            for (var i = 0; i < 600 && !seen; i++) // about two minutes at most on a busy machine
            {
                seen = (await city.IdeasAsync(city.Visitor)).Contains(idea);
                if (!seen)
                    await Task.Delay(200);
            }
            Assert.True(seen, "the visitor never saw the idea after the standby resumed");

            // (d) The standby stopped at once while visitors read: every read answers 200 with the idea.
            var reads = 0;
            var stopped = new TaskCompletionSource();
            var stopper = Task.Run(async () =>
            {
                while (Volatile.Read(ref reads) < 10)
                    await Task.Yield();
                await standby.StopImmediatelyAsync();
                stopped.SetResult();
            });
            var afterStop = 0;
            while (afterStop < 20)
            {
                var tasks = Enumerable.Range(0, 4).Select(_ => city.IdeasAsync(city.Visitor)).ToList();
                foreach (var ids in await Task.WhenAll(tasks))
                    Assert.Contains(idea, ids);
                Interlocked.Add(ref reads, tasks.Count);
                if (stopped.Task.IsCompleted)
                    afterStop += tasks.Count;
                Assert.False(stopper.IsFaulted, stopper.Exception?.ToString());
            }
            await stopper;
            Assert.False(api.HasExited);
        }
        finally
        {
            await standby.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_standby_lagging_beyond_the_bound_is_not_read()
    {
        var standby = await Standby.StartAsync(primary.Cluster.Name, primary.Server);
        try
        {
            var database = await LocalCluster.CreateDatabaseAsync(primary.Server, "participation_ops_replica_lag");
            await using var api = await StartApiAsync(database, "replica-lag", standby, maxLagSeconds: "1", pollMilliseconds: "100");
            var city = await ReplicaCity.CreateAsync(api, database);
            await standby.WaitCaughtUpAsync();
            await standby.PauseReplayAsync();
            try
            {
                var (idea, _) = await city.SubmitIdeaAsync("Un kiosque à musique");
                // The standby lags more and more (its replay is paused): once beyond a second, visitors read the primary.
                var seen = false;
                for (var i = 0; i < 300 && !seen; i++)
                {
                    seen = (await city.IdeasAsync(city.Visitor)).Contains(idea);
                    if (!seen)
                        await Task.Delay(100);
                }
                Assert.True(seen, "a standby lagging beyond the bound was still read");
                // ... while the standby still lacks the idea: the answer came from the primary.
                await using var onStandby = new NpgsqlConnection(standby.For("participation_ops_replica_lag"));
                Assert.Equal(0, await onStandby.ExecuteScalarAsync<int>("SELECT count(*) FROM ideas WHERE id = @idea", new { idea }));
            }
            finally
            {
                await standby.ResumeReplayAsync();
            }
        }
        finally
        {
            await standby.DisposeAsync();
        }
    }

    /// <summary>
    /// The API on <paramref name="database"/> reading from <paramref name="standby"/> while it lags at most
    /// <paramref name="maxLagSeconds"/> (its lag checked every <paramref name="pollMilliseconds"/>, when given).
    /// </summary>
    private static Task<ApiProcess> StartApiAsync(
        string database,
        string name,
        Standby standby,
        string maxLagSeconds,
        string? pollMilliseconds = null
    )
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database__ReplicaHosts"] = standby.Endpoint,
            ["Database__ReplicaMaxLagSeconds"] = maxLagSeconds,
        };
        if (pollMilliseconds is not null)
            settings["Database__ReplicaPollMilliseconds"] = pollMilliseconds;
        return ApiProcess.StartAsync(database, name, settings);
    }
}
