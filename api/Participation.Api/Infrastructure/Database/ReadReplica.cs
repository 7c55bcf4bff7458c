using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using NpgsqlTypes;

namespace Participation.Api.Infrastructure.Database;

/// <summary>
/// The read replica's settings (section <c>Database</c>). Without <see cref="ReplicaHosts"/> every read goes to the primary.
/// </summary>
public sealed class ReplicaOptions
{
    /// <summary>The standby servers, comma-separated <c>host[:port]</c>; credentials and database are the primary's.</summary>
    public string? ReplicaHosts { get; set; }

    /// <summary>A standby whose data is older than this is not read (its reads go to the primary).</summary>
    public double ReplicaMaxLagSeconds { get; set; } = 30;

    /// <summary>How often each instance asks the primary and the standbys where they are.</summary>
    public int ReplicaPollMilliseconds { get; set; } = 200;

    public IReadOnlyList<string> Hosts =>
        (ReplicaHosts ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// The connections of reads that may be slightly stale (public lists, results, dashboards, exports): a standby's when one
/// is configured, has replayed what the caller must see (<see cref="ReadAfter"/>) and is not lagging beyond the bound;
/// the primary's otherwise. Handlers take it instead of <see cref="NpgsqlDataSource"/> and open connections the same way.
/// A read that fails on a standby is tried again once on the primary (<see cref="StaleReadRetry{TMessage,TResponse}"/>).
/// </summary>
public sealed class StaleReads(CityDb primary, ReplicaRouter router, IHttpContextAccessor http)
{
    /// <summary>The primary's data source (for a read that must not be stale).</summary>
    public CityDb Primary => primary;

    /// <summary>Whether reads can go to a standby at all (a replica is configured).</summary>
    public bool Configured => router.Configured;

    public async ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct = default)
    {
        var scope = StaleReadScope.Current;
        if (!router.Configured || scope is { ForcePrimary: true })
            return await primary.OpenConnectionAsync(ct);
        var needed = Max(ReadAfter.Of(http.HttpContext), scope?.After ?? 0);
        if (!router.AnyEligible(needed))
            return await primary.OpenConnectionAsync(ct);
        NpgsqlConnection connection;
        try
        {
            connection = await router.OpenAsync(CityScope.CurrentOrDefault, ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && !ct.IsCancellationRequested)
        {
            router.Failed(null);
            return await primary.OpenConnectionAsync(ct);
        }
        // Checked on the server the connection reached: another standby than the one seen eligible, a standby that came
        // back with an older position, or the primary (last in the list) are all possible.
        var endpoint = ReplicaRouter.Endpoint(connection.Host ?? "", connection.Port);
        if (router.IsPrimary(endpoint))
            return connection;
        if (router.IsEligible(endpoint, needed))
        {
            if (scope is not null)
                scope.Standby = endpoint;
            return connection;
        }
        await connection.DisposeAsync();
        return await primary.OpenConnectionAsync(ct);
    }

    private static ulong Max(ulong a, ulong b) => a > b ? a : b;
}

/// <summary>
/// What one stale read (a query's handling, an export) used: the standby it read from, whether it must read the
/// primary (its retry), and a WAL position it must see beyond the caller's own (an export's request).
/// </summary>
public sealed class StaleReadScope
{
    private static readonly AsyncLocal<StaleReadScope?> Ambient = new();

    public static StaleReadScope? Current => Ambient.Value;

    public string? Standby { get; set; }

    public bool ForcePrimary { get; set; }

    public ulong After { get; init; }

    /// <summary>Makes <paramref name="scope"/> the current one for the rest of the calling flow (and the flows it starts).</summary>
    public static StaleReadScope Enter(StaleReadScope scope)
    {
        Ambient.Value = scope;
        return scope;
    }

    /// <summary>Runs <paramref name="read"/> reading a standby when allowed; when it fails there (the standby stopped, a
    /// query cancelled by recovery), runs it again on the primary.</summary>
    public static async Task<T> RunAsync<T>(ReplicaRouter router, ulong after, Func<Task<T>> read, CancellationToken ct)
    {
        var previous = Ambient.Value;
        var scope = Enter(new StaleReadScope { After = after });
        try
        {
            return await read();
        }
        catch (Exception e) when (scope.Standby is not null && StaleReadRetry.IsConnectionFailure(e) && !ct.IsCancellationRequested)
        {
            router.Failed(scope.Standby);
            scope.ForcePrimary = true;
            return await read();
        }
        finally
        {
            Ambient.Value = previous;
        }
    }
}

/// <summary>Mediator step: a query whose handler read a standby and failed there is handled again on the primary.</summary>
public sealed class StaleReadRetry<TMessage, TResponse>(ReplicaRouter router) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        if (!router.Configured || message is not IBaseQuery)
            return await next(message, ct);
        return await StaleReadScope.RunAsync(router, 0, async () => await next(message, ct), ct);
    }
}

