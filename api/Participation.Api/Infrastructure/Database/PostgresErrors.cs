namespace Participation.Api.Infrastructure.Database;

public static class PostgresErrors
{
    public static bool IsUniqueViolation(this Exception ex, string? constraint = null) =>
        ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
        && (constraint is null || pg.ConstraintName == constraint);
}
