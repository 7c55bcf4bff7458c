using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Participation.Api.Infrastructure.Errors;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Database;

/// <summary>
/// A database that takes no more connections ("too many connections", 53300: the server's <c>max_connections</c>, a role's
/// or a database's limit) is a moment at capacity, not a bug: the caller gets a 503 problem with Retry-After, as during a
/// restart, and the API logs a warning, not an error with a stack trace per request. Found when the parallel test collections
/// filled the test server's 200 connections and two of fifty parallel likes were answered 500.
/// </summary>
public sealed class DatabaseAtCapacityTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task A_connection_refused_for_too_many_connections_is_a_503_problem_with_retry_after()
    {
        const string role = "participation_capacity_test";
        var server = new NpgsqlConnectionStringBuilder(Api.ConnectionString) { Options = null, Pooling = false };
        await using (var super = new NpgsqlConnection(server.ConnectionString))
        {
            await super.OpenAsync();
            await super.ExecuteAsync(
                $"""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE {role} LOGIN NOSUPERUSER; END IF;
                END $$;
                ALTER ROLE {role} CONNECTION LIMIT 0;
                """
            );
        }
        // A real refusal from the server: the role may hold no connection at all.
        var refused = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var connection = new NpgsqlConnection(
                new NpgsqlConnectionStringBuilder(server.ConnectionString) { Username = role }.ConnectionString
            );
            await connection.OpenAsync();
        });
        Assert.Equal(PostgresErrorCodes.TooManyConnections, refused.SqlState);

        // The one place where exceptions become problems answers it as the database being unavailable for a moment.
        var http = new DefaultHttpContext { RequestServices = Api.Services };
        http.Response.Body = new MemoryStream();
        var handler = ActivatorUtilities.CreateInstance<ProblemExceptionHandler>(Api.Services);
        Assert.True(await handler.TryHandleAsync(http, refused, CancellationToken.None));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http.Response.StatusCode);
        Assert.Equal("5", http.Response.Headers.RetryAfter.ToString());
        http.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(http.Response.Body);
        Assert.Equal(503, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("database_unavailable", body.RootElement.GetProperty("reason").GetString());
        Assert.Empty(Api.ServerErrors.Take()); // a warning, not an error
    }
}
