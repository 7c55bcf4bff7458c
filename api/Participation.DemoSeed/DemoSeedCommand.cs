using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Infrastructure.Storage;

namespace Participation.Demo;

/// <summary>
/// <code>
/// dotnet run --project api/Participation.DemoSeed               migrate, then fill the demo city (idempotent)
/// dotnet run --project api/Participation.DemoSeed -- --list     print the demo logins; no database needed
/// </code>
/// The database comes from ConnectionStrings__Participation or DATABASE_URL, as for the API.
/// </summary>
public static class DemoSeedCommand
{
    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static readonly string Usage = $"""
        usage: Participation.DemoSeed [--list]
          Migrates the database and fills the demo city "Ville de Belleville" (idempotent: `make run` runs it at every start).
          --list   print the demo city's logins (password for all: {DemoSeed.Password}); no database needed
        The database: ConnectionStrings__Participation or DATABASE_URL (an Npgsql string or a postgres:// URL).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        switch (args)
        {
            case ["--list"]:
                foreach (var u in DemoSeed.Users)
                    output.WriteLine($"    {u.Email, -45} {u.Description}");
                foreach (var o in DemoSeedOperators.Operators)
                    output.WriteLine($"    {o.Email, -45} {o.Description}");
                return 0;
            case ["--help" or "-h" or "help"]:
                output.WriteLine(Usage);
                return 0;
            case []:
                break;
            default:
                error.WriteLine($"error: unexpected argument '{args[0]}'");
                error.WriteLine(Usage);
                return 2;
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning); // one line when all is well (the migrations say nothing)
        builder.Services.AddDatabase();
        builder.Services.AddSingleton<Migrator>();
        // The images it stores (the home page's banner) go where the API reads them (Storage:Root, as for the API).
        builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
        builder.Services.AddSingleton<IFileStorage, DiskFileStorage>();
        using var host = builder.Build();
        try
        {
            _ = ConnectionStrings.Resolve(host.Services.GetRequiredService<IConfiguration>());
        }
        catch (InvalidOperationException)
        {
            error.WriteLine(Participation.Api.Cli.CommandLine.NoDatabase);
            return 2;
        }
        try
        {
            await host.Services.GetRequiredService<Migrator>().MigrateAsync();
            var ownerOfDefaultCity = CityDataSources.OwnerConnectionStringFor(
                ConnectionStrings.Resolve(host.Services.GetRequiredService<IConfiguration>()),
                CityScope.DefaultCity
            );
            await using var owner = NpgsqlDataSource.Create(ownerOfDefaultCity);
            await DemoSeed.RunAsync(owner, host.Services.GetRequiredService<IFileStorage>());
            return 0;
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException)
        {
            error.WriteLine($"error: the database could not be used ({ex.GetBaseException().Message.Trim()}).");
            return 1;
        }
    }
}
