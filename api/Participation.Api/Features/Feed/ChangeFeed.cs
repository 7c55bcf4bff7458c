using System.Data;
using System.Text.Json.Serialization;
using Participation.Api.Features.CalendarEvents;
using Participation.Api.Features.Comments;
using Participation.Api.Features.Events;
using Participation.Api.Features.Ideas;
using Participation.Api.Features.Projects;
using Participation.Api.Features.Topics;

namespace Participation.Api.Features.Feed;

/// <summary>What a change feed entry is about: a resource integrators mirror.</summary>
[JsonConverter(typeof(WireEnumConverter))]
[ExtensibleEnum]
public enum ChangeKind
{
    /// <summary>A project with its phases (GET /projects/{id} as a visitor sees it).</summary>
    Project,

    /// <summary>An idea as lists show it (GET /projects/{id}/ideas).</summary>
    Idea,

    /// <summary>A comment or reply as the conversation shows it (GET /ideas/{id}/comments).</summary>
    Comment,

    /// <summary>An event of a project or of the platform as a visitor reads it (GET /events/{id}); a cancelled one stays,
    /// marked cancelled.</summary>
    CalendarEvent,
}

/// <summary>
/// Why a resource is no longer public: the follower removes it. A project's tombstone covers its ideas, comments and
/// events, an idea's its comments; when an idea becomes public again (idea.kept, idea.approved), read its comments anew.
/// </summary>
[JsonConverter(typeof(WireEnumConverter))]
[ExtensibleEnum]
public enum TombstoneReason
{
    /// <summary>It no longer exists.</summary>
    Deleted,

    /// <summary>Hidden by moderation.</summary>
    Hidden,

    /// <summary>Withdrawn by its author.</summary>
    Withdrawn,

    /// <summary>Not public (awaiting or refused at pre-moderation).</summary>
    NotPublic,

    /// <summary>Its project went back to draft.</summary>
    ProjectDraft,

    /// <summary>Its project was archived: it leaves the feed's public state.</summary>
    ProjectArchived,
}

/// <param name="Reason">Why the resource left the public state.</param>
public sealed record Tombstone(TombstoneReason Reason);

/// <summary>
/// One change: which event happened to which resource, and the resource as it is now (one of Project, Idea, Comment,
/// CalendarEvent) or its tombstone. Applying entries in order, replacing what one holds by the representation or removing it on a
/// tombstone, ends with exactly the public state.
/// </summary>
/// <param name="Cursor">Resume after this entry with ?after= (opaque).</param>
/// <param name="Event">What happened (the event type, e.g. idea.status_changed).</param>
/// <param name="ProjectId">The project the resource belongs to (itself for a project).</param>
/// <param name="Tombstone">Set when the resource is no longer public; the representation is then null.</param>
public sealed record ChangeEntry(
    string Cursor,
    EventType Event,
    DateTimeOffset OccurredAt,
    ChangeKind Kind,
    Guid Id,
    Guid? ProjectId,
    Tombstone? Tombstone,
    GetProject.Response? Project,
    ListIdeas.Idea? Idea,
    CommentView? Comment,
    CalendarEvent? CalendarEvent = null
);

/// <summary>
/// The change feed's rules, shared by the feed and the webhooks: which events concern which public resources, which
/// scope reads each, and the current public representation (or tombstone) of a batch of resources in three statements
/// whatever their number.
/// </summary>
public static class ChangeFeed
{
    /// <summary>The position after an event: its writing transaction and position (see <see cref="EventReader"/>).</summary>
    internal sealed record Key(long T, long P);

    public static string CursorOf(EventCheckpoint checkpoint) =>
        Infrastructure.Pagination.Cursor.Encode(new Key(checkpoint.TxId, checkpoint.Position));

    public static EventCheckpoint? Decode(string? cursor) =>
        Infrastructure.Pagination.Cursor.Decode<Key>(cursor, k => k.T >= 0 && k.P >= 0) is { } k ? new EventCheckpoint(k.T, k.P) : null;

    public static ClientScope ScopeOf(ChangeKind kind) =>
        kind is ChangeKind.Project or ChangeKind.CalendarEvent ? ClientScope.ProjectsRead : ClientScope.IdeasRead;

