using System.Collections.Concurrent;

namespace Participation.Api.Infrastructure.Database;

/// <summary>
/// The city a request or a background job works for (issue 19): ambient for the whole of it, so that every connection it
/// opens through <see cref="CityDb"/> is that city's. Set by the request's host name (<see cref="CityRouting"/>) and by the
/// job runner for each city in turn; where nothing set it (a single-city install, a command-line task), the default city.
/// </summary>
public static class CityScope
{
    /// <summary>The city every install starts with (migration 0040): all rows written before cities existed are its.</summary>
    public static readonly Guid DefaultCity = Guid.Parse("00000000-0000-4000-8000-000000000001");

    private static readonly AsyncLocal<Guid?> Ambient = new();

    /// <summary>The city set for this flow, if any.</summary>
    public static Guid? Current => Ambient.Value;

    /// <summary>The city set for this flow, else the default city.</summary>
    public static Guid CurrentOrDefault => Ambient.Value ?? DefaultCity;

    /// <summary>Works for <paramref name="city"/> until the result is disposed (then as before).</summary>
    public static IDisposable Enter(Guid city)
    {
        var previous = Ambient.Value;
        Ambient.Value = city;
        return new Restore(previous);
    }

    private sealed class Restore(Guid? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}

/// <summary>
/// One pooled data source per city, the way Npgsql's maintainers recommend for tenants that differ by connection state:
/// each city's connections start with the role <see cref="AppRole"/> (not the tables' owner, no BYPASSRLS) and the
/// setting <c>participation.city_id</c> in their start-up options, which PostgreSQL keeps as the session's reset values
/// (a <c>RESET ALL</c> or <c>DISCARD ALL</c> comes back to them). No statement per request sets anything, so the city
/// costs nothing on the hot paths; the row-level security policies (migration 0040) do the rest. Behind a pooler in
/// transaction mode, point each city at its own pooler database (README « Many cities »): a server connection then never
/// serves two cities.
/// </summary>
public sealed class CityDataSources(string connectionString, Action<NpgsqlConnectionStringBuilder> tune) : IAsyncDisposable
{
    /// <summary>The role the API's connections take (created by migration 0040).</summary>
    public const string AppRole = "participation_app";

    private readonly ConcurrentDictionary<Guid, Lazy<NpgsqlDataSource>> _sources = new();

    /// <summary>The data source of <paramref name="city"/>'s connections (made on first use, kept).</summary>
    public NpgsqlDataSource For(Guid city) =>
        _sources.GetOrAdd(city, c => new Lazy<NpgsqlDataSource>(() => Build(c), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private NpgsqlDataSource Build(Guid city)
    {
        var builder = new NpgsqlDataSourceBuilder(ConnectionStringFor(connectionString, city));
        tune(builder.ConnectionStringBuilder);
        return builder.Build();
    }

    /// <summary><paramref name="baseConnectionString"/> with the city's role and setting added to its start-up options.</summary>
    public static string ConnectionStringFor(string baseConnectionString, Guid city)
    {
        var csb = new NpgsqlConnectionStringBuilder(baseConnectionString);
        csb.Options = $"{csb.Options} -c role={AppRole} -c participation.city_id={city:D}".Trim();
        return csb.ConnectionString;
    }

    /// <summary>
    /// <paramref name="baseConnectionString"/> with the city's setting but the owner's role: for maintenance that changes
    /// the schema within a city's transaction (the demo seed), which switches to <see cref="AppRole"/> for its data.
    /// </summary>
    public static string OwnerConnectionStringFor(string baseConnectionString, Guid city)
    {
        var csb = new NpgsqlConnectionStringBuilder(baseConnectionString);
        csb.Options = $"{csb.Options} -c participation.city_id={city:D}".Trim();
        return csb.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources.Values.Where(s => s.IsValueCreated))
            await source.Value.DisposeAsync();
    }
}

/// <summary>
/// What handlers and jobs open their connections from: the current city's data source (<see cref="CityScope"/>). Rows of
/// other cities are invisible to these connections and cannot be written through them.
/// </summary>
public sealed class CityDb(CityDataSources sources)
{
    /// <summary>The current city's data source.</summary>
    public NpgsqlDataSource Current => sources.For(CityScope.CurrentOrDefault);

    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct = default) => Current.OpenConnectionAsync(ct);

    public NpgsqlCommand CreateCommand(string? commandText = null) => Current.CreateCommand(commandText);
}

/// <summary>
/// The active cities, for background work: each job's pass runs once per city in turn, inside that city's scope, so
/// that its connections see that city's rows only (issue 19: background work for every city without crossing them).
/// </summary>
public sealed class CityList(NpgsqlDataSource owner)
{
    /// <summary>The active cities, in a stable order.</summary>
    public async Task<IReadOnlyList<Guid>> ActiveAsync(CancellationToken ct)
    {
        await using var connection = await owner.OpenConnectionAsync(ct);
        return (
            await connection.QueryAsync<Guid>(
                new CommandDefinition("SELECT id FROM cities WHERE status = 'active' ORDER BY id;", cancellationToken: ct)
            )
        ).AsList();
    }

    /// <summary>Runs <paramref name="pass"/> once for each active city, in its scope; the sum of what the passes did.</summary>
    public async Task<int> ForEachAsync(Func<CancellationToken, Task<int>> pass, CancellationToken ct)
    {
        var done = 0;
        foreach (var city in await ActiveAsync(ct))
            using (CityScope.Enter(city))
                done += await pass(ct);
        return done;
    }
}
