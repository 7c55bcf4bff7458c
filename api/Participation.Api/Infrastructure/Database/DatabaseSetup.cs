namespace Participation.Api.Infrastructure.Database;

public static class DatabaseSetup
{
    /// <summary>Registers the pooled, auto-preparing <see cref="NpgsqlDataSource"/> singleton.</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        // The owner's connections: migrations, the cities themselves, the platform's own tables (rate limits). Handlers and
        // jobs never take it: they open their city's connections through CityDb (an architecture test checks it).
        services.AddSingleton(sp =>
        {
            var builder = new NpgsqlDataSourceBuilder(ConnectionStrings.Resolve(sp.GetRequiredService<IConfiguration>()));
            Tune(builder.ConnectionStringBuilder);
            return builder.Build();
        });
        services.AddSingleton(sp => new CityDataSources(ConnectionStrings.Resolve(sp.GetRequiredService<IConfiguration>()), Tune));
        services.AddSingleton<CityDb>();
        services.AddSingleton<PlatformDb>();
        services.AddSingleton<CityDirectory>();
        services.AddSingleton<CityList>();
        services.AddReadReplica();
        return services;
    }

    private static void Tune(NpgsqlConnectionStringBuilder csb)
    {
        if (csb.MaxAutoPrepare == 0)
            csb.MaxAutoPrepare = 100;
        if (csb.AutoPrepareMinUsages == 5)
            csb.AutoPrepareMinUsages = 2;
        csb.ApplicationName ??= "participation-api";
        // The API keeps no session state on a connection (its one advisory lock is released explicitly), so a
        // connection going back to the pool needs no DISCARD ALL: it keeps its prepared statements (make bench).
        csb.NoResetOnClose = true;
    }
}

public static class ConnectionStrings
{
    /// <summary>
    /// <c>ConnectionStrings:Participation</c> wins; otherwise <c>DATABASE_URL</c>, either as an Npgsql
    /// key/value string or as a <c>postgres://user:password@host:port/database</c> URL.
    /// </summary>
    public static string Resolve(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString("Participation");
        if (string.IsNullOrWhiteSpace(value))
            value = configuration["DATABASE_URL"];
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidOperationException("No database configured: set ConnectionStrings__Participation or DATABASE_URL.");
        return FromUrl(value);
    }

    public static string FromUrl(string value)
    {
        if (
            !value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            && !value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        )
            return value;
        var uri = new Uri(value);
        var csb = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            csb.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
                csb.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length == 2 && kv[0] == "sslmode")
                csb.SslMode = Enum.Parse<SslMode>(kv[1].Replace("-", ""), ignoreCase: true);
        }
        return csb.ConnectionString;
    }
}
