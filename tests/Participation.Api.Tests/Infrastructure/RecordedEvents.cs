using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;

namespace Participation.Api.Tests.Infrastructure;

/// <summary>
/// The events a test made happen, read back from the table to check their actor, subject, scope and before/after
/// (jsonb as PostgreSQL prints it: compare with <see cref="JsonbAsync"/>, or read the parsed <c>*Json</c> forms).
/// </summary>
public static class RecordedEvents
{
    public sealed class Row
    {
        public string Type { get; init; } = "";
        public string ActorType { get; init; } = "";
        public Guid? ActorId { get; init; }
        public string SubjectType { get; init; } = "";
        public string SubjectId { get; init; } = "";
        public Guid? ProjectId { get; init; }
        public Guid? PhaseId { get; init; }
        public Guid? DepartmentId { get; init; }
        public bool Audited { get; init; }
        public string? Before { get; init; }
        public string? After { get; init; }
        public string Data { get; init; } = "{}";

        public JsonObject? BeforeJson => Before is null ? null : (JsonObject)JsonNode.Parse(Before)!;
        public JsonObject? AfterJson => After is null ? null : (JsonObject)JsonNode.Parse(After)!;
        public JsonObject DataJson => (JsonObject)JsonNode.Parse(Data)!;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The events of one type, oldest first.</summary>
    public static async Task<List<Row>> EventsAsync(this ApiFactory api, string type)
    {
        await using var connection = await api.OpenAsync();
        return (
            await connection.QueryAsync<Row>(
                """
                SELECT type AS Type, actor_type AS ActorType, actor_id AS ActorId, subject_type AS SubjectType, subject_id AS SubjectId,
                       project_id AS ProjectId, phase_id AS PhaseId, department_id AS DepartmentId, audited AS Audited,
                       before::text AS Before, after::text AS After, data::text AS Data
                  FROM events WHERE type = @type ORDER BY position;
                """,
                new { type }
            )
        ).AsList();
    }

    /// <summary><paramref name="value"/> in camelCase JSON, as PostgreSQL prints it once stored as jsonb (null stays null).</summary>
    public static async Task<string?> JsonbAsync(this ApiFactory api, object? value) =>
        value is null
            ? null
            : await api.ScalarAsync<string>("SELECT CAST(@json AS jsonb)::text", new { json = JsonSerializer.Serialize(value, Json) });
}
