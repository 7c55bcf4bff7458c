using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Organisations;

/// <summary>
/// Verified organisations for everyone; pending and rejected ones for admins (the review queue). Closed ones (no member
/// left) are in no list.
/// </summary>
public static class ListOrganisations
{
    public sealed record Query(Guid? ActorId, OrganisationStatus? Status, string? Search, string? Cursor, int? Limit) : IQuery<Response>;

    public sealed record Organisation(
        Guid Id,
        string Name,
        string Description,
        string? Website,
        OrganisationStatus Status,
        int MemberCount,
        DateTimeOffset CreatedAt
    );

    public sealed record Response(IReadOnlyList<Organisation> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).IsInEnum().WithMessage(_ => Messages.Get("one_of_organisation_statuses"));
            RuleFor(q => q.Search).PlainText(100);
            RuleFor(q => q.Limit).PageSize();
        }
    }

    internal sealed record Key(string N, Guid Id);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            SELECT o.id, o.name, o.description, o.website, o.status, o.created_at, lower(o.name) AS n,
                   (SELECT count(*)::int FROM organisation_members m WHERE m.organisation_id = o.id) AS member_count
              FROM organisations o
             WHERE o.status = @Status AND o.closed_at IS NULL
               AND (@Search::text IS NULL OR o.name ILIKE '%' || @Search || '%')
               AND (@AfterN::text IS NULL OR (lower(o.name), o.id) > (@AfterN, @AfterId))
             ORDER BY lower(o.name), o.id
             LIMIT @Take;
            """;

        private sealed record Row(
            Guid Id,
            string Name,
            string Description,
            string? Website,
            string Status,
            DateTime CreatedAt,
            string N,
            int MemberCount
        );

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<Key>(q.Cursor);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            var status = (q.Status ?? OrganisationStatus.Verified).ToWire();
            await using var connection = await db.OpenConnectionAsync(ct);
            if (status != "verified" && (q.ActorId is not { } actor || !await Roles.IsAdminAsync(connection, actor, null, ct)))
                throw q.ActorId is null
                    ? new UnauthorizedException("Log in as an admin to see organisations awaiting review.")
                    : new ForbiddenException();
            var search = string.IsNullOrWhiteSpace(q.Search) ? null : TextRules.EscapeLike(q.Search.Trim());
            var rows = (
                await connection.QueryAsync<Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            Status = status,
                            Search = search,
                            AfterN = after?.N,
                            AfterId = after?.Id,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(r.N, r.Id));
            return new Response(
                page.Select(r => new Organisation(
                        r.Id,
                        r.Name,
                        r.Description,
                        r.Website,
                        r.Status.ToEnum<OrganisationStatus>(),
                        r.MemberCount,
                        r.CreatedAt.AsUtc()
                    ))
                    .ToList(),
                next
            );
        }
    }

    /// <summary>The query string: status filter, search and the page.</summary>
    public sealed record QueryString([property: QueryEnum<OrganisationStatus>] string? Status, string? Search, string? Cursor, int? Limit);

    [EndpointSummary("Organisations by name: verified ones for everyone, pending or rejected ones for admins.")]
    public static ValueTask<Response> Endpoint([AsParameters] QueryString q, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserIdOrNull, WireEnum.FromQuery<OrganisationStatus>(q.Status), q.Search, q.Cursor, q.Limit), ct);
}