public static class StaleReadRetry
{
    /// <summary>A broken connection, a server shutting down, a query cancelled by recovery on a standby.</summary>
    public static bool IsConnectionFailure(Exception e) =>
        e switch
        {
            PostgresException p => p.SqlState.StartsWith("57P", StringComparison.Ordinal)
                || p.SqlState.StartsWith("08", StringComparison.Ordinal)
                || p.SqlState == PostgresErrorCodes.SerializationFailure,
            NpgsqlException => true,
            TimeoutException or IOException or System.Net.Sockets.SocketException => true,
            _ => e.InnerException is { } inner && IsConnectionFailure(inner),
        };
}

/// <summary>
/// The WAL position a caller must see: set after each of their writes (cookie for the web client, header for API
/// clients), sent back on their next requests; a standby that has not replayed it is not read for them.
/// </summary>
public static class ReadAfter
{
    public const string Cookie = "participation_read_after";
    public const string Header = "Participation-Read-After";

    /// <summary>The position the request asks for (the larger of its header and cookie), 0 when none.</summary>
    public static ulong Of(HttpContext? context)
    {
        if (context is null)
            return 0;
        ulong best = 0;
        foreach (var value in context.Request.Headers[Header])
            best = Math.Max(best, Parse(value));
        if (context.Request.Cookies.TryGetValue(Cookie, out var cookie))
            best = Math.Max(best, Parse(cookie));
        return best;
    }

    public static ulong Parse(string? value) =>
        value is not null && NpgsqlLogSequenceNumber.TryParse(value.Trim(), out var lsn) ? (ulong)lsn : 0;

    public static string Format(ulong lsn) => new NpgsqlLogSequenceNumber(lsn).ToString();

    /// <summary>
    /// After a write request (any method but GET, HEAD, OPTIONS, answered below 400), tells the caller the primary's WAL
    /// insert position, which is at or beyond their commit: <see cref="Header"/> in the response and the same-origin
    /// cookie, living as long as a standby may lag (beyond that, no standby that is read can miss the write).
    /// </summary>
    public static IApplicationBuilder UseReadYourWrites(this IApplicationBuilder app)
    {
        var router = app.ApplicationServices.GetRequiredService<ReplicaRouter>();
        if (!router.Configured)
            return app;
        var primary = app.ApplicationServices.GetRequiredService<NpgsqlDataSource>();
        return app.Use(
            async (context, next) =>
            {
                if (
                    !HttpMethods.IsGet(context.Request.Method)
                    && !HttpMethods.IsHead(context.Request.Method)
                    && !HttpMethods.IsOptions(context.Request.Method)
                )
                    context.Response.OnStarting(() => MarkAsync(context, primary, router));
                await next(context);
            }
        );
    }

    /// <summary>Sets the caller's read-after position to the primary's present one (also after a read that promises what
    /// comes next, such as the change feed's cursor).</summary>
    public static async Task MarkAsync(HttpContext context, NpgsqlDataSource primary, ReplicaRouter router)
    {
        if (context.Response.StatusCode >= 400 || !router.Configured)
            return;
        try
        {
            await using var connection = await primary.OpenConnectionAsync(context.RequestAborted);
            var lsn = await connection.ExecuteScalarAsync<long>("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint");
            var value = Format((ulong)lsn);
            context.Response.Headers[Header] = value;
            context.Response.Cookies.Append(
                Cookie,
                value,
                new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                    Path = "/",
                    MaxAge = TimeSpan.FromSeconds(router.MaxLag.TotalSeconds + 5),
                }
            );
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            // Without a position the caller may read a standby that lacks the write: the primary is unreachable anyway.
        }
    }
}

