using System.Diagnostics;

namespace Participation.Api.Infrastructure.Database;

/// <summary>
/// The cities' host names, read from <c>city_domains</c> and kept for a few seconds (a domain added by the operator is
/// served within that time on every instance). With no domain at all, the install is a single city: every host is the
/// default city, with no configuration.
/// </summary>
public sealed class CityDirectory(NpgsqlDataSource owner)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    public sealed record City(Guid Id, string Status);

    private sealed record Snapshot(IReadOnlyDictionary<string, City> Hosts, long At);

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

    /// <summary>Forgets what it read: the next request reads the domains again (after the operator changed them).</summary>
    public void Invalidate() => _snapshot = null;

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
            var rows = await connection.QueryAsync<(string Host, Guid Id, string Status)>(
                new CommandDefinition(
                    "SELECT d.host, c.id, c.status FROM city_domains d JOIN cities c ON c.id = d.city_id;",
                    cancellationToken: ct
                )
            );
            snapshot = new Snapshot(
                rows.ToDictionary(r => r.Host, r => new City(r.Id, r.Status), StringComparer.Ordinal),
                Stopwatch.GetTimestamp()
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
