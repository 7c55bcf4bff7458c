using System.Data;
using FluentValidation.Results;

namespace Participation.Api.Features.Areas;

/// <summary>Tagging projects (several areas) and ideas (one area) with areas from the list; archived ones may stay.</summary>
public static class AreaTags
{
    public const int MaxPerProject = 20;

    private const string ByIdSql = "SELECT id FROM areas WHERE id = ANY(@Ids) AND (archived_at IS NULL OR id = ANY(@Current));";

    public static IRuleBuilderOptions<T, IReadOnlyList<Guid>?> AreaIds<T>(this IRuleBuilder<T, IReadOnlyList<Guid>?> rule) =>
        rule.Must(ids => ids is null || ids.Count <= MaxPerProject).WithMessage(_ => Messages.Get("areas_count"));

    /// <summary>The areas to store, all known and offered (or already on the item); a 400 on <paramref name="field"/> otherwise.</summary>
    public static async Task<Guid[]> ResolveAsync(
        IDbConnection connection,
        IDbTransaction tx,
        IReadOnlyList<Guid> ids,
        IReadOnlyCollection<Guid> current,
        string field,
        CancellationToken ct
    )
    {
        var wanted = ids.Distinct().ToArray();
        var found = (
            await connection.QueryAsync<Guid>(
                new CommandDefinition(ByIdSql, new { Ids = wanted, Current = current.ToArray() }, tx, cancellationToken: ct)
            )
        ).ToHashSet();
        if (wanted.FirstOrDefault(id => !found.Contains(id)) is var missing && missing != Guid.Empty)
            throw new ValidationException([new ValidationFailure(field, Messages.Get("unknown_area", missing))]);
        return wanted;
    }

    private const string AtSql = "SELECT area_at(@Longitude, @Latitude);";

    /// <summary>The offered area whose polygon holds the place (point-in-polygon in SQL, see area_at), or null.</summary>
    public static async Task<Guid?> AtAsync(
        IDbConnection connection,
        IDbTransaction tx,
        double? latitude,
        double? longitude,
        CancellationToken ct
    ) =>
        latitude is { } lat && longitude is { } lon
            ? await connection.ExecuteScalarAsync<Guid?>(
                new CommandDefinition(AtSql, new { Latitude = lat, Longitude = lon }, tx, cancellationToken: ct)
            )
            : null;

    private const string SetProjectSql = """
        DELETE FROM project_areas WHERE project_id = @Id AND area_id <> ALL(@Ids);
        INSERT INTO project_areas (project_id, area_id) SELECT @Id, unnest(@Ids) ON CONFLICT DO NOTHING;
        """;

    public static Task SetProjectAsync(IDbConnection connection, IDbTransaction tx, Guid id, Guid[] ids, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(SetProjectSql, new { Id = id, Ids = ids }, tx, cancellationToken: ct));
}
