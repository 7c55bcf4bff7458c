using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.AuditLog;

/// <summary>
/// Staff actions (the audited events), newest first: all for admins, their departments' for department heads. Each entry
/// names what it is about in the caller's language (French when there is no translation), also once the object is gone
/// (the name the event held), and carries what changed (<c>before</c>, <c>after</c>).
/// </summary>
public static class ListAuditLog
{
    /// <summary>The filters; <c>From</c> is included and <c>To</c> excluded, <c>Types</c> empty or null means every type.</summary>
    public sealed record Query(
        Guid ActorId,
        string Language,
        string? Action,
        SubjectType? TargetType,
        string? TargetId,
        Guid? Actor,
        IReadOnlyList<EventType>? Types,
        DateTimeOffset? From,
        DateTimeOffset? To,
        string? Cursor,
        int? Limit
    ) : IQuery<Response>;

    public sealed record Person(Guid Id, string FirstName, string LastName);

    /// <summary>The API client that acted (an integration), by the name its managers gave it.</summary>
    public sealed record Client(Guid Id, string Name);

    public sealed record Project(Guid Id, string Title);

    public sealed record Phase(Guid Id, string? Title);

    public sealed record Department(Guid Id, string? Name);

    /// <summary>
    /// One staff action. Id is the event's position; TargetName names what it is about (a project's title, a person's
    /// name…) when it has a name; Before and After are the changed fields' previous and new values (null for a creation,
    /// a removal, or an entry from before events recorded them). ViaSupport says the vendor's support did it, under the
    /// city's grant SupportGrantId (issue 19: the admins see which actions support took).
    /// </summary>
    public sealed record Entry(
        long Id,
        DateTimeOffset OccurredAt,
        ActorType ActorType,
        Person? Actor,
        Client? Client,
        string Action,
        SubjectType? TargetType,
        string? TargetId,
        string? TargetName,
        Project? Project,
        Phase? Phase,
        Department? Department,
        JsonElement Data,
        JsonElement? Before,
        JsonElement? After,
        bool ViaSupport,
        Guid? SupportGrantId
    );

    /// <param name="Items">A page of entries, newest first.</param>
    /// <param name="NextCursor">The cursor of the next page, or null on the last one.</param>
    /// <param name="Types">Every event type this log can show (the audited part of the catalogue), for a filter's choices.</param>
    public sealed record Response(IReadOnlyList<Entry> Items, string? NextCursor, IReadOnlyList<EventType> Types);

    private static readonly EventType[] AuditedTypes = EventCatalogue.All.Where(t => EventCatalogue.Of(t).Audited).ToArray();

