using Participation.Api.Features.Ideas;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Comments;

/// <summary>
/// An idea's conversation, oldest first: a keyset page of top-level comments, each with its first replies
/// (more through <see cref="ListReplies"/>). Two SQL statements whatever the page size.
/// </summary>
public static class ListComments
{
    public const int RepliesShown = 3;

    public sealed record Query(Guid? ActorId, Guid IdeaId, string? Cursor, int? Limit) : IQuery<Response>;

    public sealed record Response(IReadOnlyList<CommentView> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).PageSize();
    }

    internal sealed record Key(DateTime At, Guid Id);

    public sealed class Handler(NpgsqlDataSource db) : IQueryHandler<Query, Response>
    {
        private const string Sql = $"""
            SELECT {CommentRows.Columns}
              FROM comments c {CommentRows.Joins}
             WHERE c.idea_id = @IdeaId AND c.parent_id IS NULL
               AND (@AfterAt::timestamptz IS NULL OR (c.created_at, c.id) > (@AfterAt, @AfterId))
             ORDER BY c.created_at, c.id
             LIMIT @Take;
            """;

        private const string RepliesSql = $"""
            SELECT * FROM (
                SELECT {CommentRows.Columns}, row_number() OVER (PARTITION BY c.parent_id ORDER BY c.created_at, c.id) AS n
                  FROM comments c {CommentRows.Joins}
                 WHERE c.parent_id = ANY(@Parents)) x
             WHERE x.n <= @Shown
             ORDER BY x.created_at, x.id;
            """;

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<Key>(q.Cursor);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            var idea = await IdeaAccess.LoadAsync(connection, q.ActorId, q.IdeaId, null, ct);
            var rows = (
                await connection.QueryAsync<CommentRows.Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            q.IdeaId,
                            AfterAt = after?.At,
                            AfterId = after?.Id,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc), r.Id));
            var replies =
                page.Count == 0
                    ? []
                    : (
                        await connection.QueryAsync<CommentRows.Row>(
                            new CommandDefinition(
                                RepliesSql,
                                new { Parents = page.Select(p => p.Id).ToArray(), Shown = RepliesShown },
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

    /// <summary>The query string: the page.</summary>
    public sealed record QueryString(string? Cursor, int? Limit);

    [EndpointSummary("An idea's comments, oldest first, each with its first replies.")]
    public static ValueTask<Response> Endpoint(
        Guid id,
        [AsParameters] QueryString q,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Query(caller.UserIdOrNull, id, q.Cursor, q.Limit), ct);
}
