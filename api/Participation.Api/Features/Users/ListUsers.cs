using System.Text.Json;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Users;

/// <summary>User management for admins: search by name or e-mail, filter by role, alphabetical keyset pages.</summary>
public static class ListUsers
{
    public sealed record Query(Guid ActorId, string? Search, Role? Role, string? Cursor, int? Limit) : IQuery<Response>;

    public sealed record RoleGrant(Guid Id, Role Role, ScopeType ScopeType, Guid? ScopeId);

    public sealed record User(
        Guid Id,
        string FirstName,
        string LastName,
        string Email,
        bool EmailConfirmed,
        IReadOnlyList<RoleGrant> Roles,
        DateTimeOffset CreatedAt,
        DateTimeOffset? BlockedUntil,
        string? BlockReason
    );

    public sealed record Response(IReadOnlyList<User> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Search!).MaximumLength(100).SingleLine().When(q => q.Search is not null);
            RuleFor(q => q.Role).IsInEnum().WithMessage(_ => Messages.Get("unknown_role"));
            RuleFor(q => q.Limit).PageSize();
        }
    }

    internal sealed record Key(string L, string F, Guid Id);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        // One statement whatever the page size: roles come aggregated per user.
        private const string Sql = """
            SELECT u.id, u.first_name, u.last_name, u.email, u.email_confirmed_at IS NOT NULL AS email_confirmed, u.created_at,
                   lower(u.last_name) AS l, lower(u.first_name) AS f, b.until AS blocked_until, b.reason AS block_reason,
                   coalesce((SELECT json_agg(json_build_object('id', r.id, 'role', r.role, 'scopeType', r.scope_type, 'scopeId', r.scope_id)
                                             ORDER BY r.role, r.scope_id)
                               FROM user_roles r WHERE r.user_id = u.id), '[]')::text AS roles
              FROM users u
              LEFT JOIN user_blocks b ON b.user_id = u.id AND b.until > now()
             WHERE (@Search::text IS NULL OR users_search_text(u.email, u.first_name, u.last_name) ILIKE '%' || @Search || '%')
               AND (@Role::text IS NULL OR EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = @Role))
               AND (@AfterL::text IS NULL OR (lower(u.last_name), lower(u.first_name), u.id) > (@AfterL, @AfterF, @AfterId))
             ORDER BY lower(u.last_name), lower(u.first_name), u.id
             LIMIT @Take;
            """;

        private sealed record Row(
            Guid Id,
            string FirstName,
            string LastName,
            string Email,
            bool EmailConfirmed,
            DateTime CreatedAt,
            string L,
            string F,
            DateTime? BlockedUntil,
            string? BlockReason,
            string Roles
        );

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<Key>(q.Cursor);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, q.ActorId, null, ct))
                throw new ForbiddenException();
            var search = string.IsNullOrWhiteSpace(q.Search) ? null : TextRules.EscapeLike(q.Search.Trim());
            var rows = (
                await connection.QueryAsync<Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            Search = search,
                            Role = q.Role.ToWire(),
                            AfterL = after?.L,
                            AfterF = after?.F,
                            AfterId = after?.Id,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(r.L, r.F, r.Id));
            return new Response(
                page.Select(r => new User(
                        r.Id,
                        r.FirstName,
                        r.LastName,
                        r.Email,
                        r.EmailConfirmed,
                        JsonSerializer.Deserialize<List<RoleGrant>>(r.Roles, JsonSerializerOptions.Web)!,
                        r.CreatedAt.AsUtc(),
                        r.BlockedUntil.AsUtc(),
                        r.BlockReason
                    ))
                    .ToList(),
                next
            );
        }
    }

    /// <summary>The query string: search, role filter and the page.</summary>
    public sealed record QueryString(string? Search, [property: QueryEnum<Role>] string? Role, string? Cursor, int? Limit);

    [EndpointSummary("Users with their e-mail and roles (admin); search by name or e-mail, filter by role.")]
    public static ValueTask<Response> Endpoint([AsParameters] QueryString q, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, q.Search, WireEnum.FromQuery<Role>(q.Role), q.Cursor, q.Limit), ct);
}
