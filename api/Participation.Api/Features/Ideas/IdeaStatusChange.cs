using System.Data;
using System.Text.Json.Serialization;
using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Content;

namespace Participation.Api.Features.Ideas;

/// <summary>Why a status change or official answer is refused for an idea.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum StatusChangeRefusal
{
    /// <summary>Only the project's moderators, its department's heads and admins (and API clients with ideas:feedback).</summary>
    NotStaff,

    /// <summary>The idea is not one of the project's (a bulk change names the project).</summary>
    NotInProject,

    /// <summary>The idea awaits pre-moderation: approve or reject it first.</summary>
    AwaitingPrescreening,

    /// <summary>The author withdrew the idea.</summary>
    Withdrawn,

    /// <summary>Neither a new status nor official feedback.</summary>
    NothingToChange,
}

/// <summary>
/// The one way an idea changes status or gets official feedback, used by a single change (<see cref="ChangeIdeaStatus"/>)
/// and by the ideas manager's bulk change alike: the same rules, the same history row, the same
/// <c>idea.status_changed</c> event (from which notifications and webhooks follow). The caller holds the idea's row lock
/// (<see cref="IdeaAccess.LoadAsync"/> with forUpdate, or <see cref="LockManyAsync"/>) in its transaction.
/// </summary>
public static class IdeaStatusChange
{
    /// <summary>What may not change this idea (null: the change may go ahead). An API client acts on public ideas without staff
    /// rights.</summary>
    public static StatusChangeRefusal? Refusal(IdeaAccess idea, Actor actor, IdeaStatus? status, string? feedback)
    {
        if (actor.Type != ActorType.Client && !idea.Staff)
            return StatusChangeRefusal.NotStaff;
        if (idea.Status == IdeaStatus.Prescreening)
            return StatusChangeRefusal.AwaitingPrescreening;
        if (idea.Withdrawn)
            return StatusChangeRefusal.Withdrawn;
        if ((status ?? idea.Status) == idea.Status && Trimmed(feedback) is null)
            return StatusChangeRefusal.NothingToChange;
        return null;
    }

    /// <summary>The refusal as the single change answers it (403 or 409).</summary>
    public static Exception ToException(StatusChangeRefusal refusal) =>
        refusal switch
        {
            StatusChangeRefusal.NotStaff => new ForbiddenException(
                "Only the project's moderators, its department's heads and admins can do this."
            ),
            StatusChangeRefusal.AwaitingPrescreening => new ConflictException(Messages.Get("awaiting_prescreening")),
            StatusChangeRefusal.Withdrawn => new ConflictException(Messages.Get("idea_withdrawn")),
            StatusChangeRefusal.NothingToChange => new ConflictException(Messages.Get("nothing_to_change"), "status"),
            _ => new NotFoundException("No such idea."),
        };

    private const string LockManySql =
        IdeaAccess.Select + " WHERE i.id = ANY(@IdeaIds) AND i.project_id = @ProjectId ORDER BY i.id FOR UPDATE OF i;";

    /// <summary>
    /// The project's ideas among <paramref name="ideaIds"/>, locked for update in id order: two bulk changes, or a bulk and a
    /// single change, on overlapping ideas wait for each other instead of deadlocking. Ideas of other projects are left alone.
    /// </summary>
    public static async Task<IReadOnlyList<IdeaAccess>> LockManyAsync(
        IDbTransaction tx,
        Guid actorId,
        Guid projectId,
        IReadOnlyCollection<Guid> ideaIds,
        CancellationToken ct
    ) =>
        (
            await Connection(tx)
                .QueryAsync<IdeaAccess>(
                    new CommandDefinition(
                        LockManySql,
                        new
                        {
                            ActorId = actorId,
                            ProjectId = projectId,
                            IdeaIds = ideaIds.ToArray(),
                        },
                        tx,
                        cancellationToken: ct
                    )
                )
        ).AsList();

