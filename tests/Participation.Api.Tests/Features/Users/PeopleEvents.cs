using System.Text.Json;
using Dapper;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Users;

/// <summary>
/// Reads the events that departments, roles, blocks, invitations and organisation reviews record, to check their
/// before/after (as PostgreSQL prints jsonb: compare with <see cref="JsonbAsync"/>).
/// </summary>
internal static class PeopleEvents
{
    public sealed record Row(string ActorType, Guid? ActorId, string SubjectType, string SubjectId, Guid? ProjectId, Guid? DepartmentId, bool Audited,
        string? Before, string? After, string Data);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The events of one type, oldest first.</summary>
    public static async Task<List<Row>> EventsAsync(this ApiFactory api, string type)
    {
        await using var connection = await api.OpenAsync();
        return (await connection.QueryAsync<Row>("""
            SELECT actor_type AS ActorType, actor_id AS ActorId, subject_type AS SubjectType, subject_id AS SubjectId, project_id AS ProjectId,
                   department_id AS DepartmentId, audited AS Audited, before::text AS Before, after::text AS After, data::text AS Data
              FROM events WHERE type = @type ORDER BY position;
            """, new { type })).AsList();
    }

    /// <summary><paramref name="value"/> in camelCase JSON, as PostgreSQL prints it once stored as jsonb (null stays null).</summary>
    public static async Task<string?> JsonbAsync(this ApiFactory api, object? value) =>
        value is null ? null : await api.ScalarAsync<string>("SELECT CAST(@json AS jsonb)::text", new { json = JsonSerializer.Serialize(value, Json) });
}
