using System.Collections.Concurrent;
using System.Diagnostics;

namespace Participation.Api.Features.Support;

/// <summary>
/// Whether a support grant still opens its city, asked on every request of a support session (its token names the grant).
/// What the database said is kept for at most <see cref="Freshness"/> (5 s): the grant's end and whether it was revoked,
/// so an expiry is exact to the second and a revocation is refused at once on the instance that made it (it forgets the
/// grant) and within 5 s on the others. A revocation also takes the support users' admin role, which bumps their role
/// version: every instance refuses their tokens at once through the role-version check as well.
/// </summary>
public sealed class SupportGrantCheck(CityDb db, TimeProvider clock) : ISupportGrantCheck
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(Guid City, Guid Grant), Entry> _known = new();

    private const string Sql = "SELECT ends_at, revoked_at IS NOT NULL AS revoked FROM support_grants WHERE id = @Id;";

    public async Task<bool> IsActiveAsync(Guid grantId, CancellationToken ct)
    {
        var key = (CityScope.CurrentOrDefault, grantId);
        if (!_known.TryGetValue(key, out var entry) || Stopwatch.GetElapsedTime(entry.At) >= Freshness)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(Sql, new { Id = grantId }, cancellationToken: ct)
            );
            entry = new Entry(row is { Revoked: false } r ? r.EndsAt.AsUtc() : DateTimeOffset.MinValue, Stopwatch.GetTimestamp());
            if (_known.Count >= MaxEntries)
                _known.Clear();
            _known[key] = entry;
        }
        return entry.EndsAt > clock.GetUtcNow();
    }

    /// <summary>Forgets what it knew of the grant (after it was extended or revoked here).</summary>
    public void Forget(Guid grantId)
    {
        foreach (var key in _known.Keys.Where(k => k.Grant == grantId))
            _known.TryRemove(key, out _);
    }

    private sealed record Row(DateTime EndsAt, bool Revoked);

    private readonly record struct Entry(DateTimeOffset EndsAt, long At);
}
