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

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, CommentLikes>
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
            var likes = await CommentLikeChange.ApplyAsync(connection, tx, events, Sql, EventType.CommentLiked, c.ActorId, comment, ct);
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

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, CommentLikes>
    {
        private const string Sql = "DELETE FROM comment_likes WHERE comment_id = @CommentId AND user_id = @ActorId RETURNING true;";

        public async ValueTask<CommentLikes> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var comment = await CommentAccess.LoadAsync(connection, c.ActorId, c.CommentId, tx, ct);
            var likes = await CommentLikeChange.ApplyAsync(connection, tx, events, Sql, EventType.CommentUnliked, c.ActorId, comment, ct);
            await tx.CommitAsync(ct);
            return new CommentLikes(likes, false);
        }
    }

    [EndpointSummary("Take back your like of a comment.")]
    public static async Task<Ok<CommentLikes>> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new Command(caller.UserId, id), ct));
}

/// <summary>What liking and taking back share once the comment is loaded and the rules checked.</summary>
internal static class CommentLikeChange
{
    private const string CountSql = "SELECT likes_count FROM comments WHERE id = @Id;";

    /// <summary>
    /// Runs the like's insert or delete (<paramref name="sql"/>: RETURNING true when a row changed), records
    /// <paramref name="type"/> only then, and answers the comment's likes after it (the trigger moved the counter).
    /// </summary>
    public static async Task<int> ApplyAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction tx,
        EventRecorder events,
        string sql,
        EventType type,
        Guid actorId,
        CommentAccess comment,
        CancellationToken ct
    )
    {
        var row = new { ActorId = actorId, CommentId = comment.Id };
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, row, tx, cancellationToken: ct)))
            await events.RecordAsync(
                tx,
                type,
                Actor.User(actorId),
                comment.Id,
                new Scope(comment.Idea.ProjectId, comment.Idea.PhaseId),
                null,
                null,
                new { ideaId = comment.IdeaId },
                ct
            );
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, new { comment.Id }, tx, cancellationToken: ct));
    }
}
