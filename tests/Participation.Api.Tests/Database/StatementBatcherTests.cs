using Participation.Api.Infrastructure.Database;

namespace Participation.Api.Tests.Database;

/// <summary>The group commit in front of the rate limits and role versions: what arrives while a statement is on its way goes
/// in the next one, each item gets its own answer, and a failed statement fails its items only.</summary>
public sealed class StatementBatcherTests
{
    [Fact]
    public async Task Items_queued_while_a_statement_is_on_its_way_go_together_in_the_next_and_get_their_own_answers()
    {
        var batches = new List<int[]>();
        var firstHeld = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await using var batcher = new StatementBatcher<int, int>(
            async (items, _) =>
            {
                lock (batches)
                    batches.Add([.. items]);
                if (items.Contains(0))
                {
                    firstHeld.SetResult();
                    await release.Task;
                }
                return items.Select(i => i * 10).ToList();
            }
        );

        var first = batcher.SendAsync(0, CancellationToken.None);
        await firstHeld.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var queued = Enumerable.Range(1, 20).Select(i => batcher.SendAsync(i, CancellationToken.None)).ToList();
        release.SetResult();
        var answers = await Task.WhenAll(queued).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, await first);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => i * 10), answers);
        Assert.Equal(2, batches.Count);
        Assert.Equal([0], batches[0]);
        Assert.Equal(Enumerable.Range(1, 20), batches[1]);
    }

    [Fact]
    public async Task Alone_an_item_is_sent_at_once_and_a_failed_statement_fails_its_items_only()
    {
        var calls = 0;
        await using var batcher = new StatementBatcher<string, string>(
            (items, _) =>
                Interlocked.Increment(ref calls) == 1
                    ? throw new InvalidOperationException("the database is away")
                    : Task.FromResult<IReadOnlyList<string>>(items.Select(i => i.ToUpperInvariant()).ToList())
        );

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            batcher.SendAsync("a", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30))
        );
        var next = await batcher.SendAsync("b", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("the database is away", failed.Message);
        Assert.Equal("B", next);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task After_disposal_nothing_is_accepted()
    {
        var batcher = new StatementBatcher<int, int>((items, _) => Task.FromResult<IReadOnlyList<int>>([.. items]));
        await batcher.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => batcher.SendAsync(1, CancellationToken.None));
    }
}
