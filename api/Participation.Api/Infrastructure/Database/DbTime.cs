namespace Participation.Api.Infrastructure.Database;

/// <summary>
/// timestamptz columns are read as UTC <see cref="DateTime"/>s (Dapper matches record constructors by exact
/// type); responses carry <see cref="DateTimeOffset"/>s.
/// </summary>
public static class DbTime
{
    public static DateTimeOffset AsUtc(this DateTime d) => new(DateTime.SpecifyKind(d, DateTimeKind.Utc), TimeSpan.Zero);

    public static DateTimeOffset? AsUtc(this DateTime? d) => d is { } v ? v.AsUtc() : null;
}
