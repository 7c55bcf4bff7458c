using System.Data;
using System.Text.Json.Serialization;
using Participation.Api.Features.Ideas;

namespace Participation.Api.Features.Comments;

/// <summary>Whether a comment shows: visible, hidden by the moderators (its author and the staff still read it), or deleted by its
/// author.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum CommentState
{
    Visible,
    Hidden,
    Deleted,
}

/// <summary>A comment as shown: deleted ones keep their place (without text) when they have replies; hidden ones show their text only to
/// their author and the staff.</summary>
public sealed record CommentView(
    Guid Id,
    Guid IdeaId,
    Guid? ParentId,
    AuthorView? Author,
    string Body,
    CommentState State,
    string? HiddenReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    int RepliesCount,
    bool IsMine,
    IReadOnlyList<CommentView> Replies,
    int Likes,
    bool LikedByMe
);

/// <summary>How an idea's top-level comments are sorted: oldest first (the conversation's order), newest first, or most liked.
/// </summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum CommentSort
{
    Oldest,
    Newest,
    MostLiked,
}

/// <summary>
/// Plain text, 1 to 5,000 characters (line breaks kept; rendered encoded). A rule on the property rather than a
/// child validator: FluentValidation skips child validators on null, which let a missing body through.
/// </summary>
public static class CommentBodyRules
{
    public static IRuleBuilderOptions<T, string?> CommentBody<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage(_ => Messages.Get("required")).PlainText(5000);
}

/// <summary>The comment with its idea's access for the caller (404 when the caller may not see the idea).</summary>
public sealed record CommentAccess(Guid Id, Guid IdeaId, Guid? ParentId, Guid? AuthorId, bool Deleted, bool Hidden, IdeaAccess Idea)
{
    private const string Sql =
        "SELECT id, idea_id, parent_id, author_id, deleted_at IS NOT NULL AS deleted, hidden_at IS NOT NULL AS hidden "
        + "FROM comments WHERE id = @CommentId";

    private sealed record Row(Guid Id, Guid IdeaId, Guid? ParentId, Guid? AuthorId, bool Deleted, bool Hidden);

    public static async Task<CommentAccess> LoadAsync(
        IDbConnection connection,
        Guid? actorId,
        Guid commentId,
        IDbTransaction? tx,
        CancellationToken ct,
        bool forUpdate = false
    )
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(forUpdate ? Sql + " FOR UPDATE;" : Sql + ";", new { CommentId = commentId }, tx, cancellationToken: ct)
        ) ?? throw new NotFoundException("No such comment.");
        var idea = await IdeaAccess.LoadAsync(connection, actorId, row.IdeaId, tx, ct);
        if (row.Hidden && !idea.Staff && row.AuthorId != actorId)
            throw new NotFoundException("No such comment.");
        return new CommentAccess(row.Id, row.IdeaId, row.ParentId, row.AuthorId, row.Deleted, row.Hidden, idea);
    }

    public bool IsAuthor(Guid actorId) => AuthorId == actorId;
}

/// <summary>Reads comments with their authors, shaped for the caller.</summary>
internal static class CommentRows
{
    public const string Columns = $"""
        c.id, c.idea_id, c.parent_id, c.author_id, c.body, c.created_at, c.edited_at, c.deleted_at, c.hidden_at, c.hidden_reason,
               c.replies_count, c.likes_count,
        {AuthorView.Columns}
        """;

    /// <summary>Whether the caller (@ActorId, null when anonymous) likes the comment: one index probe per row, no extra
    /// statement.</summary>
    public const string LikedColumn =
        "EXISTS (SELECT 1 FROM comment_likes l WHERE l.comment_id = c.id AND l.user_id = @ActorId) AS liked_by_me";

    public const string Joins = "LEFT JOIN users u ON u.id = c.author_id LEFT JOIN organisations o ON o.id = c.organisation_id";

    public sealed class Row
    {
        public Guid Id { get; init; }
        public Guid IdeaId { get; init; }
        public Guid? ParentId { get; init; }
        public Guid? AuthorId { get; init; }
        public string Body { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public DateTime? EditedAt { get; init; }
        public DateTime? DeletedAt { get; init; }
        public DateTime? HiddenAt { get; init; }
        public string? HiddenReason { get; init; }
        public int RepliesCount { get; init; }
        public int LikesCount { get; init; }
        public bool LikedByMe { get; init; }
        public Guid? AuthorUserId { get; init; }
        public string? AuthorPerson { get; init; }
        public Guid? AuthorOrgId { get; init; }
        public string? AuthorOrg { get; init; }
        public string? AuthorAvatar { get; init; }
    }

    public static CommentView View(Row r, Guid? actorId, bool staff, IReadOnlyList<CommentView>? replies = null)
    {
        var mine = actorId is not null && r.AuthorId == actorId;
        var state =
            r.DeletedAt is not null ? CommentState.Deleted
            : r.HiddenAt is not null ? CommentState.Hidden
            : CommentState.Visible;
        var showText = state == CommentState.Visible || (state == CommentState.Hidden && (mine || staff));
        return new CommentView(
            r.Id,
            r.IdeaId,
            r.ParentId,
            state == CommentState.Deleted
                ? null
                : AuthorView.From(r.AuthorUserId, r.AuthorPerson, r.AuthorOrgId, r.AuthorOrg, r.AuthorAvatar),
            showText ? r.Body : "",
            state,
            state == CommentState.Hidden && (mine || staff) ? r.HiddenReason : null,
            r.CreatedAt.AsUtc(),
            r.EditedAt.AsUtc(),
            r.RepliesCount,
            mine,
            replies ?? [],
            r.LikesCount,
            r.LikedByMe
        );
    }
}
