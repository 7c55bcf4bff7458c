using Participation.Api.Features.Events;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Comments;

/// <summary>
/// The author deletes their comment: it disappears, or leaves a "deleted" placeholder when it has replies.
/// The idea's and the parent's counters of visible comments move in the same transaction.
/// </summary>
public static class DeleteComment
{
    public sealed record Command(Guid ActorId, Guid CommentId) : ICommand;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        // Returns whether a placeholder stays (the comment has replies).
        private const string Sql = """
            WITH target AS (SELECT id, idea_id, parent_id, hidden_at IS NULL AS was_visible,
                                   EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = comments.id) AS has_replies
                              FROM comments WHERE id = @CommentId),
            soft AS (UPDATE comments SET deleted_at = now(), body = '', edited_at = NULL
                      WHERE id = @CommentId AND (SELECT has_replies FROM target) RETURNING id),
            hard AS (DELETE FROM comments WHERE id = @CommentId AND NOT (SELECT has_replies FROM target) RETURNING id),
            idea AS (UPDATE ideas SET comments_count = comments_count - 1
                      WHERE id = (SELECT idea_id FROM target) AND (SELECT was_visible FROM target)),
            parent AS (UPDATE comments SET replies_count = replies_count - 1
                        WHERE id = (SELECT parent_id FROM target) AND (SELECT was_visible FROM target))
            SELECT has_replies FROM target;
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var comment = await CommentAccess.LoadAsync(connection, c.ActorId, c.CommentId, tx, ct, forUpdate: true);
            CommentAuthorRules.Require(comment, c.ActorId, ParticipationAction.Comment);
            var placeholder = await connection.ExecuteScalarAsync<bool>(
                new CommandDefinition(Sql, new { c.CommentId }, tx, cancellationToken: ct)
            );
            // Deleting twice is refused (409, comment_deleted) or a 404: one event. The deleted text is not kept in it:
            // the author took it back.
            await events.RecordAsync(
                tx,
                EventType.CommentDeleted,
                Actor.User(c.ActorId),
                c.CommentId,
                new Scope(comment.Idea.ProjectId, comment.Idea.PhaseId),
                new { ideaId = comment.IdeaId, parentId = comment.ParentId },
                null,
                new { ideaId = comment.IdeaId, placeholderKept = placeholder },
                ct
            );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Delete your comment (a placeholder stays when it has replies).")]
    public static async Task<NoContent> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller.UserId, id), ct);
        return TypedResults.NoContent();
    }
}
