using Participation.Api.Features.Comments;
using Participation.Api.Features.Ideas;

namespace Participation.Api.Features.Moderation;

/// <summary>An idea or a comment under moderation, locked for the transaction, with its project and author.</summary>
internal sealed record ModerationTarget(
    string Kind,
    Guid Id,
    Guid IdeaId,
    Guid? CommentId,
    Guid? ParentId,
    Guid? AuthorId,
    bool Hidden,
    bool Visible,
    IdeaAccess Idea
)
{
    public const string IdeaKind = "idea";
    public const string CommentKind = "comment";

    public static async Task<ModerationTarget> LoadAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction tx,
        Guid actorId,
        string kind,
        Guid id,
        CancellationToken ct
    )
    {
        if (kind == IdeaKind)
        {
            var idea = await IdeaAccess.LoadAsync(connection, actorId, id, tx, ct, forUpdate: true);
            return new ModerationTarget(kind, id, id, null, null, idea.AuthorId, idea.Hidden, idea.Listed, idea);
        }
        var comment = await CommentAccess.LoadAsync(connection, actorId, id, tx, ct, forUpdate: true);
        if (comment.Deleted)
            throw new NotFoundException("No such comment.");
        return new ModerationTarget(
            kind,
            id,
            comment.IdeaId,
            id,
            comment.ParentId,
            comment.AuthorId,
            comment.Hidden,
            !comment.Hidden,
            comment.Idea
        );
    }

    /// <summary>
    /// Hides or shows the item and moves the counters of visible comments with it (a comment's idea and parent).
    /// <paramref name="hiddenByFlags"/> marks a provisional hide; every decision resolves the open flags.
    /// </summary>
    public async Task SetHiddenAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction tx,
        bool hidden,
        string? reason,
        bool hiddenByFlags,
        bool resolveFlags,
        CancellationToken ct
    )
    {
        const string IdeaSql = """
            UPDATE ideas SET hidden_at = CASE WHEN @Hidden THEN coalesce(hidden_at, now()) END, hidden_reason = @Reason,
                   hidden_by_flags = @ByFlags,
                   open_flags = CASE WHEN @Resolve THEN 0 ELSE open_flags END, updated_at = now()
             WHERE id = @Id;
            """;
        const string CommentSql = """
            UPDATE comments SET hidden_at = CASE WHEN @Hidden THEN coalesce(hidden_at, now()) END, hidden_reason = @Reason,
                   hidden_by_flags = @ByFlags,
                   open_flags = CASE WHEN @Resolve THEN 0 ELSE open_flags END
             WHERE id = @Id;
            UPDATE ideas SET comments_count = comments_count + @Delta WHERE id = @IdeaId AND @Delta <> 0;
            UPDATE comments SET replies_count = replies_count + @Delta WHERE id = @ParentId AND @Delta <> 0;
            """;
        const string ResolveSql = """
            UPDATE content_flags SET resolved_at = now()
             WHERE idea_id = @IdeaId AND comment_id IS NOT DISTINCT FROM @CommentId AND resolved_at IS NULL;
            """;
        var delta =
            Hidden == hidden ? 0
            : hidden ? -1
            : 1;
        await connection.ExecuteAsync(
            new CommandDefinition(
                Kind == IdeaKind ? IdeaSql : CommentSql,
                new
                {
                    Id,
                    IdeaId,
                    ParentId,
                    Hidden = hidden,
                    Reason = reason,
                    ByFlags = hiddenByFlags,
                    Resolve = resolveFlags,
                    Delta = delta,
                },
                tx,
                cancellationToken: ct
            )
        );
        if (resolveFlags)
            await connection.ExecuteAsync(new CommandDefinition(ResolveSql, new { IdeaId, CommentId }, tx, cancellationToken: ct));
    }
}
