using System.Collections.Frozen;
using Participation.Api.Features.Ideas;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Comments;

/// <summary>
/// An idea's conversation: a keyset page of top-level comments (oldest first, newest first or most liked), each with its
/// first replies (more through <see cref="ListReplies"/>), its likes and whether the caller likes it. Two SQL statements
/// whatever the page size.
/// </summary>
public static class ListComments
{
    public const int RepliesShown = 3;

    public sealed record Query(Guid? ActorId, Guid IdeaId, string? Cursor, int? Limit, CommentSort? Sort = null) : IQuery<Response>;

    public sealed record Response(IReadOnlyList<CommentView> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).PageSize();
            RuleFor(q => q.Sort).IsInEnum().WithMessage(_ => Messages.Get("one_of_comment_sorts"));
        }
    }

    /// <summary>The replies' key (oldest first).</summary>
    internal sealed record Key(DateTime At, Guid Id);

    /// <summary>The top-level key: the sort it belongs to and the last row's sort values (a cursor of another sort is a 400).</summary>
    internal sealed record TopKey(string Sort, DateTime At, int Likes, Guid Id);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Select = $"""
            SELECT {CommentRows.Columns}, {CommentRows.LikedColumn}
              FROM comments c {CommentRows.Joins}
             WHERE c.idea_id = @IdeaId AND c.parent_id IS NULL
            """;

        // The allow-list of sorts: each maps to its own keyset condition and order (served by comments_top and comments_top_liked).
        private static readonly FrozenDictionary<CommentSort, string> Sorted = new Dictionary<CommentSort, string>
        {
            [CommentSort.Oldest] = $"""
                {Select}
                   AND (@AfterAt::timestamptz IS NULL OR (c.created_at, c.id) > (@AfterAt, @AfterId))
                 ORDER BY c.created_at, c.id LIMIT @Take;
                """,
            [CommentSort.Newest] = $"""
                {Select}
                   AND (@AfterAt::timestamptz IS NULL OR (c.created_at, c.id) < (@AfterAt, @AfterId))
                 ORDER BY c.created_at DESC, c.id DESC LIMIT @Take;
                """,
            [CommentSort.MostLiked] = $"""
                {Select}
                   AND (@AfterAt::timestamptz IS NULL OR (c.likes_count, c.id) < (@AfterLikes, @AfterId))
                 ORDER BY c.likes_count DESC, c.id DESC LIMIT @Take;
                """,
        }.ToFrozenDictionary();

        private const string RepliesSql = $"""
            SELECT * FROM (
                SELECT {CommentRows.Columns}, {CommentRows.LikedColumn},
                       row_number() OVER (PARTITION BY c.parent_id ORDER BY c.created_at, c.id) AS n
                  FROM comments c {CommentRows.Joins}
                 WHERE c.parent_id = ANY(@Parents)) x
             WHERE x.n <= @Shown
             ORDER BY x.created_at, x.id;
            """;

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var sort = q.Sort ?? CommentSort.Oldest;
            var wire = sort.ToWire();
            var after = Cursor.Decode<TopKey>(q.Cursor, k => k.Sort == wire);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            var idea = await IdeaAccess.LoadAsync(connection, q.ActorId, q.IdeaId, null, ct);
            var rows = (
                await connection.QueryAsync<CommentRows.Row>(
                    new CommandDefinition(
                        Sorted[sort],
                        new
                        {
                            q.IdeaId,
                            q.ActorId,
                            AfterAt = after?.At,
                            AfterLikes = after?.Likes,
                            AfterId = after?.Id,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new TopKey(
                wire,
                DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc),
                r.LikesCount,
                r.Id
            ));
            var replies =
                page.Count == 0
                    ? []
                    : (
                        await connection.QueryAsync<CommentRows.Row>(
                            new CommandDefinition(
                                RepliesSql,
                                new
                                {
                                    Parents = page.Select(p => p.Id).ToArray(),
                                    Shown = RepliesShown,
                                    q.ActorId,
                                },
                                cancellationToken: ct
                            )
                        )
                    ).AsList();
            var byParent = replies.ToLookup(r => r.ParentId);
            return new Response(
                page.Select(r =>
                        CommentRows.View(
                            r,
                            q.ActorId,
                            idea.Staff,
                            byParent[r.Id].Select(x => CommentRows.View(x, q.ActorId, idea.Staff)).ToList()
                        )
                    )
                    .ToList(),
                next
            );
        }
    }

    /// <summary>The query string: the sort and the page.</summary>
    public sealed record QueryString([property: QueryEnum<CommentSort>] string? Sort, string? Cursor, int? Limit);

    [EndpointSummary("An idea's comments (oldest first, newest first or most liked), each with its first replies.")]
    public static ValueTask<Response> Endpoint(
        Guid id,
        [AsParameters] QueryString q,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Query(caller.UserIdOrNull, id, q.Cursor, q.Limit, WireEnum.FromQuery<CommentSort>(q.Sort)), ct);
}
