namespace Participation.Api.Infrastructure.Database;

/// <summary>
/// The owner's connections, for the vendor's console only (issue 19, <c>Features/Operator</c>): the platform's own tables
/// (operators, their audit, the cities and their domains) and, across cities, the figures of the cities' health. Row-level
/// security does not restrict these connections, so nothing else in Features takes them (an architecture test checks it):
/// work inside one city goes through <see cref="CityDb"/> in that city's <see cref="CityScope"/>.
/// </summary>
public sealed class PlatformDb(NpgsqlDataSource owner)
{
    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct = default) => owner.OpenConnectionAsync(ct);
}
