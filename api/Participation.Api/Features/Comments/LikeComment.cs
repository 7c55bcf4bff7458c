using Participation.Api.Features.Events;

namespace Participation.Api.Features.Comments;

/// <summary>The comment's likes after a change, and whether the caller likes it.</summary>
public sealed record CommentLikes(int Likes, bool LikedByMe);

/// <summary>
/// Like a visible comment of a listed idea: one like per person (primary key), repeating it changes nothing, the counter
/// moves with the row (a trigger, so parallel likes count once each). Nobody likes their own comment (409).
/// </summary>
public static class LikeComment
{
    public sealed record Command(Guid ActorId, Guid CommentId) : ICommand<CommentLikes>;

    public sealed class Handler(NpgsqlDataSource db, EventRecorder events) : ICommandHandler<Command, CommentLikes>
    {
        private const string Sql =
            "INSERT INTO comment_likes (comment_id, user_id) VALUES (@CommentId, @ActorId) ON CONFLICT DO NOTHING RETURNING true;";

        public async ValueTask<CommentLikes> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var comment = await CommentAccess.LoadAsync(connection, c.ActorId, c.CommentId, tx, ct);
            comment.Idea.RequireListed();
            if (comment.Deleted || comment.Hidden)
                throw new ConflictException(Messages.Get("comment_not_likeable"));
            if (comment.IsAuthor(c.ActorId))
                throw new ConflictException(Messages.Get("comment_own_like"));
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Sql, c, tx, cancellationToken: ct)))
                await events.RecordAsync(
                    tx,
                    EventType.CommentLiked,
                    Actor.User(c.ActorId),
                    c.CommentId,
                    new Scope(comment.Idea.ProjectId, comment.Idea.PhaseId),
                    null,
                    null,
                    new { ideaId = comment.IdeaId },
                    ct
                );
            var likes = await CommentLikeCount.ReadAsync(connection, c.CommentId, tx, ct);
            await tx.CommitAsync(ct);
            return new CommentLikes(likes, true);
        }
    }

    [EndpointSummary("Like a comment (not your own).")]
    public static async Task<Ok<CommentLikes>> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new Command(caller.UserId, id), ct));
}

/// <summary>Take back a like (repeating it changes nothing). Allowed on a hidden comment too: taking back is never refused.</summary>
public static class UnlikeComment
{
    public sealed record Command(Guid ActorId, Guid CommentId) : ICommand<CommentLikes>;

    public sealed class Handler(NpgsqlDataSource db, EventRecorder events) : ICommandHandler<Command, CommentLikes>
    {
        private const string Sql = "DELETE FROM comment_likes WHERE comment_id = @CommentId AND user_id = @ActorId RETURNING true;";

        public async ValueTask<CommentLikes> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var comment = await CommentAccess.LoadAsync(connection, c.ActorId, c.CommentId, tx, ct);
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Sql, c, tx, cancellationToken: ct)))
                await events.RecordAsync(
                    tx,
                    EventType.CommentUnliked,
                    Actor.User(c.ActorId),
                    c.CommentId,
                    new Scope(comment.Idea.ProjectId, comment.Idea.PhaseId),
                    null,
                    null,
                    new { ideaId = comment.IdeaId },
                    ct
                );
            var likes = await CommentLikeCount.ReadAsync(connection, c.CommentId, tx, ct);
            await tx.CommitAsync(ct);
            return new CommentLikes(likes, false);
        }
    }

    [EndpointSummary("Take back your like of a comment.")]
    public static async Task<Ok<CommentLikes>> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new Command(caller.UserId, id), ct));
}

internal static class CommentLikeCount
{
    private const string Sql = "SELECT likes_count FROM comments WHERE id = @Id;";

    public static Task<int> ReadAsync(System.Data.IDbConnection connection, Guid id, System.Data.IDbTransaction tx, CancellationToken ct) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition(Sql, new { Id = id }, tx, cancellationToken: ct));
}