    /// <summary>The resources an event changes, in order (a comment's event changes its idea's count too).</summary>
    public static IEnumerable<(ChangeKind Kind, Guid Id)> Targets(RecordedEvent e)
    {
        var subject = Guid.TryParse(e.SubjectId, out var id) ? id : Guid.Empty;
        switch (e.Type)
        {
            case EventType.ProjectCreated
            or EventType.ProjectEdited
            or EventType.ProjectStatusChanged
            or EventType.ProjectImageChanged
            or EventType.PhaseAdded
            or EventType.PhaseChanged
            or EventType.PhaseRemoved
            or EventType.SurveySaved:
                if (e.Scope.ProjectId is { } project)
                    yield return (ChangeKind.Project, project);
                break;
            case EventType.IdeaSubmitted
            or EventType.IdeaApproved
            or EventType.IdeaRejected
            or EventType.IdeaStatusChanged
            or EventType.IdeaCostSet
            or EventType.IdeaHidden
            or EventType.IdeaKept
            or EventType.IdeaEdited
            or EventType.IdeaWithdrawn
            or EventType.IdeaReactionChanged
            or EventType.IdeaAttachmentAdded
            or EventType.IdeaAttachmentEdited
            or EventType.IdeaAttachmentRemoved
            or EventType.IdeaAttachmentsReordered:
                yield return (ChangeKind.Idea, subject);
                break;
            case EventType.CommentPosted
            or EventType.CommentEdited
            or EventType.CommentDeleted
            or EventType.CommentHidden
            or EventType.CommentKept:
                yield return (ChangeKind.Comment, subject);
                if (e.Type != EventType.CommentEdited && IdeaOf(e) is { } idea)
                    yield return (ChangeKind.Idea, idea);
                break;
            // A registration changes the places left (the entry names no one).
            case EventType.CalendarEventCreated
            or EventType.CalendarEventUpdated
            or EventType.CalendarEventCancelled
            or EventType.CalendarEventRegistered
            or EventType.CalendarEventRegistrationCancelled:
                yield return (ChangeKind.CalendarEvent, subject);
                break;
        }
    }

    /// <summary>The event types the feed carries (the others concern nothing public, or only one person).</summary>
    public static readonly EventType[] Types = EventCatalogue
        .All.Where(t =>
            Targets(
                    new RecordedEvent(
                        0,
                        default,
                        t,
                        Actor.System,
                        EventCatalogue.Of(t).Subject,
                        Guid.Empty.ToString(),
                        new Scope(Guid.Empty),
                        null,
                        null,
                        System.Text.Json.JsonDocument.Parse("{\"ideaId\":\"00000000-0000-0000-0000-000000000000\"}").RootElement
                    )
                )
                .Any()
        )
        .ToArray();

    private static Guid? IdeaOf(RecordedEvent e) =>
        e.Data.ValueKind == System.Text.Json.JsonValueKind.Object
        && e.Data.TryGetProperty("ideaId", out var idea)
        && idea.TryGetGuid(out var id)
            ? id
            : null;

    /// <summary>The current public state of some resources: their representations, or why they are not public.</summary>
    public sealed class Snapshot
    {
        internal Dictionary<Guid, GetProject.Response> Projects { get; } = [];
        internal Dictionary<Guid, (ListIdeas.Idea Idea, Guid ProjectId)> Ideas { get; } = [];
        internal Dictionary<Guid, (CommentView Comment, Guid ProjectId)> Comments { get; } = [];
        internal Dictionary<Guid, CalendarEvent> CalendarEvents { get; } = [];
        internal Dictionary<(ChangeKind, Guid), (TombstoneReason Reason, Guid? ProjectId)> Gone { get; } = [];

        /// <summary>The entry for one target of an event.</summary>
        public ChangeEntry Entry(RecordedEvent e, EventCheckpoint after, ChangeKind kind, Guid id)
        {
            var cursor = CursorOf(after);
            if (Gone.TryGetValue((kind, id), out var gone))
                return new(cursor, e.Type, e.OccurredAt, kind, id, gone.ProjectId, new Tombstone(gone.Reason), null, null, null);
            return kind switch
            {
                ChangeKind.Project => new(cursor, e.Type, e.OccurredAt, kind, id, id, null, Projects[id], null, null),
                ChangeKind.Idea => new(cursor, e.Type, e.OccurredAt, kind, id, Ideas[id].ProjectId, null, null, Ideas[id].Idea, null),
                ChangeKind.CalendarEvent => new(
                    cursor,
                    e.Type,
                    e.OccurredAt,
                    kind,
                    id,
                    CalendarEvents[id].ProjectId,
                    null,
                    null,
                    null,
                    null,
                    CalendarEvents[id]
                ),
                _ => new(cursor, e.Type, e.OccurredAt, kind, id, Comments[id].ProjectId, null, null, null, Comments[id].Comment),
            };
        }
    }

