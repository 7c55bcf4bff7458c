using System.Diagnostics;

namespace Participation.Api.Infrastructure.Database;

/// <summary>
/// The cities' host names, read from <c>city_domains</c> and kept for a few seconds (a domain added by the operator is
/// served within that time on every instance). With no domain at all, the install is a single city: every host is the
/// default city, with no configuration. Each city's first domain (lowest <c>position</c>) is the host its links name
/// (<see cref="Email.CityAddresses"/>).
/// </summary>
public sealed class CityDirectory(NpgsqlDataSource owner)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    public sealed record City(Guid Id, string Status);

    private sealed record Snapshot(IReadOnlyDictionary<string, City> Hosts, IReadOnlyDictionary<Guid, string> FirstHosts, long At);

    private const string Sql = """
        SELECT d.host, c.id, c.status FROM city_domains d JOIN cities c ON c.id = d.city_id ORDER BY d.position, d.host;
        """;

    private Snapshot? _snapshot;
    private readonly SemaphoreSlim _refresh = new(1, 1);

    /// <summary>The city of <paramref name="host"/>: null when domains exist and none is this host.</summary>
    public async Task<City?> FindAsync(string host, CancellationToken ct)
    {
        var snapshot = await CurrentAsync(ct);
        if (snapshot.Hosts.Count == 0)
            return new City(CityScope.DefaultCity, "active");
        return snapshot.Hosts.GetValueOrDefault(host.ToLowerInvariant());
    }

    /// <summary>Makes what it read stale (after the operator changed the domains): the next request or job round reads
    /// them again.</summary>
    public void Invalidate()
    {
        if (_snapshot is { } snapshot)
            _snapshot = snapshot with { At = 0 };
    }

    /// <summary>Reads the domains again when what was read is older than the few seconds kept (each job round starts so,
    /// as each request's routing does).</summary>
    public async Task RefreshAsync(CancellationToken ct) => await CurrentAsync(ct);

    /// <summary>
    /// The first domain of <paramref name="city"/>, null for a city without one (a single-city install). Synchronous, for
    /// what builds links: it answers from what was read, which the request's routing or the job round refreshed before
    /// (<see cref="RefreshAsync"/>); it reads the domains itself only when nothing was ever read.
    /// </summary>
    public string? FirstHost(Guid city)
    {
        var snapshot = _snapshot;
        if (snapshot is null)
        {
            _refresh.Wait();
            try
            {
                if ((snapshot = _snapshot) is null)
                {
                    using var connection = owner.OpenConnection();
                    snapshot = _snapshot = Of(connection.Query<(string Host, Guid Id, string Status)>(Sql));
                }
            }
            finally
            {
                _refresh.Release();
            }
        }
        return snapshot.FirstHosts.GetValueOrDefault(city);
    }

    private static Snapshot Of(IEnumerable<(string Host, Guid Id, string Status)> rows)
    {
        var hosts = new Dictionary<string, City>(StringComparer.Ordinal);
        var first = new Dictionary<Guid, string>();
        // In the order of their position: the first one seen for a city is its first domain.
        foreach (var (host, id, status) in rows)
        {
            hosts[host] = new City(id, status);
            first.TryAdd(id, host);
        }
        return new Snapshot(hosts, first, Stopwatch.GetTimestamp());
    }

    private async Task<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && Stopwatch.GetElapsedTime(snapshot.At) < Freshness)
            return snapshot;
        await _refresh.WaitAsync(ct);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && Stopwatch.GetElapsedTime(snapshot.At) < Freshness)
                return snapshot;
            await using var connection = await owner.OpenConnectionAsync(ct);
            snapshot = Of(
                await connection.QueryAsync<(string Host, Guid Id, string Status)>(new CommandDefinition(Sql, cancellationToken: ct))
            );
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }
}

/// <summary>
/// Sets each request's city (<see cref="CityScope"/>) from its host name: an unknown host is a 404 problem (no default
/// city answers for it), a suspended city a 503. The health checks, the metrics and the vendor's console
/// (<c>/api/v1/operator</c>) belong to the deployment, not to a city: they answer on any host, with no city set.
/// </summary>
public static class CityRouting
{
    /// <summary>Marks a request no city answered (its 404 or 503 problem stands for every operation of the API).</summary>
    public const string Refused = "participation.city_refused";

    /// <summary>The vendor's console: outside any city.</summary>
    public const string OperatorPath = "/api/v1/operator";

    public static IApplicationBuilder UseCityRouting(this IApplicationBuilder app) =>
        app.Use(
            async (HttpContext http, RequestDelegate next) =>
            {
                if (
                    http.Request.Path.StartsWithSegments("/health")
                    || http.Request.Path.StartsWithSegments("/metrics")
                    || http.Request.Path.StartsWithSegments(OperatorPath)
                )
                {
                    await next(http);
                    return;
                }
                var directory = http.RequestServices.GetRequiredService<CityDirectory>();
                var city = await directory.FindAsync(http.Request.Host.Host, http.RequestAborted);
                if (city is null || city.Status is "archived" or "suspended")
                    http.Items[Refused] = true;
                if (city is null || city.Status == "archived")
                    throw new NotFoundException("No city answers on this address.");
                if (city.Status == "suspended")
                    throw new ServiceUnavailableException("city_suspended", "This city's platform is suspended.");
                using (CityScope.Enter(city.Id))
                    await next(http);
            }
        );
}
