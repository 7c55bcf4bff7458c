using System.Data;
using System.Text.Json;

namespace Participation.Api.Features.Events;

/// <summary>Who made an event happen.</summary>
public readonly record struct Actor(ActorType Type, Guid? Id)
{
    public static Actor User(Guid id) => new(ActorType.User, id);

    /// <summary>The platform itself: a command-line operator, a scheduled job.</summary>
    public static readonly Actor System = new(ActorType.System, null);

    /// <summary>A person when there is one, else the platform (e.g. an admin created from the command line).</summary>
    public static Actor UserOrSystem(Guid? id) => id is { } user ? User(user) : System;

    /// <summary>An API client (client credentials): what it does is recorded as that client, never as a person.</summary>
    public static Actor Client(Guid id) => new(ActorType.Client, id);

    /// <summary>Whoever calls: the person, else the API client (an endpoint open to both).</summary>
    public static Actor Of(Caller caller) =>
        caller.UserIdOrNull is { } user ? User(user)
        : caller.ClientIdOrNull is { } client ? Client(client)
        : throw new InvalidOperationException("The endpoint must require an authenticated caller.");
}

/// <summary>
/// Where an event happened. Give the narrowest part known: a phase's project and a project's department are found
/// when the event is written, so the audit log, dashboards and feeds can filter by any of them.
/// </summary>
public sealed record Scope(Guid? ProjectId = null, Guid? PhaseId = null, Guid? DepartmentId = null)
{
    public static readonly Scope Platform = new();

    public static Scope Project(Guid projectId) => new(ProjectId: projectId);

    public static Scope Phase(Guid phaseId, Guid? projectId = null) => new(ProjectId: projectId, PhaseId: phaseId);

    public static Scope Department(Guid? departmentId) => new(DepartmentId: departmentId);
}

/// <summary>An event as written, handed to the inline projections in the same transaction.</summary>
public sealed record RecordedEvent(
    long Position,
    DateTimeOffset OccurredAt,
    EventType Type,
    Actor Actor,
    SubjectType SubjectType,
    string SubjectId,
    Scope Scope,
    JsonElement? Before,
    JsonElement? After,
    JsonElement Data,
    long TxId = 0
);

/// <summary>
/// A consumer run in the transaction that records the event (an inline projection): what it writes commits or rolls
/// back with the change itself, exactly once per event whatever the number of API instances. Notifications are one.
/// Consumers that may lag (the change feed, webhooks) follow the events with <see cref="EventReader"/> instead.
/// </summary>
public interface IEventProjection
{
    Task ProjectAsync(IDbConnection connection, IDbTransaction tx, RecordedEvent e, CancellationToken ct);
}

/// <summary>
/// Records what happened, in the caller's transaction: one call per state change from the handler that makes it
/// (never a hand-written audit row or notification). <c>before</c> and <c>after</c> summarise the subject's changed
/// fields; <c>data</c> carries the context (titles for notifications, the audit log's details).
/// </summary>
public sealed class EventRecorder(IEnumerable<IEventProjection> projections)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Sql = """
        INSERT INTO events (type, actor_type, actor_id, client_id, subject_type, subject_id, project_id, phase_id, department_id, before,
                            after, data, audited, support_grant_id)
        SELECT @Type, @ActorType, @ActorId, @ClientId, @SubjectType, @SubjectId, s.project_id, @PhaseId,
               coalesce(@DepartmentId, (SELECT department_id FROM projects WHERE id = s.project_id)),
               CAST(@Before AS jsonb), CAST(@After AS jsonb), CAST(@Data AS jsonb), @Audited, @SupportGrantId
          FROM (SELECT coalesce(@ProjectId, (SELECT project_id FROM phases WHERE id = @PhaseId)) AS project_id) s
        RETURNING position, tx_id::text::bigint AS tx_id, occurred_at, project_id, department_id;
        """;

    // A typed parameter object (not DynamicParameters, whose values without a type make Npgsql infer one on every call):
    // every write records an event, so this is on every write's path.
    private sealed record Args(
        string Type,
        string ActorType,
        Guid? ActorId,
        Guid? ClientId,
        string SubjectType,
        string SubjectId,
        Guid? ProjectId,
        Guid? PhaseId,
        Guid? DepartmentId,
        string? Before,
        string? After,
        string Data,
        bool Audited,
        Guid? SupportGrantId
    );

    private sealed record Written(long Position, long TxId, DateTime OccurredAt, Guid? ProjectId, Guid? DepartmentId);

    private readonly IEventProjection[] _projections = projections.ToArray();

    public async Task<RecordedEvent> RecordAsync(
        IDbTransaction tx,
        EventType type,
        Actor actor,
        object subjectId,
        Scope scope,
        object? before = null,
        object? after = null,
        object? data = null,
        CancellationToken ct = default
    )
    {
        var connection = tx.Connection ?? throw new InvalidOperationException("The transaction has no connection.");
        var kind = EventCatalogue.Of(type);
        var id = Convert.ToString(subjectId, System.Globalization.CultureInfo.InvariantCulture)
            ?? throw new ArgumentNullException(nameof(subjectId));
        // Serialised once: the text goes to the row, the element to the projections.
        var (beforeJson, afterJson, dataJson) = (Element(before), Element(after), Element(data) ?? EmptyObject);
        var args = new Args(
            type.ToWire(),
            actor.Type.ToWire(),
            actor.Type == ActorType.Client ? null : actor.Id,
            actor.Type == ActorType.Client ? actor.Id : null,
            kind.Subject.ToWire(),
            id,
            scope.ProjectId,
            scope.PhaseId,
            scope.DepartmentId,
            beforeJson?.GetRawText(),
            afterJson?.GetRawText(),
            dataJson.GetRawText(),
            kind.Audited,
            SupportSession.Current // the grant of a request made by the vendor's support (issue 19), else null
        );
        var written = await connection.QuerySingleAsync<Written>(new CommandDefinition(Sql, args, tx, cancellationToken: ct));

        var recorded = new RecordedEvent(
            written.Position,
            written.OccurredAt.AsUtc(),
            type,
            actor,
            kind.Subject,
            id,
            new Scope(written.ProjectId, scope.PhaseId, written.DepartmentId),
            beforeJson,
            afterJson,
            dataJson,
            written.TxId
        );
        foreach (var projection in _projections)
            await projection.ProjectAsync(connection, tx, recorded, ct);
        return recorded;
    }

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private static JsonElement? Element(object? value) => value is null ? null : JsonSerializer.SerializeToElement(value, Json);
}
