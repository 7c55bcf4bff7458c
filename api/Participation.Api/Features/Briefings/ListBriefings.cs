using System.Text.Json.Serialization;
using Participation.Api.Features.Figures;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Briefings;

/// <summary>Whether a briefing came from the schedule or from an admin's "send now".</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum BriefingKind
{
    Scheduled,
    OnDemand,
}

/// <summary>The log of produced briefings, newest first, optionally of one status (admins).</summary>
public static class ListBriefings
{
    public sealed record Query(Guid ActorId, string Language, BriefingStatus? Status, string? Cursor, int? Limit) : IQuery<Response>;

    /// <param name="Id">The briefing.</param>
    /// <param name="OfficialId">The official it is for.</param>
    /// <param name="FirstName">The official's first name.</param>
    /// <param name="LastName">The official's last name.</param>
    /// <param name="Scope">What it covers.</param>
    /// <param name="Kind">From the schedule or sent now.</param>
    /// <param name="From">The period's first day.</param>
    /// <param name="To">The period's last day.</param>
    /// <param name="Status">sent, skipped_empty, opted_out (pending: being produced).</param>
    /// <param name="CreatedAt">When it was claimed.</param>
    /// <param name="ProducedAt">When it was produced.</param>
    public sealed record Item(
        Guid Id,
        Guid OfficialId,
        string FirstName,
        string LastName,
        BriefingScopeView Scope,
        BriefingKind Kind,
        DateOnly From,
        DateOnly To,
        BriefingStatus Status,
        DateTimeOffset CreatedAt,
        DateTimeOffset? ProducedAt
    );

    public sealed record Response(IReadOnlyList<Item> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).PageSize();
            RuleFor(q => q.Status).IsInEnum().WithName("status").WithMessage(_ => Messages.Get("briefing_status"));
        }
    }

    internal sealed record Key(DateTime At, Guid Id);

    private const string Sql = """
        SELECT b.id, b.official_id, u.first_name, u.last_name, b.scope_type, b.scope_id,
               CASE WHEN b.scope_type = 'platform' THEN (SELECT name FROM platform_settings LIMIT 1)
                    ELSE coalesce(d.name ->> @Language, d.name ->> 'fr') END AS scope_name,
               b.kind, b.period_from, b.period_to, b.status, b.created_at, b.produced_at
          FROM briefings b
          JOIN users u ON u.id = b.official_id
          LEFT JOIN departments d ON d.id = b.scope_id
         WHERE (@Status::text IS NULL OR b.status = @Status)
           AND (@AfterAt::timestamptz IS NULL OR (b.created_at, b.id) < (@AfterAt, @AfterId))
         ORDER BY b.created_at DESC, b.id DESC
         LIMIT @Take;
        """;

    private sealed record Row(
        Guid Id,
        Guid OfficialId,
        string FirstName,
        string LastName,
        string ScopeType,
        Guid? ScopeId,
        string? ScopeName,
        string Kind,
        DateOnly PeriodFrom,
        DateOnly PeriodTo,
        string Status,
        DateTime CreatedAt,
        DateTime? ProducedAt
    );

    public sealed class Handler(StaleReads db) : IQueryHandler<Query, Response>
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
                            Status = q.Status?.ToWire(),
                            AfterAt = after?.At,
                            AfterId = after?.Id,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc), r.Id));
            return new Response(
                page.Select(r => new Item(
                        r.Id,
                        r.OfficialId,
                        r.FirstName,
                        r.LastName,
                        new BriefingScopeView(r.ScopeType.ToEnum<FigureScopeType>(), r.ScopeId, r.ScopeName ?? ""),
                        r.Kind.ToEnum<BriefingKind>(),
                        r.PeriodFrom,
                        r.PeriodTo,
                        r.Status.ToEnum<BriefingStatus>(),
                        r.CreatedAt.AsUtc(),
                        r.ProducedAt.AsUtc()
                    ))
                    .ToList(),
                next
            );
        }
    }

    /// <summary>The filter and the page.</summary>
    public sealed record QueryString([property: QueryEnum<BriefingStatus>] string? Status, string? Cursor, int? Limit);

    [EndpointSummary("The log of produced briefings, newest first, optionally of one status (admins).")]
    public static ValueTask<Response> Endpoint([AsParameters] QueryString q, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, RequestLanguage.Current, WireEnum.FromQuery<BriefingStatus>(q.Status), q.Cursor, q.Limit), ct);
}
