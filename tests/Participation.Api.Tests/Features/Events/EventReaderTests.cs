using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Participation.Api.Features.Events;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Events;

/// <summary>The events reader under parallel writers: every committed event read once, in order, none skipped.</summary>
public sealed class EventReaderTests(ApiFactory api) : ApiTest(api)
{
    private NpgsqlDataSource Db => Api.Services.GetRequiredService<NpgsqlDataSource>();
    private EventRecorder Events => Api.Services.GetRequiredService<EventRecorder>();

    private Task<RecordedEvent> RecordAsync(NpgsqlTransaction tx, string subject) =>
        Events.RecordAsync(
            tx,
            EventType.DepartmentRenamed,
            Actor.System,
            subject,
            Scope.Platform,
            new { name = "before" },
            new { name = "after" }
        );

    /// <summary>Reads from <paramref name="from"/> until nothing is left to read now.</summary>
    private async Task<(List<RecordedEvent> Events, EventCheckpoint Next)> DrainAsync(EventCheckpoint from)
    {
        var read = new List<RecordedEvent>();
        await using var connection = await Db.OpenConnectionAsync();
        while (true)
        {
            var (page, next) = await EventReader.ReadAsync(connection, from, 50);
            read.AddRange(page);
            from = next;
            if (page.Count < 50)
                return (read, from);
        }
    }

    /// <summary>Reads until <paramref name="done"/> holds for what was read (a bounded wait on a condition, not on time).</summary>
    private async Task<List<RecordedEvent>> ReadUntilAsync(EventCheckpoint from, Func<List<RecordedEvent>, bool> done)
    {
        var read = new List<RecordedEvent>();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var (page, next) = await DrainAsync(from);
            read.AddRange(page);
            from = next;
            if (done(read))
                return read;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Read {read.Count} events; the condition never held.");
    }

    [Fact]
    public async Task An_event_committed_after_a_later_one_was_read_is_still_read_where_a_position_cursor_skips_it()
    {
        await using var a = await Db.OpenConnectionAsync();
        await using var txA = await a.BeginTransactionAsync();
        var first = await RecordAsync(txA, "a"); // takes the smaller position, commits last

        RecordedEvent second;
        await using (var b = await Db.OpenConnectionAsync())
        await using (var txB = await b.BeginTransactionAsync())
        {
            second = await RecordAsync(txB, "b");
            await txB.CommitAsync();
        }
        Assert.True(second.Position > first.Position);

        // What a reader keeping "the last position" does: it reads b, moves past a's position, and never sees a.
        await using var naive = await Db.OpenConnectionAsync();
        var naiveRead = (await naive.QueryAsync<long>("SELECT position FROM events ORDER BY position")).AsList();
        Assert.Equal([second.Position], naiveRead);

        // This reader waits for a's transaction: it reads nothing past it while it runs.
        var (whileRunning, checkpoint) = await DrainAsync(EventCheckpoint.Start);
        Assert.Empty(whileRunning);

        await txA.CommitAsync();
        var read = await ReadUntilAsync(checkpoint, r => r.Count >= 2);
        Assert.Equal(["a", "b"], read.Select(e => e.SubjectId));
        Assert.Equal(EventType.DepartmentRenamed, read[0].Type);
        Assert.Equal("after", read[0].After!.Value.GetProperty("name").GetString());
        Assert.Equal("before", read[0].Before!.Value.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Parallel_writers_and_a_polling_reader_every_committed_event_read_once_none_rolled_back()
    {
        const int writers = 6,
            transactions = 30;
        var committed = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();

        var reader = Task.Run(async () =>
        {
            var read = new List<RecordedEvent>();
            var from = EventCheckpoint.Start;
            while (!stop.IsCancellationRequested)
            {
                var (page, next) = await DrainAsync(from);
                read.AddRange(page);
                from = next;
            }
            return (read, from);
        });

        var writing = Enumerable
            .Range(0, writers)
            .Select(w =>
                Task.Run(async () =>
                {
                    for (var t = 0; t < transactions; t++)
                    {
                        await using var connection = await Db.OpenConnectionAsync();
                        await using var tx = await connection.BeginTransactionAsync();
                        var subjects = Enumerable.Range(0, 1 + (t % 3)).Select(i => $"{w}-{t}-{i}").ToList();
                        foreach (var subject in subjects)
                            await RecordAsync(tx, subject);
                        // Hold some transactions open while the others commit, so positions commit out of order.
                        if (t % 4 == 1)
                            await connection.ExecuteAsync("SELECT pg_sleep(0.005)", transaction: tx);
                        if (t % 7 == 3)
                        {
                            await tx.RollbackAsync();
                            continue;
                        }
                        await tx.CommitAsync();
                        foreach (var subject in subjects)
                            committed.Add(subject);
                    }
                })
            )
            .ToArray();
        await Task.WhenAll(writing);
        await stop.CancelAsync();
        var (polled, checkpoint) = await reader;

        var expected = committed.ToHashSet();
        var rest = await ReadUntilAsync(checkpoint, r => polled.Count + r.Count >= expected.Count);
        var all = polled.Concat(rest).ToList();
        Assert.Equal(all.Count, all.Select(e => e.Position).Distinct().Count()); // none twice
        Assert.True(expected.SetEquals(all.Select(e => e.SubjectId)), "every committed event read, no rolled back one");
        Assert.True(polled.Count > 0, "the reader read while the writers wrote");
    }
}
