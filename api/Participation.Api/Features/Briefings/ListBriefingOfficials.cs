using Participation.Api.Features.Figures;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Briefings;

/// <summary>
/// The elected officials, one row per official and scope (platform or department), by name: whether they opted out of
/// briefings, and their last briefing. Admins only; no e-mail addresses.
/// </summary>
public static class ListBriefingOfficials
{
    public sealed record Query(Guid ActorId, string Language, string? Cursor, int? Limit) : IQuery<Response>;

    /// <param name="Id">The briefing.</param>
    /// <param name="Kind">scheduled or on_demand ("send now").</param>
    /// <param name="From">Its period's first day.</param>
    /// <param name="To">Its period's last day.</param>
    /// <param name="Status">How it ended.</param>
    /// <param name="ProducedAt">When it was produced.</param>
    public sealed record LastBriefing(
        Guid Id,
        BriefingKind Kind,
        DateOnly From,
        DateOnly To,
        BriefingStatus Status,
        DateTimeOffset ProducedAt
    );

    public sealed record Official(Guid Id, string FirstName, string LastName, BriefingScopeView Scope, bool OptedOut, LastBriefing? Last);

    public sealed record Response(IReadOnlyList<Official> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).PageSize();
    }

    internal sealed record Key(string Last, string First, Guid Id, Guid Scope);

    private const string Sql = """
        WITH r AS (
            SELECT DISTINCT user_id, scope_type, department_id,
                   coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid) AS scope_key
              FROM user_roles WHERE role = 'elected_official')
        SELECT u.id, u.first_name, u.last_name, lower(u.last_name) AS sort_last, lower(u.first_name) AS sort_first, r.scope_key,
               r.scope_type, r.department_id AS scope_id,
               CASE WHEN r.scope_type = 'platform' THEN (SELECT name FROM platform_settings LIMIT 1)
                    ELSE coalesce(d.name ->> @Language, d.name ->> 'fr') END AS scope_name,
               coalesce(np.channel, 'email') <> 'email' AS opted_out,
               lb.id AS last_id, lb.kind AS last_kind, lb.period_from AS last_from, lb.period_to AS last_to,
               lb.status AS last_status, lb.produced_at AS last_at
          FROM r
          JOIN users u ON u.id = r.user_id
          LEFT JOIN departments d ON d.id = r.department_id
          LEFT JOIN notification_preferences np ON np.user_id = u.id AND np.category = 'briefing'
          LEFT JOIN LATERAL (
              SELECT b.id, b.kind, b.period_from, b.period_to, b.status, b.produced_at FROM briefings b
               WHERE b.official_id = r.user_id AND b.scope_type = r.scope_type AND b.scope_id IS NOT DISTINCT FROM r.department_id
                 AND b.status <> 'pending'
               ORDER BY b.produced_at DESC, b.id DESC
               LIMIT 1) lb ON true
         WHERE @AfterId::uuid IS NULL
            OR (lower(u.last_name), lower(u.first_name), u.id, r.scope_key) > (@AfterLast, @AfterFirst, @AfterId, @AfterScope)
         ORDER BY lower(u.last_name), lower(u.first_name), u.id, r.scope_key
         LIMIT @Take;
        """;

    private sealed record Row(
        Guid Id,
        string FirstName,
        string LastName,
        string SortLast,
        string SortFirst,
        Guid ScopeKey,
        string ScopeType,
        Guid? ScopeId,
        string? ScopeName,
        bool OptedOut,
        Guid? LastId,
        string? LastKind,
        DateOnly? LastFrom,
        DateOnly? LastTo,
        string? LastStatus,
        DateTime? LastAt
    );

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<Key>(q.Cursor);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, q.ActorId, null, ct))
                throw new ForbiddenException();
            var rows = (
                await connection.QueryAsync<Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            q.Language,
                            AfterLast = after?.Last,
                            AfterFirst = after?.First,
                            AfterId = after?.Id,
                            AfterScope = after?.Scope,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(r.SortLast, r.SortFirst, r.Id, r.ScopeKey));
            return new Response(
                page.Select(r => new Official(
                        r.Id,
                        r.FirstName,
                        r.LastName,
                        new BriefingScopeView(r.ScopeType.ToEnum<FigureScopeType>(), r.ScopeId, r.ScopeName ?? ""),
                        r.OptedOut,
                        r.LastId is { } id
                            ? new LastBriefing(
                                id,
                                r.LastKind!.ToEnum<BriefingKind>(),
                                r.LastFrom!.Value,
                                r.LastTo!.Value,
                                r.LastStatus!.ToEnum<BriefingStatus>(),
                                r.LastAt!.Value.AsUtc()
                            )
                            : null
                    ))
                    .ToList(),
                next
            );
        }
    }

    /// <summary>The page: a cursor from the previous page, and its size.</summary>
    public sealed record QueryString(string? Cursor, int? Limit);

    [EndpointSummary("The elected officials with their briefing scope, opt-out and last briefing (admins).")]
    public static ValueTask<Response> Endpoint([AsParameters] QueryString q, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, RequestLanguage.Current, q.Cursor, q.Limit), ct);
}
