using System.Threading.Channels;

namespace Participation.Api.Infrastructure.Database;

/// <summary>
/// Group commit for the small statements every request pays before its handler (the shared rate limit's hit, the role
/// version of the caller): callers queue an item and await its answer; one loop sends everything queued meanwhile in one
/// statement. Alone, a request is sent at once (nothing waits for company); under load, the requests that arrive while a
/// statement is on its way go together in the next, so the database answers one statement for many requests instead of one
/// each. Exactly as strict as one statement per item: the database decides every item. A failed statement fails every
/// item of it with the same exception.
/// </summary>
public sealed class StatementBatcher<TItem, TResult> : IAsyncDisposable, IDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false }
    );
    private readonly Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<TResult>>> _send;
    private readonly int _maxItems;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    /// <param name="send">Sends the items in one statement; answers in the same order, one per item.</param>
    /// <param name="maxItems">At most this many items in one statement.</param>
    public StatementBatcher(Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<TResult>>> send, int maxItems = 256)
    {
        _send = send;
        _maxItems = maxItems;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The item's answer. Cancelling stops waiting; an item already sent stays counted.</summary>
    public Task<TResult> SendAsync(TItem item, CancellationToken ct)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(StatementBatcher<TItem, TResult>));
        return ct.CanBeCanceled ? pending.Answer.Task.WaitAsync(ct) : pending.Answer.Task;
    }

    private async Task LoopAsync()
    {
        var batch = new List<Pending>(_maxItems);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stopping.Token))
            {
                batch.Clear();
                while (batch.Count < _maxItems && _queue.Reader.TryRead(out var next))
                    batch.Add(next);
                try
                {
                    var answers = await _send(batch.ConvertAll(p => p.Item), _stopping.Token);
                    for (var i = 0; i < batch.Count; i++)
                        batch[i].Answer.TrySetResult(answers[i]);
                }
                catch (Exception e)
                {
                    foreach (var pending in batch)
                        pending.Answer.TrySetException(e);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested) { }
        while (_queue.Reader.TryRead(out var left))
            left.Answer.TrySetCanceled();
    }

    /// <summary>Stops: the statement on its way is cancelled and queued items fail; waits for the loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        Stop();
        await _loop;
    }

    /// <summary>Stops without waiting for the loop (it ends by itself).</summary>
    public void Dispose() => Stop();

    private void Stop()
    {
        _queue.Writer.TryComplete();
        try
        {
            _stopping.Cancel();
        }
        catch (ObjectDisposedException) { }
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Answer);
}