    private const string ProjectsSql = """
        SELECT p.id, p.slug, p.department_id, d.name::text AS department_name, p.title::text AS title, p.summary::text AS summary,
               p.description::text AS description, p.goals::text AS goals, p.target_audience::text AS target_audience,
               project_topic_names(p.id, @Lang) AS topics, project_topic_ids(p.id) AS topic_ids,
                   project_area_ids(p.id) AS area_ids, p.status, p.image_key, p.published_at, p.updated_at
          FROM projects p JOIN departments d ON d.id = p.department_id
         WHERE p.id = ANY(@Ids);
        SELECT ph.id, ph.title::text AS title, ph.description::text AS description, ph.starts_at, ph.ends_at, ph.method,
               ph.settings::text AS settings,
               ph.starts_at <= now() AND (ph.ends_at IS NULL OR ph.ends_at > now()) AS is_current, ph.project_id
          FROM phases ph WHERE ph.project_id = ANY(@Ids) ORDER BY ph.starts_at;
        """;

    // The columns ListIdeas reads, for given ids, with what decides whether each is public.
    private const string IdeasSql = $"""
        SELECT i.id, i.slug, i.title, i.excerpt, {TopicTags.NamesColumn}, {TopicTags.IdsColumn}, i.area_id,
               i.latitude, i.longitude, i.location_label, i.status, i.author_id,
               i.organisation_id, i.likes_count, i.dislikes_count, i.comments_count, i.created_at, i.cost,
               {AuthorView.Columns}, NULL AS my_reaction, {AttachmentLinks.Column},
               i.project_id, p.status AS project_status, i.listed, i.withdrawn_at IS NOT NULL AS withdrawn,
               i.hidden_at IS NOT NULL AS hidden
          FROM ideas i
          JOIN projects p ON p.id = i.project_id
          LEFT JOIN users u ON u.id = i.author_id
          LEFT JOIN organisations o ON o.id = i.organisation_id
         WHERE i.id = ANY(@Ids);
        """;

    private const string CommentsSql = $"""
        SELECT {CommentRows.Columns}, i.project_id, p.status AS project_status, i.listed AS idea_listed
          FROM comments c {CommentRows.Joins}
          JOIN ideas i ON i.id = c.idea_id
          JOIN projects p ON p.id = i.project_id
         WHERE c.id = ANY(@Ids);
        """;

    // Events as a visitor reads them (no caller: no registration of one's own, no write access), with their project's status.
    private const string CalendarEventsSql = $"""
        SELECT {CalendarEventRows.Columns}, p.status AS project_status
          FROM {CalendarEventRows.From}
         WHERE e.id = ANY(@Ids);
        """;

    internal sealed class PublicCalendarEvent
    {
        public string? ProjectStatus { get; init; }
    }

    internal sealed class PublicIdea
    {
        public Guid ProjectId { get; init; }
        public string ProjectStatus { get; init; } = "";
        public bool Listed { get; init; }
        public bool Withdrawn { get; init; }
        public bool Hidden { get; init; }
    }

    internal sealed class PublicComment
    {
        public Guid ProjectId { get; init; }
        public string ProjectStatus { get; init; } = "";
        public bool IdeaListed { get; init; }
    }

    private static TombstoneReason? ProjectGone(string status) =>
        status switch
        {
            "published" => null,
            "archived" => TombstoneReason.ProjectArchived,
            _ => TombstoneReason.ProjectDraft,
        };

