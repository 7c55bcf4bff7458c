using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Participation.Ops.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Participation.Ops.Tests.Faults;

/// <summary>
/// <c>kill -9</c> of one of two API instances during a storm of votes and basket changes: every write either instance
/// acknowledged is in the database as its answer said, the counters and budgets still add up, each change left its event
/// in its own transaction, and the other instance (and a new one) goes on serving.
/// </summary>
public sealed class InstanceKillTests(ITestOutputHelper output)
{
    private const int Residents = 8;
    private const int AcknowledgedBeforeKill = 200; // all residents together
    private const int AcknowledgedAfterKill = 20; // each resident, on the surviving instance
    private const int MaxSteps = 2_000; // each resident: the storm is bounded whatever happens

    [Fact]
    public async Task Killing_an_instance_during_a_vote_and_basket_storm_loses_no_acknowledged_write_and_the_other_carries_on()
    {
        var clock = Stopwatch.StartNew();
        var database = await OpsDatabase.CreateAsync("participation_ops_kill");
        // Each instance names its connections, so the test sees when the killed one's last transaction has ended.
        await using var a = await ApiProcess.StartAsync(Named(database, "ops-kill-a"), "kill-a", Settings("a"));
        await using var b = await ApiProcess.StartAsync(Named(database, "ops-kill-b"), "kill-b", Settings("b"));
        var city = await StormCity.CreateAsync(a, database, Residents);
        output.WriteLine($"two instances and the city ready after {clock.Elapsed.TotalSeconds:0.0} s");

        var residents = city.Residents.Select((p, i) => new StormResident(i, p.Id, p.Token, city)).ToList();
        var killing = 0; // set (Volatile) just before the kill: from then on a request to A may go unanswered
        bool Killing() => Volatile.Read(ref killing) == 1;
        var settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        int acknowledged = 0,
            refused = 0,
            unknown = 0,
            afterKillOnB = 0,
            pendingOnA = 0; // requests sent to A and not answered yet

        async Task Storm(StormResident resident)
        {
            using var onA = StormCity.Client(a, resident.Token);
            using var onB = StormCity.Client(b, resident.Token);
            var lostA = false;
            var mine = 0;
            for (var step = 0; step < MaxSteps && mine < AcknowledgedAfterKill && !stop.IsCancellationRequested; step++)
            {
                var useA = !lostA && step % 2 == 0; // alternate between the instances until A stops answering
                var afterKill = Killing();
                if (useA)
                    Interlocked.Increment(ref pendingOnA);
                var outcome = await resident.StepAsync(useA ? onA : onB, () => useA && Killing());
                if (useA)
                    Interlocked.Decrement(ref pendingOnA);
                switch (outcome)
                {
                    case StormResident.Outcome.Unexpected:
                        await stop.CancelAsync();
                        return;
                    case StormResident.Outcome.Unknown:
                        Interlocked.Increment(ref unknown);
                        lostA = true;
                        // The next request waits until A's transactions are over (committed or rolled back), so what B
                        // answers next is the last word on what the lost request touched.
                        await settled.Task.WaitAsync(TimeSpan.FromMinutes(5));
                        continue;
                    case StormResident.Outcome.Refused:
                        Interlocked.Increment(ref refused);
                        break;
                    case StormResident.Outcome.Acknowledged:
                        Interlocked.Increment(ref acknowledged);
                        if (afterKill && !useA)
                        {
                            mine++;
                            Interlocked.Increment(ref afterKillOnB);
                        }
                        break;
                }
            }
        }

        var storm = residents.Select(r => Task.Run(() => Storm(r))).ToArray();
        try
        {
            await Until(
                () => Task.FromResult(Volatile.Read(ref acknowledged) >= AcknowledgedBeforeKill || stop.IsCancellationRequested),
                "acknowledged writes before the kill"
            );
            Assert.Empty(residents.SelectMany(r => r.Unexpected));
            Assert.True(await BackendsAsync(database, "ops-kill-a") > 0, "instance A holds no connection: its name is not seen");
            // Killed while several requests to it are under way (a bounded wait: half the residents are on A at any time).
            await Until(() => Task.FromResult(Volatile.Read(ref pendingOnA) >= 2 || stop.IsCancellationRequested), "requests to A");
            var before = Volatile.Read(ref acknowledged);
            var pending = Volatile.Read(ref pendingOnA);

            Volatile.Write(ref killing, 1);
            a.Kill(); // SIGKILL, requests in flight
            output.WriteLine(
                $"killed A after {before} acknowledged writes, {pending} requests to it under way, at {clock.Elapsed.TotalSeconds:0.0} s"
            );
            await Until(async () => await BackendsAsync(database, "ops-kill-a") == 0, "the killed instance's connections to end");
            settled.SetResult();

            await Task.WhenAll(storm).WaitAsync(TimeSpan.FromMinutes(10));
        }
        finally
        {
            await stop.CancelAsync();
            settled.TrySetResult();
        }
        output.WriteLine(
            $"storm over at {clock.Elapsed.TotalSeconds:0.0} s: {acknowledged} acknowledged ({afterKillOnB} by B after the kill), "
                + $"{refused} refused by a rule, {unknown} lost with A ("
                + string.Join(", ", residents.SelectMany(r => r.Lost).CountBy(e => e).Select(e => $"{e.Value} {e.Key}"))
                + ")"
        );
        Assert.Empty(residents.SelectMany(r => r.Unexpected));
        Assert.True(a.HasExited);
        Assert.False(b.HasExited);
        Assert.True(unknown > 0, "no request to A went unanswered: the kill did not happen during the storm");
        Assert.Equal(Residents * AcknowledgedAfterKill, afterKillOnB); // B carried on: every resident's writes after the kill

        // B still reads and writes; then a new instance on the same database comes up and does too.
        await ReadAndWriteAsync(b, residents[0], city);
        await using (var c = await ApiProcess.StartAsync(Named(database, "ops-kill-c"), "kill-c", Settings("c")))
            await ReadAndWriteAsync(c, residents[1], city);
        Assert.Empty(residents.SelectMany(r => r.Unexpected));

        await AssertAcknowledgedStatePresentAsync(database, city, residents);
        await AssertInvariantsAsync(database);
        await AssertEventsAsync(database, city, residents);
        output.WriteLine($"checked after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// A read (the resident's basket, as last acknowledged) and a write (a vote cast or withdrawn) on <paramref name="api"/>.
    /// </summary>
    private static async Task ReadAndWriteAsync(ApiProcess api, StormResident resident, StormCity city)
    {
        using var client = StormCity.Client(api, resident.Token);
        using var response = await client.GetAsync($"/api/v1/projects/{city.BudgetProject}/basket");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{api.BaseAddress}: {(int)response.StatusCode} {text}");
        var lines = JsonNode.Parse(text)!["lines"]!.AsArray().Select(l => l!["ideaId"]!.GetValue<Guid>()).ToHashSet();
        if (resident.Lines is { } known)
            Assert.True(known.SetEquals(lines), $"{api.BaseAddress} lists a basket other than acknowledged");
        // A real change: withdraw a vote the resident holds, else cast one the limit surely leaves room for.
        var held = resident.Votes.FirstOrDefault(v => v.Value == true).Key;
        var free = resident.Votes.Count(v => v.Value != false) < StormCity.VotesPerUser;
        var idea =
            held != Guid.Empty ? held
            : free ? resident.Votes.First(v => v.Value == false).Key
            : resident.Votes.First().Key;
        Assert.Equal(
            StormResident.Outcome.Acknowledged,
            await resident.VoteAsync(client, () => false, idea, cast: held == Guid.Empty && free)
        );
    }

    /// <summary>Every (resident, idea) whose last request was acknowledged is in the database as the answer said.</summary>
    private static async Task AssertAcknowledgedStatePresentAsync(string database, StormCity city, List<StormResident> residents)
    {
        await using var connection = new NpgsqlConnection(StormCity.Unpooled(database));
        var votes = (
            await connection.QueryAsync<(Guid User, Guid Idea)>(
                "SELECT user_id, idea_id FROM idea_votes WHERE phase_id = @VotingPhase",
                new { city.VotingPhase }
            )
        ).ToHashSet();
        var lines = (
            await connection.QueryAsync<(Guid User, Guid Idea)>(
                "SELECT b.user_id, l.idea_id FROM basket_lines l JOIN baskets b ON b.id = l.basket_id WHERE b.phase_id = @BudgetPhase",
                new { city.BudgetPhase }
            )
        ).ToHashSet();
        var submitted = (
            await connection.QueryAsync<Guid>(
                "SELECT user_id FROM baskets WHERE phase_id = @BudgetPhase AND submitted_at IS NOT NULL",
                new { city.BudgetPhase }
            )
        ).ToHashSet();
        List<string> missing = [];
        var known = 0;
        foreach (var r in residents)
        {
            foreach (var (idea, voted) in r.Votes)
            {
                if (voted is not { } v)
                    continue;
                known++;
                if (votes.Contains((r.Id, idea)) != v)
                    missing.Add($"vote of {r.Id} on {idea}: acknowledged {v}");
            }
            if (r.Lines is { } acknowledged)
            {
                known++;
                var stored = lines.Where(l => l.User == r.Id).Select(l => l.Idea).ToHashSet();
                if (!stored.SetEquals(acknowledged))
                    missing.Add(
                        $"basket of {r.Id}: acknowledged [{string.Join(", ", acknowledged)}], stored [{string.Join(", ", stored)}]"
                    );
            }
            if (r.Submitted is { } s && submitted.Contains(r.Id) != s)
                missing.Add($"basket of {r.Id}: acknowledged submitted={s}");
        }
        Assert.True(missing.Count == 0, "Acknowledged writes not in the database: " + string.Join("; ", missing));
        Assert.True(known >= residents.Count, $"only {known} states known at the end");
    }

    /// <summary>Derived data equals recomputation (QUALITY.md §3.4), as the API tests' Invariants check it.</summary>
    private static async Task AssertInvariantsAsync(string database)
    {
        const string sql = """
            SELECT 'likes of ' || i.id AS what FROM ideas i
             WHERE i.likes_count <> (SELECT count(*) FROM idea_reactions r WHERE r.idea_id = i.id AND r.kind = 'like')
                OR i.dislikes_count <> (SELECT count(*) FROM idea_reactions r WHERE r.idea_id = i.id AND r.kind = 'dislike')
            UNION ALL SELECT 'votes used by ' || pp.user_id FROM phase_participants pp
             WHERE pp.votes <> (SELECT count(*) FROM idea_votes v WHERE v.phase_id = pp.phase_id AND v.user_id = pp.user_id)
            UNION ALL SELECT 'vote tally of ' || t.idea_id FROM vote_tallies t
             WHERE t.votes <> (SELECT count(*) FROM idea_votes v WHERE v.phase_id = t.phase_id AND v.idea_id = t.idea_id)
            UNION ALL SELECT 'votes without a tally on ' || v.idea_id FROM idea_votes v
             WHERE NOT EXISTS (SELECT 1 FROM vote_tallies t WHERE t.phase_id = v.phase_id AND t.idea_id = v.idea_id)
            UNION ALL SELECT 'votes over the limit of ' || pp.user_id FROM phase_participants pp JOIN phases ph ON ph.id = pp.phase_id
             WHERE ph.settings ? 'votesPerUser' AND pp.votes > (ph.settings ->> 'votesPerUser')::int
            UNION ALL SELECT 'basket total of ' || b.id FROM baskets b
             WHERE b.total <> coalesce((SELECT sum(l.cost) FROM basket_lines l WHERE l.basket_id = b.id), 0)
                OR b.items <> (SELECT count(*) FROM basket_lines l WHERE l.basket_id = b.id)
            UNION ALL SELECT 'basket over budget ' || b.id FROM baskets b JOIN phases ph ON ph.id = b.phase_id
             WHERE b.total > b.budget OR b.budget <> (ph.settings ->> 'budgetAmount')::numeric
            UNION ALL SELECT 'baskets per person ' || b.user_id FROM baskets b GROUP BY b.phase_id, b.user_id HAVING count(*) > 1;
            """;
        await using var connection = new NpgsqlConnection(StormCity.Unpooled(database));
        var broken = (await connection.QueryAsync<string>(sql)).ToList();
        Assert.True(broken.Count == 0, "Derived data differs from recomputation: " + string.Join(", ", broken));
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM idea_votes") > 0, "no vote stored");
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM basket_lines") > 0, "no basket line stored");
    }

    /// <summary>
    /// A fact is recorded once, in its transaction: replaying the events gives the votes, lines and submissions that exist
    /// (each change once: cast and withdrawn alternate); every stored vote and line was written by the transaction of
    /// its event (the row's xmin is the event's tx_id); every change an answer proved has its event.
    /// </summary>
    private static async Task AssertEventsAsync(string database, StormCity city, List<StormResident> residents)
    {
        const string sql = """
            WITH ev AS (
                SELECT e.position, e.type, e.actor_id, e.tx_id,
                       CASE WHEN e.type LIKE 'vote.%' THEN e.subject_id ELSE coalesce(e.after ->> 'ideaId', e.before ->> 'ideaId', '') END
                           AS idea,
                       CASE WHEN e.type LIKE 'vote.%' THEN 'vote' WHEN e.type LIKE 'basket.idea_%' THEN 'line' ELSE 'submission' END
                           AS kind,
                       e.type IN ('vote.cast', 'basket.idea_added', 'basket.submitted') AS sets
                  FROM events e
                 WHERE (e.type IN ('vote.cast', 'vote.removed') AND e.phase_id = @VotingPhase)
                    OR (e.type IN ('basket.idea_added', 'basket.idea_removed', 'basket.submitted', 'basket.reopened')
                        AND e.phase_id = @BudgetPhase)),
            ordered AS (SELECT ev.*, lag(sets) OVER (PARTITION BY kind, actor_id, idea ORDER BY position) AS previous FROM ev),
            net AS (SELECT kind, actor_id, idea, sum(CASE WHEN sets THEN 1 ELSE -1 END) AS net FROM ev GROUP BY kind, actor_id, idea),
            state AS (
                SELECT 'vote' AS kind, user_id AS actor_id, idea_id::text AS idea FROM idea_votes WHERE phase_id = @VotingPhase
                UNION ALL
                SELECT 'line', b.user_id, l.idea_id::text FROM basket_lines l JOIN baskets b ON b.id = l.basket_id
                 WHERE b.phase_id = @BudgetPhase
                UNION ALL
                SELECT 'submission', user_id, '' FROM baskets WHERE phase_id = @BudgetPhase AND submitted_at IS NOT NULL)
            SELECT 'the same change recorded twice in a row: ' || kind || ' ' || actor_id || ' ' || idea FROM ordered
             WHERE sets = coalesce(previous, false)
            UNION ALL
            SELECT 'events do not add up to what is stored: ' || coalesce(n.kind, s.kind) || ' ' || coalesce(n.actor_id, s.actor_id)
                   || ' ' || coalesce(n.idea, s.idea)
              FROM net n FULL JOIN state s ON s.kind = n.kind AND s.actor_id = n.actor_id AND s.idea = n.idea
             WHERE coalesce(n.net, 0) <> CASE WHEN s.kind IS NULL THEN 0 ELSE 1 END
            UNION ALL
            SELECT 'a vote not written by the transaction of its event: ' || v.user_id || ' ' || v.idea_id FROM idea_votes v
             WHERE v.phase_id = @VotingPhase AND NOT EXISTS (
                   SELECT 1 FROM events e WHERE e.type = 'vote.cast' AND e.actor_id = v.user_id AND e.subject_id = v.idea_id::text
                      AND e.tx_id::text::bigint % 4294967296 = v.xmin::text::bigint)
            UNION ALL
            SELECT 'a basket line not written by the transaction of its event: ' || b.user_id || ' ' || l.idea_id
              FROM basket_lines l JOIN baskets b ON b.id = l.basket_id
             WHERE b.phase_id = @BudgetPhase AND NOT EXISTS (
                   SELECT 1 FROM events e WHERE e.type = 'basket.idea_added' AND e.subject_id = b.id::text
                      AND e.after ->> 'ideaId' = l.idea_id::text AND e.tx_id::text::bigint % 4294967296 = l.xmin::text::bigint);
            """;
        await using var connection = new NpgsqlConnection(StormCity.Unpooled(database));
        var args = new { city.VotingPhase, city.BudgetPhase };
        var broken = (await connection.QueryAsync<string>(sql, args)).ToList();
        Assert.True(broken.Count == 0, "Events and state disagree: " + string.Join("; ", broken));

        var counts = (
            await connection.QueryAsync<(Guid Actor, string Type, string Idea, long Count)>(
                """
                SELECT actor_id, type, CASE WHEN type LIKE 'vote.%' THEN subject_id
                                            ELSE coalesce(after ->> 'ideaId', before ->> 'ideaId', '') END, count(*)
                  FROM events
                 WHERE type IN ('vote.cast', 'vote.removed', 'basket.idea_added', 'basket.idea_removed', 'basket.submitted',
                                'basket.reopened')
                 GROUP BY 1, 2, 3
                """,
                args
            )
        ).ToDictionary(c => (c.Actor, c.Type, c.Idea), c => c.Count);
        List<string> missing = [];
        foreach (var r in residents)
        foreach (var ((type, idea), proven) in r.Changes)
        {
            var key = (r.Id, type, idea == Guid.Empty ? "" : idea.ToString());
            if (counts.GetValueOrDefault(key) < proven)
                missing.Add($"{type} of {r.Id} on {idea}: {proven} acknowledged, {counts.GetValueOrDefault(key)} recorded");
        }
        Assert.True(missing.Count == 0, "Acknowledged changes without their event: " + string.Join("; ", missing));
        Assert.True(residents.Sum(r => r.Changes.Values.Sum()) > 0, "no change proven by an answer");
    }

    /// <summary>How many server processes serve connections named <paramref name="application"/>.</summary>
    private static async Task<long> BackendsAsync(string database, string application)
    {
        await using var connection = new NpgsqlConnection(StormCity.Unpooled(database));
        return await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = @application",
            new { application }
        );
    }

    private static string Named(string database, string application) =>
        new NpgsqlConnectionStringBuilder(database) { ApplicationName = application }.ConnectionString;

    /// <summary>As in a cluster (its own instance name); no rate limit in the way of the storm.</summary>
    private static Dictionary<string, string?> Settings(string instance) =>
        new()
        {
            ["Cluster__InstanceName"] = $"api-{instance}",
            ["RateLimits__WritePermits"] = "1000000000",
            ["RateLimits__AuthPermits"] = "1000000000",
            ["Email__PollSeconds"] = "1",
        };

    /// <summary>Waits for a condition: a bounded number of checks (about three minutes), then fails naming it.</summary>
    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 900; i++)
        {
            if (await condition())
                return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"waited in vain for {what}");
    }
}
