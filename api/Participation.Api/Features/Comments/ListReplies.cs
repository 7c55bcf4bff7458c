using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Comments;

/// <summary>All replies to a top-level comment, oldest first, keyset-paginated.</summary>
public static class ListReplies
{
    public sealed record Query(Guid? ActorId, Guid CommentId, string? Cursor, int? Limit) : IQuery<ListComments.Response>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).PageSize();
    }

    public sealed class Handler(CityDb db) : IQueryHandler<Query, ListComments.Response>
    {
        private const string Sql = $"""
            SELECT {CommentRows.Columns}, {CommentRows.LikedColumn}
              FROM comments c {CommentRows.Joins}
             WHERE c.parent_id = @CommentId
               AND (@AfterAt::timestamptz IS NULL OR (c.created_at, c.id) > (@AfterAt, @AfterId))
             ORDER BY c.created_at, c.id
             LIMIT @Take;
            """;

        public async ValueTask<ListComments.Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<ListComments.Key>(q.Cursor);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            var comment = await CommentAccess.LoadAsync(connection, q.ActorId, q.CommentId, null, ct);
            var rows = (
                await connection.QueryAsync<CommentRows.Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            q.CommentId,
                            q.ActorId,
                            AfterAt = after?.At,
                            AfterId = after?.Id,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new ListComments.Key(
                DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc),
                r.Id
            ));
            return new ListComments.Response(page.Select(r => CommentRows.View(r, q.ActorId, comment.Idea.Staff)).ToList(), next);
        }
    }

    /// <summary>The query string: the page.</summary>
    public sealed record QueryString(string? Cursor, int? Limit);

    [EndpointSummary("The replies to a comment, oldest first.")]
    public static ValueTask<ListComments.Response> Endpoint(
        Guid id,
        [AsParameters] QueryString q,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Query(caller.UserIdOrNull, id, q.Cursor, q.Limit), ct);
}
