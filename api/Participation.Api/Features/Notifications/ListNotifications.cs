using System.Text.Json;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Notifications;

/// <summary>The caller's notifications, newest first (keyset pages), with the unread count; two statements.</summary>
public static class ListNotifications
{
    public sealed record Query(Guid ActorId, bool UnreadOnly, string? Cursor, int? Limit) : IQuery<Response>;

    public sealed record Notification(
        long Id,
        NotificationCategory Category,
        DateTimeOffset CreatedAt,
        DateTimeOffset? ReadAt,
        Guid? ProjectId,
        IReadOnlyDictionary<string, string>? ProjectTitle,
        Guid? IdeaId,
        string? IdeaTitle,
        Guid? CommentId,
        IReadOnlyDictionary<string, string?> Data
    );

    public sealed record Response(IReadOnlyList<Notification> Items, int Unread, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).PageSize();
    }

    internal sealed record Key(long Id);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            SELECT n.id, n.category, n.created_at, n.read_at, n.project_id, p.title::text AS project_title, n.idea_id,
                   i.title AS idea_title,
                   n.comment_id, n.data::text AS data
              FROM notifications n
              LEFT JOIN projects p ON p.id = n.project_id
              LEFT JOIN ideas i ON i.id = n.idea_id
             WHERE n.user_id = @ActorId AND (NOT @UnreadOnly OR n.read_at IS NULL) AND (@After::bigint IS NULL OR n.id < @After)
             ORDER BY n.id DESC
             LIMIT @Take;
            SELECT count(*)::int FROM notifications WHERE user_id = @ActorId AND read_at IS NULL;
            """;

        private sealed class Row
        {
            public long Id { get; init; }
            public string Category { get; init; } = "";
            public DateTime CreatedAt { get; init; }
            public DateTime? ReadAt { get; init; }
            public Guid? ProjectId { get; init; }
            public string? ProjectTitle { get; init; }
            public Guid? IdeaId { get; init; }
            public string? IdeaTitle { get; init; }
            public Guid? CommentId { get; init; }
            public string Data { get; init; } = "{}";
        }

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<Key>(q.Cursor);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var grid = await connection.QueryMultipleAsync(
                new CommandDefinition(
                    Sql,
                    new
                    {
                        q.ActorId,
                        q.UnreadOnly,
                        After = after?.Id,
                        Take = limit + 1,
                    },
                    cancellationToken: ct
                )
            );
            var rows = (await grid.ReadAsync<Row>()).AsList();
            var unread = await grid.ReadSingleAsync<int>();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(r.Id));
            return new Response(
                page.Select(r => new Notification(
                        r.Id,
                        r.Category.ToEnum<NotificationCategory>(),
                        r.CreatedAt.AsUtc(),
                        r.ReadAt.AsUtc(),
                        r.ProjectId,
                        r.ProjectTitle is null ? null : LocalizedText.FromJson(r.ProjectTitle),
                        r.IdeaId,
                        r.IdeaTitle,
                        r.CommentId,
                        JsonSerializer.Deserialize<Dictionary<string, string?>>(r.Data) ?? []
                    ))
                    .ToList(),
                unread,
                next
            );
        }
    }

    /// <summary>The query string: the unread filter and the page.</summary>
    public sealed record QueryString(bool? UnreadOnly, string? Cursor, int? Limit);

    [EndpointSummary("Your notifications, newest first, with the number unread.")]
    public static ValueTask<Response> Endpoint([AsParameters] QueryString q, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, q.UnreadOnly ?? false, q.Cursor, q.Limit), ct);
}