    private const string Sql = """
        WITH prev AS (SELECT status FROM ideas WHERE id = @IdeaId),
        upd AS (UPDATE ideas SET status = @Status, updated_at = now() WHERE id = @IdeaId RETURNING title, project_id),
        change AS (
            INSERT INTO idea_status_changes (idea_id, from_status, to_status, feedback, signed_as, changed_by, changed_by_client)
            SELECT @IdeaId, prev.status, @Status, @Feedback,
                   CASE WHEN @Feedback::text IS NULL THEN NULL
                        ELSE coalesce(@SignedAs,
                                      (SELECT d.name ->> 'fr' FROM projects p JOIN departments d ON d.id = p.department_id
                                        WHERE p.id = @ProjectId)) END,
                   @UserId, @ClientId
              FROM prev
            RETURNING id, from_status, signed_as)
        SELECT change.id, change.from_status, change.signed_as, upd.title FROM change, upd;
        """;

    private sealed record Changed(long Id, string FromStatus, string? SignedAs, string Title);

    /// <summary>
    /// Writes the change of an idea that passed <see cref="Refusal"/>: its status, its history row (feedback signed by
    /// <paramref name="signedAs"/> or the project's department), and its <c>idea.status_changed</c> event.
    /// </summary>
    public static async Task ApplyAsync(
        IDbTransaction tx,
        EventRecorder events,
        Actor actor,
        IdeaAccess idea,
        IdeaStatus? status,
        string? feedback,
        string? signedAs,
        CancellationToken ct
    )
    {
        var to = status ?? idea.Status;
        var text = Trimmed(feedback) is { } typed && RichText.Sanitize(typed) is { Length: > 0 } sanitised ? sanitised : null;
        var user = actor.Type == ActorType.User ? actor.Id : null;
        var changed = await Connection(tx)
            .QuerySingleAsync<Changed>(
                new CommandDefinition(
                    Sql,
                    new
                    {
                        IdeaId = idea.Id,
                        Status = to.ToWire(),
                        Feedback = text,
                        SignedAs = Trimmed(signedAs),
                        UserId = user,
                        ClientId = actor.Type == ActorType.Client ? actor.Id : null,
                        idea.ProjectId,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
        await events.RecordAsync(
            tx,
            EventType.IdeaStatusChanged,
            actor,
            idea.Id,
            new Scope(idea.ProjectId, DepartmentId: idea.DepartmentId),
            before: new { status = changed.FromStatus },
            after: new
            {
                status = to,
                feedback = text,
                signedAs = changed.SignedAs,
                changeId = changed.Id,
                ideaTitle = changed.Title,
            },
            data: new
            {
                projectId = idea.ProjectId,
                @from = changed.FromStatus,
                to,
                feedback = text is not null,
            },
            ct
        );
    }

    /// <summary>A status the staff may set (pre-moderation has its own approve/reject decision).</summary>
    public static IRuleBuilderOptions<T, IdeaStatus?> SettableStatus<T>(this IRuleBuilder<T, IdeaStatus?> rule) =>
        rule.Must(s => s is null || IdeaStatuses.Public.Contains(s.Value)).WithMessage(_ => Messages.Get("idea_status"));

    /// <summary>
    /// Official feedback: rich text (sanitised by the allow-list when written; plain text stays text, its markup
    /// characters escaped), up to 5,000 characters as typed and as stored: escaping can lengthen a text (an ampersand
    /// takes five characters), and the stored text is what the database bounds, so a long answer is a 400 here, never a
    /// refused write.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> OfficialFeedback<T>(this IRuleBuilder<T, string?> rule) =>
        rule.PlainText(MaxFeedback)
            .Must(v => v is null || RichText.Sanitize(v).Length <= MaxFeedback)
            .WithMessage(_ => Messages.Get("too_long"));

    private const int MaxFeedback = 5000;

    /// <summary>The service the feedback is signed by: one line, up to 160 characters.</summary>
    public static IRuleBuilderOptions<T, string?> Signature<T>(this IRuleBuilder<T, string?> rule) =>
        rule.PlainText(160).Must(s => s is null || !s.Contains('\n')).WithMessage(_ => Messages.Get("single_line"));

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IDbConnection Connection(IDbTransaction tx) =>
        tx.Connection ?? throw new InvalidOperationException("The transaction has no connection.");
}
