using System.Text.Json;
using Dapper;
using FluentValidation;
using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Infrastructure.OpenApi;
using Participation.Api.Infrastructure.Pagination;
using Participation.Api.Infrastructure.Validation;

namespace Participation.Api.Features.Notifications;

/// <summary>The caller's notifications, newest first (keyset pages), with the unread count; two statements.</summary>
public static class ListNotifications
{
    public sealed record Query(Guid ActorId, bool UnreadOnly, string? Cursor, int? Limit) : IQuery<Response>;

    public sealed record Notification(long Id, NotificationCategory Category, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, Guid? ProjectId,
        IReadOnlyDictionary<string, string>? ProjectTitle, Guid? IdeaId, string? IdeaTitle, Guid? CommentId, IReadOnlyDictionary<string, string?> Data);

    public sealed record Response(IReadOnlyList<Notification> Items, int Unread, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).PageSize();
    }

    internal sealed record Key(long Id);

    public sealed class Handler(NpgsqlDataSource db) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            SELECT n.id, n.category, n.created_at, n.read_at, n.project_id, p.title::text AS project_title, n.idea_id, i.title AS idea_title,
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
            await using var grid = await connection.QueryMultipleAsync(new CommandDefinition(Sql,
                new { q.ActorId, q.UnreadOnly, After = after?.Id, Take = limit + 1 }, cancellationToken: ct));
            var rows = (await grid.ReadAsync<Row>()).AsList();
            var unread = await grid.ReadSingleAsync<int>();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(r.Id));
            return new Response(page.Select(r => new Notification(r.Id, r.Category.ToEnum<NotificationCategory>(), r.CreatedAt.AsUtc(), r.ReadAt.AsUtc(), r.ProjectId,
                r.ProjectTitle is null ? null : LocalizedText.FromJson(r.ProjectTitle), r.IdeaId, r.IdeaTitle, r.CommentId,
                JsonSerializer.Deserialize<Dictionary<string, string?>>(r.Data) ?? [])).ToList(), unread, next);
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapGet("/", (bool? unreadOnly, string? cursor, int? limit, Caller caller, ISender sender, CancellationToken ct) =>
            sender.Send(new Query(caller.UserId, unreadOnly ?? false, cursor, limit), ct))
        .WithName(nameof(ListNotifications))
        .WithSummary("Your notifications, newest first, with the number unread.")
        .ProducesProblems(400, 401);
}

/// <summary>The number of unread notifications (for the menu badge): one indexed count.</summary>
public static class GetNotificationSummary
{
    public sealed record Query(Guid ActorId) : IQuery<Response>;

    public sealed record Response(int Unread);

    public sealed class Handler(NpgsqlDataSource db) : IQueryHandler<Query, Response>
    {
        private const string Sql = "SELECT count(*)::int FROM notifications WHERE user_id = @ActorId AND read_at IS NULL;";

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            return new Response(await connection.ExecuteScalarAsync<int>(new CommandDefinition(Sql, q, cancellationToken: ct)));
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapGet("/summary", (Caller caller, ISender sender, CancellationToken ct) => sender.Send(new Query(caller.UserId), ct))
        .WithName(nameof(GetNotificationSummary))
        .WithSummary("How many of your notifications are unread.")
        .ProducesProblems(401);
}

/// <summary>Marks some (or all) of the caller's notifications read; others' ids are ignored. Returns the unread count.</summary>
public static class MarkNotificationsRead
{
    public sealed record Request(IReadOnlyList<long>? Ids, bool? All);

    public sealed record Command(Guid ActorId, IReadOnlyList<long>? Ids, bool All) : ICommand<GetNotificationSummary.Response>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Ids).Must((c, ids) => c.All || ids is { Count: > 0 }).WithMessage(_ => Messages.Get("required"));
            RuleFor(c => c.Ids).Must(ids => ids is null || ids.Count <= 100).WithMessage(_ => Messages.Get("at_most_100_ids"));
        }
    }

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command, GetNotificationSummary.Response>
    {
        private const string Sql = """
            UPDATE notifications SET read_at = now()
             WHERE user_id = @ActorId AND read_at IS NULL AND (@All OR id = ANY(@Ids));
            SELECT count(*)::int FROM notifications WHERE user_id = @ActorId AND read_at IS NULL;
            """;

        public async ValueTask<GetNotificationSummary.Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            return new(await connection.ExecuteScalarAsync<int>(new CommandDefinition(Sql,
                new { c.ActorId, c.All, Ids = (c.Ids ?? []).ToArray() }, cancellationToken: ct)));
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPost("/read", (Request body, Caller caller, ISender sender, CancellationToken ct) =>
            sender.Send(new Command(caller.UserId, body.Ids, body.All ?? false), ct))
        .WithName(nameof(MarkNotificationsRead))
        .WithSummary("Mark notifications read: the given ids, or all of them.")
        .ProducesProblems(400, 401);
}
