using System.Text.Json;
using Participation.Api.Features.Grants;
using Participation.Api.Features.Ideas;
using Participation.Api.Infrastructure.Content;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Moderation;

/// <summary>
/// A project's moderation queue, oldest first: ideas awaiting pre-moderation and flagged ideas and comments
/// (hidden provisionally or not), each with its open flags. For the project's moderators, its department's
/// heads and admins. One statement per page.
/// </summary>
public static class GetModerationQueue
{
    public sealed record Query(Guid ActorId, Guid ProjectId, string? Cursor, int? Limit) : IQuery<Response>;

    public sealed record Flag(FlagReason Reason, string? Details, DateTimeOffset At);

    public sealed record Item(
        ModerationItemKind Kind,
        Guid IdeaId,
        Guid? CommentId,
        string IdeaTitle,
        string Excerpt,
        IdeaStatus Status,
        AuthorView? Author,
        bool AwaitingReview,
        bool Hidden,
        bool HiddenByFlags,
        int OpenFlags,
        IReadOnlyList<Flag> Flags,
        DateTimeOffset Since
    );

    public sealed record Response(IReadOnlyList<Item> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).PageSize();
    }

    internal sealed record Key(DateTime At, Guid Id);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = $"""
            WITH items AS (
                SELECT 'idea' AS kind, i.id AS idea_id, NULL::uuid AS comment_id, i.id AS item_id, i.title AS idea_title, i.body AS text,
                       i.status, i.author_id, i.organisation_id, i.status = 'prescreening' AS awaiting_review,
                       i.hidden_at IS NOT NULL AS hidden, i.hidden_by_flags, i.open_flags, i.created_at
                  FROM ideas i
                 WHERE i.project_id = @ProjectId AND i.withdrawn_at IS NULL
                   AND ((i.status = 'prescreening' AND i.hidden_at IS NULL) OR i.open_flags > 0)
                UNION ALL
                SELECT 'comment', c.idea_id, c.id, c.id, i.title, c.body, i.status, c.author_id, c.organisation_id, false,
                       c.hidden_at IS NOT NULL, c.hidden_by_flags, c.open_flags, c.created_at
                  FROM comments c JOIN ideas i ON i.id = c.idea_id
                 WHERE i.project_id = @ProjectId AND c.open_flags > 0 AND c.deleted_at IS NULL),
            ranked AS (
                SELECT items.*, coalesce(f.first_flag, items.created_at) AS since, f.flags
                  FROM items
                  LEFT JOIN LATERAL (
                        SELECT min(x.created_at) AS first_flag,
                               json_agg(json_build_object('reason', x.reason, 'details', x.details, 'at', x.created_at)
                                        ORDER BY x.created_at) AS flags
                          FROM (SELECT * FROM content_flags cf
                                 WHERE cf.idea_id = items.idea_id AND cf.comment_id IS NOT DISTINCT FROM items.comment_id
                                   AND cf.resolved_at IS NULL
                                 ORDER BY cf.created_at LIMIT 20) x) f ON true)
            SELECT r.kind, r.idea_id, r.comment_id, r.item_id, r.idea_title,
                   left(regexp_replace(r.text, '<[^>]*>', ' ', 'g'), 400) AS excerpt, r.status,
                   r.awaiting_review, r.hidden, r.hidden_by_flags, r.open_flags, r.since, coalesce(r.flags::text, '[]') AS flags,
                   {AuthorView.Columns}
              FROM ranked r
              LEFT JOIN users u ON u.id = r.author_id
              LEFT JOIN organisations o ON o.id = r.organisation_id
             WHERE @AfterAt::timestamptz IS NULL OR (r.since, r.item_id) > (@AfterAt, @AfterId)
             ORDER BY r.since, r.item_id
             LIMIT @Take;
            """;

        private sealed class Row
        {
            public string Kind { get; init; } = "";
            public Guid IdeaId { get; init; }
            public Guid? CommentId { get; init; }
            public Guid ItemId { get; init; }
            public string IdeaTitle { get; init; } = "";
            public string Excerpt { get; init; } = "";
            public string Status { get; init; } = "";
            public bool AwaitingReview { get; init; }
            public bool Hidden { get; init; }
            public bool HiddenByFlags { get; init; }
            public int OpenFlags { get; init; }
            public DateTime Since { get; init; }
            public string Flags { get; init; } = "[]";
            public Guid? AuthorUserId { get; init; }
            public string? AuthorPerson { get; init; }
            public Guid? AuthorOrgId { get; init; }
            public string? AuthorOrg { get; init; }
            public string? AuthorAvatar { get; init; }
        }

        private sealed record FlagJson(FlagReason Reason, string? Details, DateTime At);

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<Key>(q.Cursor);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            var staff = await ProjectStaff.OfAsync(connection, q.ActorId, q.ProjectId, null, ct);
            if (!staff.Exists)
                throw new NotFoundException("No such project.");
            if (!staff.IsStaff)
                throw new ForbiddenException("Only the project's moderators, its department's heads and admins see its moderation queue.");
            var rows = (
                await connection.QueryAsync<Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            q.ProjectId,
                            AfterAt = after?.At,
                            AfterId = after?.Id,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(DateTime.SpecifyKind(r.Since, DateTimeKind.Utc), r.ItemId));
            return new Response(
                page.Select(r => new Item(
                        r.Kind.ToEnum<ModerationItemKind>(),
                        r.IdeaId,
                        r.CommentId,
                        r.IdeaTitle,
                        RichText.Excerpt(r.Excerpt, 300),
                        r.Status.ToEnum<IdeaStatus>(),
                        AuthorView.From(r.AuthorUserId, r.AuthorPerson, r.AuthorOrgId, r.AuthorOrg, r.AuthorAvatar),
                        r.AwaitingReview,
                        r.Hidden,
                        r.HiddenByFlags,
                        r.OpenFlags,
                        (JsonSerializer.Deserialize<List<FlagJson>>(r.Flags, JsonSerializerOptions.Web) ?? [])
                            .Select(f => new Flag(f.Reason, f.Details, f.At.AsUtc()))
                            .ToList(),
                        r.Since.AsUtc()
                    ))
                    .ToList(),
                next
            );
        }
    }

    /// <summary>The query string: the page.</summary>
    public sealed record QueryString(string? Cursor, int? Limit);

    [EndpointSummary("The project's moderation queue: ideas awaiting pre-moderation, flagged ideas and comments (its staff).")]
    public static ValueTask<Response> Endpoint(
        Guid id,
        [AsParameters] QueryString q,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Query(caller.UserId, id, q.Cursor, q.Limit), ct);
}