/// <summary>
/// Where each standby is, asked by every instance every few hundred milliseconds (<see cref="ReplicaMonitor"/>): the WAL
/// position it has replayed and when it last held everything the primary had. Decisions rest on these facts about the
/// servers, never on what one instance remembers of a caller, so any instance routes a caller the same way.
/// </summary>
public sealed class ReplicaRouter : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, State> _states = new();
    private readonly string? _primaryEndpoint;

    public ReplicaRouter(ReplicaOptions options, string primaryConnectionString, CityDataSources cities)
    {
        _citySources = cities;
        MaxLag = TimeSpan.FromSeconds(options.ReplicaMaxLagSeconds);
        PollInterval = TimeSpan.FromMilliseconds(Math.Max(20, options.ReplicaPollMilliseconds));
        if (options.Hosts.Count == 0)
            return;
        var primary = new NpgsqlConnectionStringBuilder(primaryConnectionString);
        _primaryEndpoint = Endpoint(primary.Host!, primary.Port);
        var standbys = options.Hosts.Select(h => Endpoint(h, primary.Port)).ToList();
        Standbys = standbys
            .Select(endpoint =>
            {
                var one = new NpgsqlConnectionStringBuilder(primaryConnectionString)
                {
                    Host = endpoint,
                    ApplicationName = "participation-api replica monitor",
                    MaxPoolSize = 2,
                    Timeout = 3,
                    CommandTimeout = 3,
                };
                return (endpoint, new NpgsqlDataSourceBuilder(one.ConnectionString).Build());
            })
            .ToDictionary(x => x.endpoint, x => x.Item2);
        // Standbys first, the primary last: prefer-standby reaches the primary only when no standby answers. One data source
        // per city, each with that city's role and setting (CityDataSources), so that row-level security holds on standbys.
        _multiHosts = string.Join(',', standbys.Append(_primaryEndpoint));
        _primaryConnectionString = primaryConnectionString;
    }

    private readonly string? _multiHosts;
    private readonly string _primaryConnectionString = "";
    private readonly CityDataSources _citySources = null!;
    private readonly ConcurrentDictionary<Guid, Lazy<NpgsqlMultiHostDataSource>> _cities = new();
    private static readonly Guid AllCities = Guid.Empty;

    /// <summary>A connection to the city's rows on a standby (the primary when none answers); only when <see cref="Configured"/>.</summary>
    public async ValueTask<NpgsqlConnection> OpenAsync(Guid city, CancellationToken ct)
    {
        if (_citySources.PoolPerCity)
            return await MultiHost(city).WithTargetSession(TargetSessionAttributes.PreferStandby).OpenConnectionAsync(ct);
        return await _citySources.Sessions.OpenAsync(
            MultiHost(AllCities).WithTargetSession(TargetSessionAttributes.PreferStandby),
            city,
            ct
        );
    }

    // One multi-host data source for all cities (their sessions switched by CitySessions), or one per city when each city
    // has its pool (each with that city's role and setting in its start-up options), so that row-level security holds on
    // standbys too.
    private NpgsqlMultiHostDataSource MultiHost(Guid city) =>
        _cities
            .GetOrAdd(city, c => new Lazy<NpgsqlMultiHostDataSource>(() => BuildMultiHost(c), LazyThreadSafetyMode.ExecutionAndPublication))
            .Value;

    private NpgsqlMultiHostDataSource BuildMultiHost(Guid city)
    {
        var multi = new NpgsqlDataSourceBuilder(
            city == AllCities
                ? CityDataSources.AppRoleConnectionString(_primaryConnectionString)
                : CityDataSources.ConnectionStringFor(_primaryConnectionString, city)
        );
        multi.ConnectionStringBuilder.Host = _multiHosts;
        multi.ConnectionStringBuilder.LoadBalanceHosts = false;
        multi.ConnectionStringBuilder.HostRecheckSeconds = 2;
        multi.ConnectionStringBuilder.NoResetOnClose = true;
        multi.ConnectionStringBuilder.ApplicationName ??= "participation-api";
        if (multi.ConnectionStringBuilder.MaxAutoPrepare == 0)
            multi.ConnectionStringBuilder.MaxAutoPrepare = 100;
        if (city == AllCities)
            _citySources.Sessions.Forgetting(multi);
        return multi.BuildMultiHost();
    }

    public bool Configured => _multiHosts is not null;

    public TimeSpan MaxLag { get; }

    public TimeSpan PollInterval { get; }

    /// <summary>One small data source per standby, for the monitor's questions.</summary>
    public IReadOnlyDictionary<string, NpgsqlDataSource> Standbys { get; } = new Dictionary<string, NpgsqlDataSource>();

    public static string Endpoint(string host, int defaultPort) =>
        host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? host : $"{host}:{defaultPort}";

    public bool IsPrimary(string endpoint) => endpoint == _primaryEndpoint;

    /// <summary>A standby may serve a read needing position <paramref name="needed"/>: it answered lately, is a standby,
    /// has replayed that far, and held everything the primary had no longer than the bound ago.</summary>
    public bool IsEligible(string endpoint, ulong needed) =>
        _states.TryGetValue(endpoint, out var s)
        && s.Up
        && Stopwatch.GetElapsedTime(s.SeenAt) < PollInterval * 10 + TimeSpan.FromSeconds(1)
        && s.Replayed >= needed
        && Stopwatch.GetElapsedTime(s.CaughtUpAt) <= MaxLag;

    public bool AnyEligible(ulong needed) => Standbys.Keys.Any(e => IsEligible(e, needed));

    /// <summary>How old the freshest readable standby's data may be (seconds); null when none answers.</summary>
    public double? LagSeconds()
    {
        var lags = _states.Values.Where(s => s.Up).Select(s => Stopwatch.GetElapsedTime(s.CaughtUpAt).TotalSeconds).ToList();
        return lags.Count == 0 ? null : lags.Max();
    }

    /// <summary>A read failed on <paramref name="endpoint"/> (null: no standby could be reached): not read until the
    /// monitor sees it answer again; its idle connections are dropped.</summary>
    public void Failed(string? endpoint)
    {
        foreach (var (key, state) in _states)
            if (endpoint is null || key == endpoint)
                _states[key] = state with { Up = false };
        foreach (var multi in _cities.Values.Where(m => m.IsValueCreated))
            multi.Value.Clear();
    }

    /// <summary>One poll: the primary's insert position, then where each standby is.</summary>
    public async Task PollAsync(NpgsqlDataSource primary, CancellationToken ct)
    {
        var asked = Stopwatch.GetTimestamp();
        ulong head;
        await using (var connection = await primary.OpenConnectionAsync(ct))
            head = (ulong)await connection.ExecuteScalarAsync<long>("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint");
        foreach (var (endpoint, source) in Standbys)
        {
            var before = _states.TryGetValue(endpoint, out var s) ? s : null;
            try
            {
                await using var connection = await source.OpenConnectionAsync(ct);
                var (recovering, replayed) = await connection.QuerySingleAsync<(bool, long)>(
                    "SELECT pg_is_in_recovery(), coalesce(pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0'), 0)::bigint"
                );
                var caughtUp = (ulong)replayed >= head ? asked : before?.CaughtUpAt ?? asked - Stopwatch.Frequency * 3600;
                _states[endpoint] = new State(recovering, (ulong)replayed, caughtUp, Stopwatch.GetTimestamp());
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException && !ct.IsCancellationRequested)
            {
                _states[endpoint] = (before ?? new State(false, 0, asked, 0)) with { Up = false };
                source.Clear();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var multi in _cities.Values.Where(m => m.IsValueCreated))
            await multi.Value.DisposeAsync();
        foreach (var source in Standbys.Values)
            await source.DisposeAsync();
    }

    private sealed record State(bool Up, ulong Replayed, long CaughtUpAt, long SeenAt);
}

