namespace Participation.Api.Infrastructure.Database;

public static class PostgresErrors
{
    public static bool IsUniqueViolation(this Exception ex, string? constraint = null) =>
        ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
        && (constraint is null || pg.ConstraintName == constraint);

    /// <summary>
    /// The database cannot be reached, is shutting down or starting up, or takes no more connections: a connection refused
    /// or broken, a timeout opening one, the server's own "shutting down / starting up" errors (57P01–57P03), or "too many
    /// connections" (53300: the server's <c>max_connections</c>, or a role's or database's connection limit, is reached).
    /// A restart, a failover or a moment at capacity, not a bug: the request may be tried again in a moment. Other database
    /// errors are not.
    /// </summary>
    public static bool IsDatabaseUnavailable(this Exception ex) =>
        ex switch
        {
            PostgresException pg => pg.SqlState is "57P01" or "57P02" or "57P03" or PostgresErrorCodes.TooManyConnections,
            NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is System.Net.Sockets.SocketException or IOException,
            _ => false,
        };
}
