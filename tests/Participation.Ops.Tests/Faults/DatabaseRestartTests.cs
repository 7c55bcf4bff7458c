using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using Participation.Ops.Tests.Infrastructure;

namespace Participation.Ops.Tests.Faults;

/// <summary>
/// PostgreSQL restarted while the API is under load (reads and writes): during the outage requests are answered with a
/// 503 problem (Retry-After) and /health/ready reports it; after the restart the same process serves again without
/// being restarted, and every write it acknowledged is in the database.
/// </summary>
public sealed class DatabaseRestartTests
{
    private const string Email = "admin@restart.test";
    private const string Password = "Restart-password-1";

    [Fact]
    public async Task The_api_reports_the_outage_then_recovers_without_a_restart_and_keeps_every_acknowledged_write()
    {
        var cluster = new LocalCluster("ops-restart");
        var server = await cluster.StartAsync(fresh: true);
        var database = await LocalCluster.CreateDatabaseAsync(server, "participation_ops_restart");
        await using var api = await ApiProcess.StartAsync(database, "restart");
        try
        {
            await api.SignInAsNewAdminAsync(Email, Password, lastName: "Redémarrage");

            var acknowledged = new ConcurrentBag<Guid>();
            var statuses = new ConcurrentDictionary<int, int>();
            var unavailable = new ConcurrentBag<JsonElement>();
            using var stop = new CancellationTokenSource();
            var counter = 0;
            async Task Worker()
            {
                // Bounded: stops when told, and after 20,000 requests at most.
                for (var i = 0; i < 20_000 && !stop.IsCancellationRequested; i++)
                {
                    var n = Interlocked.Increment(ref counter);
                    using var response =
                        n % 2 == 0
                            ? await api.Client.PostAsJsonAsync("/api/v1/departments", new { name = new { fr = $"Service {n}" } })
                            : await api.Client.GetAsync("/api/v1/projects");
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
                    if (response.StatusCode == HttpStatusCode.Created)
                        acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
                    else if (response.StatusCode == HttpStatusCode.ServiceUnavailable && unavailable.Count < 5)
                        unavailable.Add(await response.Content.ReadFromJsonAsync<JsonElement>());
                }
            }
            var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(Worker)).ToArray();
            await Until(() => Task.FromResult(!acknowledged.IsEmpty), "writes before the restart");

            await cluster.StopAsync();
            await Until(async () => !await api.IsReadyAsync(), "/health/ready reporting the outage");
            await Until(() => Task.FromResult(!unavailable.IsEmpty), "a request answered during the outage");
            var before = acknowledged.Count;

            await cluster.StartAsync();
            await Until(api.IsReadyAsync, "/health/ready reporting the recovery");
            await Until(() => Task.FromResult(acknowledged.Count > before), "writes after the restart");
            await stop.CancelAsync();
            await Task.WhenAll(workers);

            Assert.False(api.HasExited); // the same process, never restarted
            var problem = unavailable.First();
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.Equal("database_unavailable", problem.GetProperty("reason").GetString());
            // Only successes and "try again": no 500, no half-answered request.
            Assert.All(statuses.Keys, s => Assert.Contains(s, new[] { 200, 201, 503 }));

            await using var connection = new NpgsqlConnection(
                new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString
            );
            var stored = (await connection.QueryAsync<Guid>("SELECT id FROM departments")).ToHashSet();
            Assert.All(acknowledged, id => Assert.Contains(id, stored)); // every acknowledged write is there
        }
        finally
        {
            await cluster.StopAsync();
        }
    }

    /// <summary>Waits for a condition: a bounded number of checks (about two minutes), then fails naming it.</summary>
    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await condition())
                return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"waited in vain for {what}");
    }
}
