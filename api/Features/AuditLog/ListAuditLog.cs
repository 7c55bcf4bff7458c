using System.Text.Json;
using Dapper;
using FluentValidation;
using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Infrastructure.Errors;
using Participation.Api.Infrastructure.OpenApi;
using Participation.Api.Infrastructure.Pagination;
using Participation.Api.Infrastructure.Validation;

namespace Participation.Api.Features.AuditLog;

/// <summary>Staff actions, newest first: all for admins, their departments' for department heads.</summary>
public static class ListAuditLog
{
    public sealed record Query(Guid ActorId, string? Action, string? TargetType, string? TargetId, Guid? Actor, string? Cursor, int? Limit) : IQuery<Response>;

    public sealed record Person(Guid Id, string FirstName, string LastName);

    public sealed record Entry(long Id, DateTimeOffset OccurredAt, Person? Actor, string Action, string? TargetType, string? TargetId, JsonElement Data);

    public sealed record Response(IReadOnlyList<Entry> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Action).Must(a => a is null || (a.Length <= 60 && a.All(c => char.IsAsciiLetterLower(c) || c is '.' or '_')))
                .WithMessage(_ => Messages.Get("audit_action"));
            RuleFor(q => q.TargetType).Must(t => t is null || (t.Length <= 30 && t.All(char.IsAsciiLetterLower))).WithMessage(_ => Messages.Get("audit_target_type"));
            RuleFor(q => q.TargetId).PlainText(100);
            RuleFor(q => q.Limit).PageSize();
        }
    }

    internal sealed record Key(long Id);

    public sealed class Handler(NpgsqlDataSource db) : IQueryHandler<Query, Response>
    {
        // An action filter ending with '.' is a prefix ("project." = every project action).
        private const string Sql = """
            SELECT a.id, a.occurred_at, a.action, a.target_type, a.target_id, a.data::text AS data,
                   u.id AS actor_id, u.first_name AS actor_first_name, u.last_name AS actor_last_name
              FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
             WHERE (@Admin OR a.department_id = ANY(@Departments))
               AND (@Action::text IS NULL OR a.action = @Action OR (right(@Action, 1) = '.' AND starts_with(a.action, @Action)))
               AND (@TargetType::text IS NULL OR a.target_type = @TargetType)
               AND (@TargetId::text IS NULL OR a.target_id = @TargetId)
               AND (@Actor::uuid IS NULL OR a.actor_id = @Actor)
               AND (@AfterId::bigint IS NULL OR a.id < @AfterId)
             ORDER BY a.id DESC
             LIMIT @Take;
            """;

        private sealed record Row(long Id, DateTime OccurredAt, string Action, string? TargetType, string? TargetId, string Data,
            Guid? ActorId, string? ActorFirstName, string? ActorLastName);

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<Key>(q.Cursor);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            var visibility = await Roles.ReachAsync(connection, q.ActorId, ct);
            if (visibility.None) throw new ForbiddenException();
            var rows = (await connection.QueryAsync<Row>(new CommandDefinition(Sql, new
            {
                visibility.Admin, visibility.Departments, q.Action, q.TargetType, q.TargetId, q.Actor, AfterId = after?.Id, Take = limit + 1,
            }, cancellationToken: ct))).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(r.Id));
            return new Response(page.Select(r => new Entry(r.Id, r.OccurredAt.AsUtc(),
                r.ActorId is { } id ? new Person(id, r.ActorFirstName!, r.ActorLastName!) : null,
                r.Action, r.TargetType, r.TargetId, JsonDocument.Parse(r.Data).RootElement.Clone())).ToList(), next);
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapGet("/", (string? action, string? targetType, string? targetId, Guid? actor, string? cursor, int? limit,
            System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            sender.Send(new Query(user.UserId(), action, targetType, targetId, actor, cursor, limit), ct))
        .WithName(nameof(ListAuditLog))
        .WithSummary("Staff actions, newest first (admins: all; department heads: their departments').")
        .ProducesProblems(400, 401, 403);
}