    /// <summary>Reads the public state of the resources named (at most one statement per kind).</summary>
    /// <param name="appBaseUrl">The web app's address, for the events' links (without a language: the change feed and the
    /// webhooks are read by integrators, whose readers are not known; the web app negotiates each visitor's).</param>
    public static async Task<Snapshot> ReadAsync(
        IDbConnection connection,
        IReadOnlyCollection<(ChangeKind Kind, Guid Id)> targets,
        string appBaseUrl,
        IDbTransaction? tx,
        CancellationToken ct
    )
    {
        var snapshot = new Snapshot();
        Guid[] Ids(ChangeKind kind) => targets.Where(t => t.Kind == kind).Select(t => t.Id).Distinct().ToArray();

        var projectIds = Ids(ChangeKind.Project);
        if (projectIds.Length > 0)
        {
            await using var results = await ((Npgsql.NpgsqlConnection)connection).QueryMultipleAsync(
                new CommandDefinition(ProjectsSql, new { Ids = projectIds, Lang = RequestLanguage.Current }, tx, cancellationToken: ct)
            );
            var projects = (await results.ReadAsync<GetProject.Handler.Row>()).AsList();
            var phases = (await results.ReadAsync<GetProject.Handler.PhaseRow>()).ToLookup(p => p.ProjectId);
            foreach (var p in projects)
            {
                if (ProjectGone(p.Status) is { } reason)
                    snapshot.Gone[(ChangeKind.Project, p.Id)] = (reason, p.Id);
                else
                    snapshot.Projects[p.Id] = GetProject.Handler.ToResponse(
                        p,
                        phases[p.Id].Select(GetProject.Handler.ToPhase).ToList(),
                        null
                    );
            }
        }

        var ideaIds = Ids(ChangeKind.Idea);
        if (ideaIds.Length > 0)
        {
            var rows = await connection.QueryAsync(
                new CommandDefinition(IdeasSql, new { Ids = ideaIds, Lang = RequestLanguage.Current }, tx, cancellationToken: ct),
                (ListIdeas.Handler.Row row, PublicIdea state) => (row, state),
                splitOn: "project_id"
            );
            foreach (var (row, state) in rows)
            {
                var id = row.Id!.Value;
                TombstoneReason? reason =
                    ProjectGone(state.ProjectStatus) is { } r ? r
                    : state.Withdrawn ? TombstoneReason.Withdrawn
                    : state.Hidden ? TombstoneReason.Hidden
                    : !state.Listed ? TombstoneReason.NotPublic
                    : null;
                if (reason is { } gone)
                    snapshot.Gone[(ChangeKind.Idea, id)] = (gone, state.ProjectId);
                else
                    snapshot.Ideas[id] = (ListIdeas.Handler.ToIdea(row), state.ProjectId);
            }
        }

        var commentIds = Ids(ChangeKind.Comment);
        if (commentIds.Length > 0)
        {
            var rows = await connection.QueryAsync(
                new CommandDefinition(CommentsSql, new { Ids = commentIds }, tx, cancellationToken: ct),
                (CommentRows.Row row, PublicComment state) => (row, state),
                splitOn: "project_id"
            );
            foreach (var (row, state) in rows)
            {
                TombstoneReason? reason =
                    ProjectGone(state.ProjectStatus) is { } r ? r
                    : row.DeletedAt is not null ? TombstoneReason.Deleted
                    : row.HiddenAt is not null ? TombstoneReason.Hidden
                    : !state.IdeaListed ? TombstoneReason.NotPublic
                    : null;
                if (reason is { } gone)
                    snapshot.Gone[(ChangeKind.Comment, row.Id)] = (gone, state.ProjectId);
                else
                    snapshot.Comments[row.Id] = (CommentRows.View(row, null, false), state.ProjectId);
            }
        }

        var eventIds = Ids(ChangeKind.CalendarEvent);
        if (eventIds.Length > 0)
        {
            var rows = await connection.QueryAsync(
                new CommandDefinition(CalendarEventsSql, new { Ids = eventIds, ActorId = (Guid?)null }, tx, cancellationToken: ct),
                // A platform-wide event has no project: Dapper gives no state object when all its columns are null.
                (CalendarEventRows.Row row, PublicCalendarEvent? state) => (row, state),
                splitOn: "project_status"
            );
            foreach (var (row, state) in rows)
            {
                if (state?.ProjectStatus is { } status && ProjectGone(status) is { } gone)
                    snapshot.Gone[(ChangeKind.CalendarEvent, row.Id)] = (gone, row.ProjectId);
                else
                    snapshot.CalendarEvents[row.Id] = row.ToEvent(appBaseUrl, null);
            }
        }

        // What no statement found no longer exists.
        foreach (var (kind, id) in targets)
            if (
                !snapshot.Gone.ContainsKey((kind, id))
                && !(
                    kind switch
                    {
                        ChangeKind.Project => snapshot.Projects.ContainsKey(id),
                        ChangeKind.Idea => snapshot.Ideas.ContainsKey(id),
                        ChangeKind.CalendarEvent => snapshot.CalendarEvents.ContainsKey(id),
                        _ => snapshot.Comments.ContainsKey(id),
                    }
                )
            )
                snapshot.Gone[(kind, id)] = (TombstoneReason.Deleted, kind == ChangeKind.Project ? id : null);
        return snapshot;
    }
}
