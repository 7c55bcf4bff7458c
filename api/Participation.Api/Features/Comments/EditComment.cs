using Participation.Api.Features.Events;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Comments;

/// <summary>The author rewrites their comment; it is marked edited. Deleted and hidden comments stay as they are.</summary>
public static class EditComment
{
    public sealed record Request(string Body);

    public sealed record Command(Guid ActorId, Guid CommentId, string Body) : ICommand<CommentView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => (string?)c.Body).CommentBody().OverridePropertyName("body");
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, CommentView>
    {
        // The comment is locked by this transaction: the first statement reads the text this edit replaces.
        private const string Sql = $"""
            SELECT body FROM comments WHERE id = @CommentId;
            WITH c AS (UPDATE comments SET body = @Body, edited_at = now() WHERE id = @CommentId RETURNING *)
            SELECT {CommentRows.Columns} FROM c {CommentRows.Joins};
            """;

        public async ValueTask<CommentView> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var comment = await CommentAccess.LoadAsync(connection, c.ActorId, c.CommentId, tx, ct, forUpdate: true);
            CommentAuthorRules.Require(comment, c.ActorId, ParticipationAction.Comment);
            CommentRows.Row row;
            string was;
            await using (
                var grid = await connection.QueryMultipleAsync(
                    new CommandDefinition(Sql, new { c.CommentId, Body = c.Body.Trim() }, tx, cancellationToken: ct)
                )
            )
            {
                was = await grid.ReadSingleAsync<string>();
                row = await grid.ReadSingleAsync<CommentRows.Row>();
            }
            // The same text again still marks the comment edited, as it always did, but is no new fact.
            if (Changes.Of(("body", was, row.Body)) is { } diff)
                await events.RecordAsync(
                    tx,
                    EventType.CommentEdited,
                    Actor.User(c.ActorId),
                    c.CommentId,
                    new Scope(comment.Idea.ProjectId, comment.Idea.PhaseId),
                    diff.Before,
                    diff.After,
                    new { ideaId = comment.IdeaId },
                    ct
                );
            await tx.CommitAsync(ct);
            return CommentRows.View(row, c.ActorId, comment.Idea.Staff);
        }
    }

    [EndpointSummary("Edit your comment.")]
    public static ValueTask<CommentView> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, body.Body), ct);
}

internal static class CommentAuthorRules
{
    /// <summary>Only the author changes a comment, never once deleted or hidden, nor in an archived project.</summary>
    public static void Require(CommentAccess comment, Guid actorId, ParticipationAction action)
    {
        if (!comment.IsAuthor(actorId))
            throw new ForbiddenException("Only the comment's author can do this.");
        if (comment.Deleted)
            throw new ConflictException(Messages.Get("comment_deleted"));
        if (comment.Hidden)
            throw new ConflictException(Messages.Get("comment_hidden"));
        if (comment.Idea.ProjectStatus == "archived")
            throw ActionPolicy.Refuse(action, RefusalReason.ProjectArchived);
    }
}
