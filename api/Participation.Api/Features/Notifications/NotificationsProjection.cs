using System.Data;
using System.Text.Json;
using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Content;

namespace Participation.Api.Features.Notifications;

/// <summary>
/// Notifications are a consumer of the events: this projection runs inside the transaction that records an event
/// (see <see cref="EventRecorder"/>), so a notification commits or rolls back with the change, once per person and
/// event whatever the number of API instances. It reads only the recorded event (type, actor, subject, scope,
/// before/after/data); who is notified is computed here, in SQL, from the event's subject. Types it does not know
/// notify nobody.
/// </summary>
public sealed class NotificationsProjection : IEventProjection
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task ProjectAsync(IDbConnection connection, IDbTransaction tx, RecordedEvent e, CancellationToken ct) =>
        e.Type switch
        {
            EventType.IdeaStatusChanged => StatusChangedAsync(connection, tx, e, ct),
            EventType.IdeaApproved or EventType.IdeaRejected => ReviewedAsync(connection, tx, e, ct),
            EventType.IdeaHidden or EventType.CommentHidden => HiddenAsync(connection, tx, e, ct),
            EventType.IdeaSubmitted => SubmittedAsync(connection, tx, e, ct),
            EventType.IdeaNoteAdded => NoteAddedAsync(connection, tx, e, ct),
            EventType.CommentPosted => CommentPostedAsync(connection, tx, e, ct),
            EventType.IdeaAssigned => AssignedAsync(connection, tx, e, ct),
            EventType.PhaseStarted => PhaseStartedAsync(connection, tx, e, ct),
            _ => Task.CompletedTask,
        };

    // What the producers write (camelCase JSON); only the fields read here.
    private sealed record Before(string Status);

    private sealed record StatusChange(string Status, string? Feedback, string? SignedAs, long ChangeId, string IdeaTitle);

    private sealed record Review(string Status, long ChangeId, string IdeaTitle);

    private sealed record ReviewData(string? Reason);

    private sealed record Hidden(string IdeaTitle);

    private sealed record HiddenData(Guid IdeaId, string? Reason);

    private sealed record Submitted(string Title, string Status);

    private sealed record Authored(string? AuthorName);

    private sealed record Note(Guid NoteId, Guid[] Mentions);

    private sealed record NoteData(string IdeaTitle, string? AuthorName, string Excerpt);

    private sealed record Comment(Guid IdeaId, Guid? ParentId);

    private sealed record CommentData(string IdeaTitle, string? AuthorName, string Excerpt);

    private sealed record Assignment(Guid? AssigneeId);

    private sealed record AssignmentData(string IdeaTitle, string? ActorName);

    private static T Read<T>(JsonElement? element, RecordedEvent e, string part) =>
        (element is { } value ? value.Deserialize<T>(Json) : default)
        ?? throw new InvalidOperationException($"Event {e.Position} ({e.Type.ToWire()}) has no {part}.");

    private static Guid SubjectId(RecordedEvent e) => Guid.Parse(e.SubjectId);

    /// <summary>Notifies the people <paramref name="recipients"/> selects (never the actor), under the event's key.</summary>
    private static Task NotifyAsync(
        IDbConnection connection,
        IDbTransaction tx,
        RecordedEvent e,
        NotificationCategory category,
        string key,
        (Guid? Idea, Guid? Comment) about,
        Dictionary<string, string?> data,
        string recipients,
        object args,
        CancellationToken ct
    ) =>
        Notifier.NotifyAsync(
            connection,
            tx,
            new NotificationEvent(category, key, e.Actor.Id, e.Scope.ProjectId, about.Idea, about.Comment, data),
            recipients,
            args,
            ct
        );

    // The idea's author; its followers and the residents who reacted to it (the author apart).
    private const string IdeaAuthor = "SELECT author_id AS user_id FROM ideas WHERE id = @IdeaId";
    private const string IdeaFollowers = """
        SELECT user_id FROM idea_follows WHERE idea_id = @IdeaId
        UNION SELECT user_id FROM idea_reactions WHERE idea_id = @IdeaId
        EXCEPT SELECT author_id FROM ideas WHERE id = @IdeaId AND author_id IS NOT NULL
        """;

    private static async Task StatusChangedAsync(IDbConnection connection, IDbTransaction tx, RecordedEvent e, CancellationToken ct)
    {
        var before = Read<Before>(e.Before, e, "before");
        var after = Read<StatusChange>(e.After, e, "after");
        var ideaId = SubjectId(e);
        var data = new Dictionary<string, string?>
        {
            ["ideaTitle"] = after.IdeaTitle,
            ["status"] = after.Status,
            ["previousStatus"] = before.Status,
            ["feedback"] = after.Feedback is null ? null : RichText.Excerpt(after.Feedback, 1000),
            ["signedAs"] = after.SignedAs,
        };
        var key = $"idea_status:{after.ChangeId}";
        await NotifyAsync(
            connection,
            tx,
            e,
            NotificationCategory.IdeaStatusMine,
            key,
            (ideaId, null),
            data,
            IdeaAuthor,
            new { IdeaId = ideaId },
            ct
        );
        await NotifyAsync(
            connection,
            tx,
            e,
            NotificationCategory.IdeaStatusFollowed,
            key,
            (ideaId, null),
            data,
            IdeaFollowers,
            new { IdeaId = ideaId },
            ct
        );
        // A decision (accepted, rejected, implemented) is news for the project's followers; under the same key, so a
        // follower who is also the author or follows the idea is told once.
        if (after.Status != before.Status && DecisionStatuses.Contains(after.Status) && e.Scope.ProjectId is { } projectId)
            await NotifyAsync(
                connection,
                tx,
                e,
                NotificationCategory.ProjectUpdatesFollowed,
                key,
                (ideaId, null),
                new Dictionary<string, string?>(data) { ["kind"] = "decision" },
                ProjectFollowers,
                new { ProjectId = projectId },
                ct
            );
    }

    // The statuses that decide on an idea: their publication is the project's results for its followers.
    private static readonly string[] DecisionStatuses = ["accepted", "rejected", "implemented"];

    private const string ProjectFollowers = "SELECT user_id FROM project_follows WHERE project_id = @ProjectId";

    private sealed record PhaseStart(Dictionary<string, string> Title, string Method);

    // A phase of a followed project started (the platform's job announces each start once; its key is the phase).
    private static Task PhaseStartedAsync(IDbConnection connection, IDbTransaction tx, RecordedEvent e, CancellationToken ct)
    {
        var after = Read<PhaseStart>(e.After, e, "after");
        var data = new Dictionary<string, string?> { ["kind"] = "phase_started", ["method"] = after.Method };
        foreach (var (language, title) in after.Title)
            data[$"phaseTitle.{language}"] = title;
        return NotifyAsync(
            connection,
            tx,
            e,
            NotificationCategory.ProjectUpdatesFollowed,
            $"phase_started:{e.SubjectId}",
            (null, null),
            data,
            ProjectFollowers,
            new { e.Scope.ProjectId },
            ct
        );
    }

    private static Task ReviewedAsync(IDbConnection connection, IDbTransaction tx, RecordedEvent e, CancellationToken ct)
    {
        var before = Read<Before>(e.Before, e, "before");
        var after = Read<Review>(e.After, e, "after");
        var ideaId = SubjectId(e);
        var data = new Dictionary<string, string?>
        {
            ["ideaTitle"] = after.IdeaTitle,
            ["status"] = after.Status,
            ["previousStatus"] = before.Status,
            ["feedback"] = Read<ReviewData>(e.Data, e, "data").Reason,
        };
        return NotifyAsync(
            connection,
            tx,
            e,
            NotificationCategory.IdeaStatusMine,
            $"idea_status:{after.ChangeId}",
            (ideaId, null),
            data,
            IdeaAuthor,
            new { IdeaId = ideaId },
            ct
        );
    }

    // The author of the hidden idea or comment, told why. The key is the event's position (the audit log's id).
    private const string IdeaAuthorById = "SELECT author_id AS user_id FROM ideas WHERE id = @Id";
    private const string CommentAuthorById = "SELECT author_id AS user_id FROM comments WHERE id = @Id";

    private static Task HiddenAsync(IDbConnection connection, IDbTransaction tx, RecordedEvent e, CancellationToken ct)
    {
        var context = Read<HiddenData>(e.Data, e, "data");
        var id = SubjectId(e);
        var comment = e.SubjectType == SubjectType.Comment;
        var data = new Dictionary<string, string?>
        {
            ["ideaTitle"] = Read<Hidden>(e.After, e, "after").IdeaTitle,
            ["reason"] = context.Reason,
            ["kind"] = e.SubjectType.ToWire(),
        };
        return NotifyAsync(
            connection,
            tx,
            e,
            NotificationCategory.ContentHidden,
            $"hidden:{e.Position}",
            (context.IdeaId, comment ? id : null),
            data,
            comment ? CommentAuthorById : IdeaAuthorById,
            new { Id = id },
            ct
        );
    }

    // The project's moderators, of every idea posted (pre-moderated or not).
    private const string Moderators = "SELECT user_id FROM user_roles WHERE role = 'project_moderator' AND project_id = @ProjectId";

    private static Task SubmittedAsync(IDbConnection connection, IDbTransaction tx, RecordedEvent e, CancellationToken ct)
    {
        var after = Read<Submitted>(e.After, e, "after");
        var id = SubjectId(e);
        var data = new Dictionary<string, string?>
        {
            ["ideaTitle"] = after.Title,
            ["actorName"] = Read<Authored>(e.Data, e, "data").AuthorName,
            ["status"] = after.Status,
        };
        return NotifyAsync(
            connection,
            tx,
            e,
            NotificationCategory.NewIdeaToModerate,
            $"new_idea:{id}",
            (id, null),
            data,
            Moderators,
            new { e.Scope.ProjectId },
            ct
        );
    }

    // The colleagues mentioned in a note (checked to be the project's staff when it was written).
    private const string Mentioned = "SELECT unnest(@Mentions::uuid[]) AS user_id";

    private static Task NoteAddedAsync(IDbConnection connection, IDbTransaction tx, RecordedEvent e, CancellationToken ct)
    {
        var after = Read<Note>(e.After, e, "after");
        if (after.Mentions.Length == 0)
            return Task.CompletedTask;
        var context = Read<NoteData>(e.Data, e, "data");
        var data = new Dictionary<string, string?>
        {
            ["ideaTitle"] = context.IdeaTitle,
            ["actorName"] = context.AuthorName,
            ["excerpt"] = context.Excerpt,
        };
        return NotifyAsync(
            connection,
            tx,
            e,
            NotificationCategory.Mention,
            $"note:{after.NoteId}",
            (SubjectId(e), null),
            data,
            Mentioned,
            new { after.Mentions },
            ct
        );
    }

    // A reply notifies the parent comment's author; any comment notifies the idea's author, unless they wrote that parent.
    private const string ParentAuthor = "SELECT author_id AS user_id FROM comments WHERE id = @ParentId";
    private const string IdeaAuthorUnlessParent = """
        SELECT author_id AS user_id FROM ideas
         WHERE id = @IdeaId AND author_id IS DISTINCT FROM (SELECT author_id FROM comments WHERE id = @ParentId::uuid)
        """;

    private static async Task CommentPostedAsync(IDbConnection connection, IDbTransaction tx, RecordedEvent e, CancellationToken ct)
    {
        var after = Read<Comment>(e.After, e, "after");
        var context = Read<CommentData>(e.Data, e, "data");
        var id = SubjectId(e);
        var data = new Dictionary<string, string?>
        {
            ["ideaTitle"] = context.IdeaTitle,
            ["actorName"] = context.AuthorName,
            ["excerpt"] = context.Excerpt,
        };
        var key = $"comment:{id}";
        if (after.ParentId is { } parentId)
            await NotifyAsync(
                connection,
                tx,
                e,
                NotificationCategory.ReplyToMyComment,
                key,
                (after.IdeaId, id),
                data,
                ParentAuthor,
                new { ParentId = parentId },
                ct
            );
        await NotifyAsync(
            connection,
            tx,
            e,
            NotificationCategory.CommentOnMyIdea,
            key,
            (after.IdeaId, id),
            data,
            IdeaAuthorUnlessParent,
            new { after.IdeaId, after.ParentId },
            ct
        );
    }

    // The new assignee (nobody when the idea was unassigned; never who assigned themselves).
    private const string Assignee = "SELECT @AssigneeId::uuid AS user_id";

    private static Task AssignedAsync(IDbConnection connection, IDbTransaction tx, RecordedEvent e, CancellationToken ct)
    {
        if (Read<Assignment>(e.After, e, "after").AssigneeId is not { } assignee)
            return Task.CompletedTask;
        var context = Read<AssignmentData>(e.Data, e, "data");
        var data = new Dictionary<string, string?> { ["ideaTitle"] = context.IdeaTitle, ["actorName"] = context.ActorName };
        return NotifyAsync(
            connection,
            tx,
            e,
            NotificationCategory.IdeaAssigned,
            $"assigned:{e.Position}",
            (SubjectId(e), null),
            data,
            Assignee,
            new { AssigneeId = assignee },
            ct
        );
    }
}
