using Dapper;
using Npgsql;

namespace Participation.Ops.Tests.Infrastructure;

/// <summary>
/// A fresh database for one test class on the test server (TEST_DATABASE_URL, ConnectionStrings__Participation or
/// DATABASE_URL: what `make test` passes), created empty; the first API instance started on it migrates it.
/// </summary>
public static class OpsDatabase
{
    /// <summary>The server's connection string (Npgsql form), without a database.</summary>
    public static string Server { get; } = FindServer();

    /// <summary>Drops and creates <paramref name="name"/>; returns its connection string.</summary>
    public static async Task<string> CreateAsync(string name)
    {
        await using (
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres" }.ConnectionString)
        )
        {
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            await connection.ExecuteAsync($"CREATE DATABASE \"{name}\"");
        }
        return InDefaultCity(new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString);
    }

    private static string FindServer()
    {
        var configured = new[] { "TEST_DATABASE_URL", "ConnectionStrings__Participation", "DATABASE_URL" }
            .Select(Environment.GetEnvironmentVariable)
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        if (configured is null)
            throw new InvalidOperationException(
                "No PostgreSQL for the operations tests: run `make test` (it starts a local cluster) or set TEST_DATABASE_URL."
            );
        return Participation.Api.Infrastructure.Database.ConnectionStrings.FromUrl(configured);
    }

    /// <summary>
    /// <paramref name="connectionString"/> in the default city: the tests' own SQL (as the owner) then writes rows of the
    /// city the API serves without a host name (each new row takes the session's city, migration 0040).
    /// </summary>
    public static string InDefaultCity(string connectionString) =>
        Participation.Api.Infrastructure.Database.CityDataSources.OwnerConnectionStringFor(
            connectionString,
            Participation.Api.Infrastructure.Database.CityScope.DefaultCity
        );
}
