using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Features.Ideas;

/// <summary>
/// Refreshes the stored "trending" score of the public ideas of published projects, in the background
/// (every few minutes): list requests only read the score through its index. Rows whose score would not
/// move noticeably are left alone, so quiet projects cost almost nothing.
/// </summary>
public sealed class RefreshTrending(NpgsqlDataSource db) : IPeriodicJob
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

    /// <summary>Returns how many scores moved.</summary>
    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Sql, commandTimeout: 300, cancellationToken: ct));
    }
}
