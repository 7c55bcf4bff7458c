using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Features.Ideas;

/// <summary>
/// Refreshes the stored "trending" score of the public ideas of published projects, in the background
/// (every few minutes): list requests only read the score through its index. Rows whose score would not
/// move noticeably are left alone, so quiet projects cost almost nothing.
/// </summary>
public sealed class RefreshTrending(CityDb db) : IPeriodicJob
{
    private const string Sql = """
        UPDATE ideas i
           SET trending_score = idea_trending(i.likes_count, i.dislikes_count, i.comments_count, i.created_at, now())
          FROM projects p
         WHERE p.id = i.project_id AND p.status = 'published' AND i.listed
           AND abs(i.trending_score - idea_trending(i.likes_count, i.dislikes_count, i.comments_count, i.created_at, now()))
               > 0.001 * greatest(i.trending_score, 1e-9);
        """;

    public string Name => "trending scores";

    public TimeSpan Interval(JobOptions o) => TimeSpan.FromSeconds(o.TrendingRefreshSeconds);

    /// <summary>One pass over every project; returns 0 (the next pass waits for the timer).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await RefreshAsync(ct);
        return 0;
    }

    /// <summary>
    /// Returns how many scores moved. With several instances, one pass at a time: the others find the transaction's
    /// advisory lock taken and skip theirs (the pass is a scan of every listed idea; twice at once would be wasted work).
    /// </summary>
    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (
            !await connection.ExecuteScalarAsync<bool>(
                new CommandDefinition("SELECT pg_try_advisory_xact_lock(@Key);", new { Key = LockKey }, transaction, cancellationToken: ct)
            )
        )
            return 0;
        var moved = await connection.ExecuteAsync(
            new CommandDefinition(Sql, transaction: transaction, commandTimeout: 300, cancellationToken: ct)
        );
        await transaction.CommitAsync(ct);
        return moved;
    }

    /// <summary>The advisory lock held by the instance refreshing (any number not used elsewhere).</summary>
    private const long LockKey = 7_423_118_001;
}