/// <summary>Asks where the standbys are (<see cref="ReplicaRouter.PollAsync"/>) and publishes the lag gauge.</summary>
public sealed class ReplicaMonitor(ReplicaRouter router, NpgsqlDataSource primary, IMeterFactory meters, ILogger<ReplicaMonitor> logger)
    : BackgroundService
{
    public const string MeterName = "Participation.Database";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!router.Configured)
            return;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge(
            "participation.db.replica_lag",
            () => router.LagSeconds() is { } lag ? [new Measurement<double>(lag)] : Array.Empty<Measurement<double>>(),
            unit: "s",
            description: "How old the data of the read replica may be: time since it last held everything the primary had."
        );
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await router.PollAsync(primary, stoppingToken);
                failures = 0;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException && !stoppingToken.IsCancellationRequested)
            {
                if (failures++ == 0)
                    logger.LogWarning("Replica monitor: the primary does not answer ({Error})", e.Message);
            }
            try
            {
                await Task.Delay(router.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

public static class ReadReplicaSetup
{
    /// <summary>The replica's router, monitor and <see cref="StaleReads"/> (all reads on the primary when none is
    /// configured).</summary>
    public static IServiceCollection AddReadReplica(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var options = configuration.GetSection("Database").Get<ReplicaOptions>() ?? new ReplicaOptions();
            return new ReplicaRouter(options, ConnectionStrings.Resolve(configuration), sp.GetRequiredService<CityDataSources>());
        });
        services.AddSingleton<StaleReads>();
        services.AddHostedService<ReplicaMonitor>();
        return services;
    }
}
