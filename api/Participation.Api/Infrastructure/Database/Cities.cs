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
/// The API's connections to a city's rows. They take the role <see cref="AppRole"/> (not the tables' owner, no
/// BYPASSRLS) and carry the city in the session's setting <c>participation.city_id</c>, which the row-level security
/// policies (migration 0040) read; a connection without it sees nothing and can write nothing.
/// <list type="bullet">
/// <item><b>One pool for all cities</b> (the default): a connection is set to the city it serves with one statement when
/// it changes city (<see cref="CitySessions"/>), and costs nothing more while it keeps serving the same city (a single-city
/// install never changes). The number of server connections is the pool's, whatever the number of cities.</item>
/// <item><b>A pool per city</b> (<c>Database:PoolPerCity</c>, for a pooler in transaction mode, where a session setting
/// would follow the server connection to another client): each city's connections carry the role and the city in their
/// start-up options, which PostgreSQL keeps as the session's reset values (<c>RESET ALL</c> and <c>DISCARD ALL</c> come
/// back to them). Each active city then holds connections of its own.</item>
/// </list>
/// </summary>
public sealed class CityDataSources : IAsyncDisposable
{
    /// <summary>The role the API's connections take (created by migration 0040).</summary>
    public const string AppRole = "participation_app";

    private readonly string _connectionString;
    private readonly Action<NpgsqlConnectionStringBuilder> _tune;
    private readonly NpgsqlDataSource? _shared;
    private readonly ConcurrentDictionary<Guid, Lazy<NpgsqlDataSource>> _perCity = new();

    public CityDataSources(string connectionString, Action<NpgsqlConnectionStringBuilder> tune, bool poolPerCity = false)
    {
        _connectionString = connectionString;
        _tune = tune;
        if (!poolPerCity)
            _shared = Sessions.Build(AppRoleConnectionString(connectionString), tune);
    }

    /// <summary>Which city each pooled connection is set to.</summary>
    public CitySessions Sessions { get; } = new();

    /// <summary>Whether each city has its own pool (<c>Database:PoolPerCity</c>).</summary>
    public bool PoolPerCity => _shared is null;

    /// <summary>A connection to <paramref name="city"/>'s rows, open.</summary>
    public ValueTask<NpgsqlConnection> OpenAsync(Guid city, CancellationToken ct) =>
        _shared is { } shared ? Sessions.OpenAsync(shared, city, ct) : For(city).OpenConnectionAsync(ct);

    private NpgsqlDataSource For(Guid city) =>
        _perCity.GetOrAdd(city, c => new Lazy<NpgsqlDataSource>(() => Build(c), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private NpgsqlDataSource Build(Guid city)
    {
        var builder = new NpgsqlDataSourceBuilder(ConnectionStringFor(_connectionString, city));
        _tune(builder.ConnectionStringBuilder);
        return builder.Build();
    }

    /// <summary><paramref name="baseConnectionString"/> with the API's role in its start-up options (no city: fail closed).</summary>
    public static string AppRoleConnectionString(string baseConnectionString)
    {
        var csb = new NpgsqlConnectionStringBuilder(baseConnectionString);
        csb.Options = $"{csb.Options} -c role={AppRole}".Trim();
        return csb.ConnectionString;
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
        if (_shared is not null)
            await _shared.DisposeAsync();
        foreach (var source in _perCity.Values.Where(s => s.IsValueCreated))
            await source.Value.DisposeAsync();
    }
}

/// <summary>
/// Which city each pooled connection of a shared pool is set to, by server and backend process. A connection handed out
/// for a city it is not set to gets <c>set_config('participation.city_id', …, false)</c> first; one already set to it
/// gets nothing. The record is dropped before the statement and written after it succeeded, and a new server connection
/// drops its process's record (<see cref="Build"/>), so a record never claims a city the session does not hold. The
/// pools keep no other session state (<c>No Reset On Close</c>: the API sets nothing else on a session).
/// </summary>
public sealed class CitySessions
{
    private readonly ConcurrentDictionary<(string Server, int Process), Guid> _cities = new();

    /// <summary>A data source whose new server connections start with no recorded city.</summary>
    public NpgsqlDataSource Build(string connectionString, Action<NpgsqlConnectionStringBuilder> tune)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        tune(builder.ConnectionStringBuilder);
        Forgetting(builder);
        return builder.Build();
    }

    /// <summary>Makes <paramref name="builder"/>'s new server connections drop their process's record.</summary>
    public void Forgetting(NpgsqlDataSourceBuilder builder) =>
        builder.UsePhysicalConnectionInitializer(
            connection => _cities.TryRemove(Key(connection), out _),
            connection =>
            {
                _cities.TryRemove(Key(connection), out _);
                return Task.CompletedTask;
            }
        );

    /// <summary>Switches per multi-host data source too: <paramref name="source"/> may be any data source built here.</summary>
    public async ValueTask<NpgsqlConnection> OpenAsync(NpgsqlDataSource source, Guid city, CancellationToken ct)
    {
        var connection = await source.OpenConnectionAsync(ct);
        var key = Key(connection);
        if (_cities.TryGetValue(key, out var current) && current == city)
            return connection;
        try
        {
            _cities.TryRemove(key, out _);
            await using var command = new NpgsqlCommand("SELECT set_config('participation.city_id', $1, false);", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = city.ToString("D") });
            await command.ExecuteNonQueryAsync(ct);
            _cities[key] = city;
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static (string, int) Key(NpgsqlConnection connection) => ($"{connection.Host}:{connection.Port}", connection.ProcessID);
}

/// <summary>
/// What handlers and jobs open their connections from: the current city's (<see cref="CityScope"/>). Rows of other cities
/// are invisible to these connections and cannot be written through them.
/// </summary>
public sealed class CityDb(CityDataSources sources)
{
    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct = default) =>
        sources.OpenAsync(CityScope.CurrentOrDefault, ct);
}

/// <summary>
/// The active cities, for background work: each job's pass runs once per city in turn, inside that city's scope, so
/// that its connections see that city's rows only (issue 19: background work for every city without crossing them).
/// </summary>
public sealed class CityList(NpgsqlDataSource owner, CityDirectory directory)
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
        await directory.RefreshAsync(ct); // the cities' domains, for the links the passes build (CityAddresses)
        foreach (var city in await ActiveAsync(ct))
            using (CityScope.Enter(city))
                done += await pass(ct);
        return done;
    }
}
