using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Participation.Api.Infrastructure.Auth;

/// <summary>
/// Whether an access token's role version is the user's current one, asked on every authenticated request. The answer is
/// kept for <see cref="AuthOptions.RoleVersionCacheSeconds"/>, but only while this instance listens on the database's
/// <c>participation_role_version</c> channel, which a trigger notifies at the commit of any change of a version or deletion
/// of an account (migration 0038): each notified user is forgotten at once, and while the listening connection is down
/// nothing is kept (every request asks the database, as without a cache). The instance that makes a change forgets the
/// user before its commit and keeps nothing for them for a few seconds (<see cref="Forget"/>), so its own next request
/// already sees the change; other instances see it when the notification arrives (milliseconds).
/// </summary>
public sealed class RoleVersionCheck(CityDb db, IOptions<AuthOptions> options, ILogger<RoleVersionCheck> logger) : BackgroundService
{
    public const string Channel = "participation_role_version";

    private const int MaxEntries = 200_000;
    private static readonly TimeSpan Quarantine = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, Entry> _versions = new();
    private readonly ConcurrentDictionary<Guid, long> _forgotten = new();
    private readonly long _ttl = Stopwatch.Frequency * Math.Max(0, options.Value.RoleVersionCacheSeconds);
    private long _generation; // bumped by every forgetting: a read that overlapped one is not kept
    private volatile bool _listening;

    // One user (a request alone) has a statement of its own: PostgreSQL keeps a generic plan for it, where "= ANY(@Ids)" is
    // planned at every call (its generic plan, costed for ten ids, never beats a custom one for one or two).
    internal const string OneSql = "SELECT id, role_version FROM users WHERE id = @Id;";
    internal const string ManySql = "SELECT id, role_version FROM users WHERE id = ANY(@Ids);";

    // The versions asked for by the requests that arrive together, read in one statement per city (each with that city's
    // connections: a user id of another city finds nothing).
    private readonly StatementBatcher<(Guid City, Guid User), int?> _reads = new(
        async (items, ct) =>
        {
            var found = new Dictionary<(Guid, Guid), int>();
            foreach (var city in items.GroupBy(i => i.City))
                using (CityScope.Enter(city.Key))
                {
                    await using var connection = await db.OpenConnectionAsync(ct);
                    var ids = city.Select(i => i.User).Distinct().ToArray();
                    var read =
                        ids.Length == 1
                            ? new CommandDefinition(OneSql, new { Id = ids[0] }, cancellationToken: ct)
                            : new CommandDefinition(ManySql, new { Ids = ids }, cancellationToken: ct);
                    foreach (var (id, version) in await connection.QueryAsync<(Guid Id, int Version)>(read))
                        found[(city.Key, id)] = version;
                }
            return items.Select(i => found.TryGetValue(i, out var v) ? v : (int?)null).ToList();
        }
    );

    /// <summary>Whether the cache is in use (listening for changes); for tests and diagnostics.</summary>
    public bool Listening => _listening;

    public async Task<bool> IsCurrentAsync(Guid userId, int version, CancellationToken ct)
    {
        var now = Stopwatch.GetTimestamp();
        if (_listening && _versions.TryGetValue(userId, out var known) && now - known.At < _ttl)
            return known.Version == version;
        var generation = Interlocked.Read(ref _generation);
        var current = await _reads.SendAsync((CityScope.CurrentOrDefault, userId), ct);
        if (
            current is { } value
            && _listening
            && _ttl > 0
            && Interlocked.Read(ref _generation) == generation
            && !(_forgotten.TryGetValue(userId, out var until) && now < until)
        )
        {
            if (_versions.Count >= MaxEntries)
                _versions.Clear();
            _versions[userId] = new Entry(value, now);
        }
        return current == version;
    }

    /// <summary>Forgets <paramref name="userId"/>'s version and keeps none for a few seconds: called by a change before its
    /// commit (the notification follows the commit), so no read in between can keep the old one.</summary>
    public void Forget(Guid userId)
    {
        _forgotten[userId] = Stopwatch.GetTimestamp() + (long)(Quarantine.TotalSeconds * Stopwatch.Frequency);
        Interlocked.Increment(ref _generation);
        _versions.TryRemove(userId, out _);
        if (_forgotten.Count > 10_000)
            foreach (var (id, until) in _forgotten)
                if (until < Stopwatch.GetTimestamp())
                    _forgotten.TryRemove(id, out _);
    }

    private void ForgetAll()
    {
        _listening = false;
        Interlocked.Increment(ref _generation);
        _versions.Clear();
    }

    /// <summary>Listens for changes on a connection of its own; reconnects with a growing pause when it drops.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_ttl == 0)
            return;
        var pause = TimeSpan.FromMilliseconds(500);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await db.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var id))
                        Forget(id);
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                // Versions read before LISTEN took effect may have missed a notification: start empty.
                Interlocked.Increment(ref _generation);
                _versions.Clear();
                _listening = true;
                pause = TimeSpan.FromMilliseconds(500);
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
            {
                if (_listening)
                    logger.LogWarning(
                        "Role versions: stopped listening for changes ({Error}); asking the database on every request",
                        e.Message
                    );
                ForgetAll();
                try
                {
                    await Task.Delay(pause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
            finally
            {
                ForgetAll();
            }
        }
    }

    public override void Dispose()
    {
        _reads.Dispose();
        base.Dispose();
    }

    private readonly record struct Entry(int Version, long At);
}