    /// <summary>The most types one request may name (the catalogue is smaller; repeating one is harmless).</summary>
    public const int MaxTypes = 60;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Action)
                .Must(a => a is null || (a.Length <= 60 && a.All(c => char.IsAsciiLetterLower(c) || c is '.' or '_')))
                .WithMessage(_ => Messages.Get("audit_action"));
            RuleFor(q => q.TargetType).IsInEnum().WithMessage(_ => Messages.Get("audit_target_type"));
            RuleFor(q => q.TargetId).PlainText(100);
            RuleFor(q => q.Types)
                .Must(t => t is null || (t.Count <= MaxTypes && t.All(Enum.IsDefined)))
                .WithMessage(_ => Messages.Get("audit_event_types"));
            RuleFor(q => q.To)
                .Must((q, to) => q.From is not { } from || to is not { } end || end > from)
                .WithMessage(_ => Messages.Get("audit_period"));
            RuleFor(q => q.Limit).PageSize();
        }
    }

    internal sealed record Key(long Id);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        // One statement: the page of events first (an action filter ending with '.' is a prefix: "project." = every project
        // action), then the names of its rows. A name comes from the live row, else from the event itself (a deleted
        // department keeps the name its events held); localised texts in @Language, else French.
        private const string Sql = """
            WITH page AS MATERIALIZED (
                SELECT e.position, e.occurred_at, e.type, e.actor_type, e.actor_id, e.client_id, e.subject_type, e.subject_id, e.project_id,
                       e.phase_id, e.department_id, e.before, e.after, e.data,
                       e.support_grant_id
                  FROM events e
                 WHERE e.audited
                   AND (@Admin OR e.department_id = ANY(@Departments))
                   AND (@Action::text IS NULL OR e.type = @Action OR (right(@Action, 1) = '.' AND starts_with(e.type, @Action)))
                   AND (cardinality(@Types::text[]) = 0 OR e.type = ANY(@Types))
                   AND (@TargetType::text IS NULL OR e.subject_type = @TargetType)
                   AND (@TargetId::text IS NULL OR e.subject_id = @TargetId)
                   AND (@Actor::uuid IS NULL OR e.actor_id = @Actor)
                   AND (@From::timestamptz IS NULL OR e.occurred_at >= @From)
                   AND (@To::timestamptz IS NULL OR e.occurred_at < @To)
                   AND (@AfterId::bigint IS NULL OR e.position < @AfterId)
                 ORDER BY e.position DESC
                 LIMIT @Take)
            SELECT e.position AS id, e.occurred_at, e.type AS action, e.actor_type, e.subject_type AS target_type,
                   nullif(e.subject_id, '') AS target_id, e.data::text AS data, e.before::text AS before, e.after::text AS after,
                   e.support_grant_id,
                   u.id AS actor_id, u.first_name AS actor_first_name, u.last_name AS actor_last_name,
                   ac.id AS client_id, ac.name AS client_name,
                   e.project_id, coalesce(n.project ->> @Language, n.project ->> 'fr') AS project_title,
                   e.phase_id, coalesce(n.phase ->> @Language, n.phase ->> 'fr') AS phase_title,
                   e.department_id, coalesce(n.department ->> @Language, n.department ->> 'fr') AS department_name,
                   CASE jsonb_typeof(n.target) WHEN 'string' THEN n.target #>> '{}'
                        ELSE coalesce(n.target ->> @Language, n.target ->> 'fr') END AS target_name
              FROM page e
              LEFT JOIN users u ON u.id = e.actor_id
              LEFT JOIN api_clients ac ON ac.id = e.client_id
              CROSS JOIN LATERAL (SELECT CASE WHEN e.subject_id ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
                                  THEN e.subject_id::uuid END AS id,
                                         coalesce(e.after -> 'name', e.before -> 'name', e.data -> 'name') AS name,
                                         coalesce(e.after -> 'title', e.before -> 'title', e.data -> 'title') AS title,
                                         CASE WHEN e.data ->> 'ideaId' ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
                                              THEN (e.data ->> 'ideaId')::uuid END AS idea_id) s
              LEFT JOIN projects p ON p.id = e.project_id
              LEFT JOIN phases ph ON ph.id = e.phase_id
              LEFT JOIN departments d ON d.id = e.department_id
              LEFT JOIN departments sd ON e.subject_type = 'department' AND sd.id = s.id
              LEFT JOIN users su ON e.subject_type = 'user' AND su.id = s.id
              LEFT JOIN ideas si ON e.subject_type = 'idea' AND si.id = s.id
              LEFT JOIN comments sc ON e.subject_type = 'comment' AND sc.id = s.id
              LEFT JOIN ideas ci ON e.subject_type = 'comment' AND ci.id = coalesce(sc.idea_id, s.idea_id)
              LEFT JOIN phases sp ON e.subject_type = 'phase' AND sp.id = s.id
              LEFT JOIN invitations si2 ON e.subject_type = 'invitation' AND si2.id = s.id
              LEFT JOIN organisations so ON e.subject_type = 'organisation' AND so.id = s.id
              LEFT JOIN api_clients sac ON e.subject_type = 'api_client' AND sac.id = s.id
              CROSS JOIN LATERAL (SELECT
                  coalesce(p.title, CASE WHEN e.subject_type = 'project' THEN s.title END) AS project,
                  coalesce(ph.title, CASE WHEN e.subject_type = 'phase' OR starts_with(e.type, 'phase.') THEN s.title END) AS phase,
                  coalesce(d.name, CASE WHEN e.subject_type = 'department' THEN s.name END) AS department,
                  CASE e.subject_type
                       WHEN 'project' THEN coalesce(p.title, s.title)
                       WHEN 'phase' THEN coalesce(sp.title, s.title)
                       WHEN 'department' THEN coalesce(sd.name, s.name)
                       WHEN 'user' THEN to_jsonb(su.first_name || ' ' || su.last_name)
                       WHEN 'idea' THEN coalesce(to_jsonb(si.title), s.title)
                       WHEN 'comment' THEN to_jsonb(ci.title)
                       WHEN 'invitation' THEN to_jsonb(nullif(concat_ws(' ', si2.first_name, si2.last_name), ''))
                       WHEN 'organisation' THEN coalesce(to_jsonb(so.name), s.name)
                       WHEN 'api_client' THEN coalesce(to_jsonb(sac.name), s.name)
                  END AS target) n
             ORDER BY e.position DESC;
            """;

        private sealed record Row(
            long Id,
            DateTime OccurredAt,
            string Action,
            string ActorType,
            string TargetType,
            string? TargetId,
            string Data,
            string? Before,
            string? After,
            Guid? SupportGrantId,
            Guid? ActorId,
            string? ActorFirstName,
            string? ActorLastName,
            Guid? ClientId,
            string? ClientName,
            Guid? ProjectId,
            string? ProjectTitle,
            Guid? PhaseId,
            string? PhaseTitle,
            Guid? DepartmentId,
            string? DepartmentName,
            string? TargetName
        );

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<Key>(q.Cursor);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            var visibility = await Roles.ReachAsync(connection, q.ActorId, ct);
            if (visibility.None)
                throw new ForbiddenException();
            var rows = (
                await connection.QueryAsync<Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            visibility.Admin,
                            visibility.Departments,
                            q.Language,
                            q.Action,
                            TargetType = q.TargetType.ToWire(),
                            q.TargetId,
                            q.Actor,
                            Types = (q.Types ?? []).Select(t => t.ToWire()).Distinct().ToArray(),
                            From = q.From?.ToUniversalTime(),
                            To = q.To?.ToUniversalTime(),
                            AfterId = after?.Id,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(r.Id));
            return new Response(page.Select(ToEntry).ToList(), next, AuditedTypes);
        }

        private static Entry ToEntry(Row r) =>
            new(
                r.Id,
                r.OccurredAt.AsUtc(),
                r.ActorType.ToEnum<ActorType>(),
                r.ActorId is { } id ? new Person(id, r.ActorFirstName!, r.ActorLastName!) : null,
                r.ClientId is { } client ? new Client(client, r.ClientName!) : null,
                r.Action,
                WireEnum.TryParse<SubjectType>(r.TargetType, out var t) && t != SubjectType.Platform ? t : null,
                r.TargetId,
                r.TargetName,
                r.ProjectId is { } project && r.ProjectTitle is { } title ? new Project(project, title) : null,
                r.PhaseId is { } phase ? new Phase(phase, r.PhaseTitle) : null,
                r.DepartmentId is { } department ? new Department(department, r.DepartmentName) : null,
                Json(r.Data)!.Value,
                Json(r.Before),
                Json(r.After),
                r.SupportGrantId is not null,
                r.SupportGrantId
            );

        private static JsonElement? Json(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Repeated (<c>types=a&amp;types=b</c>) or comma-separated (<c>types=a,b</c>) event types; an unknown one is left for the
    /// validator.</summary>
    private static List<EventType>? ParseTypes(string[]? types)
    {
        var names = (types ?? [])
            .SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        return names.Count == 0 ? null : names.Select(n => WireEnum.FromQuery<EventType>(n)!.Value).ToList();
    }

    /// <summary>The query string: filters (action, target, actor, types, period) and the page.</summary>
    public sealed record QueryString(
        string? Action,
        [property: QueryEnum<SubjectType>] string? TargetType,
        string? TargetId,
        Guid? Actor,
        [property: FromQuery, QueryEnum<EventType>] string[]? Types,
        DateTimeOffset? From,
        DateTimeOffset? To,
        string? Cursor,
        int? Limit
    );

    [EndpointSummary("Staff actions, newest first (admins: all; department heads: their departments'), with their names and what changed.")]
    public static ValueTask<Response> Endpoint([AsParameters] QueryString q, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(
            new Query(
                caller.UserId,
                RequestLanguage.Current,
                q.Action,
                WireEnum.FromQuery<SubjectType>(q.TargetType),
                q.TargetId,
                q.Actor,
                ParseTypes(q.Types),
                q.From,
                q.To,
                q.Cursor,
                q.Limit
            ),
            ct
        );
}
