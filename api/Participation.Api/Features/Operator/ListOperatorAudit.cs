using System.Text.Json;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Operator;

/// <summary>What the vendor's people did, newest first (keyset pagination), for every city or one.</summary>
public static class ListOperatorAudit
{
    public sealed record Query(Guid? CityId, string? Cursor, int? Limit) : IQuery<Response>;

    /// <summary>The operator who acted (null for the command line).</summary>
    public sealed record Actor(Guid Id, string Email, string DisplayName);

    public sealed record City(Guid Id, string Name);

    /// <param name="Details">What changed (e.g. the addresses before and after), as written with the change.</param>
    public sealed record Entry(Guid Id, DateTimeOffset At, string Action, Actor? Operator, City? City, JsonElement Details);

    /// <param name="NextCursor">The cursor of the next page, or null on the last one.</param>
    public sealed record Response(IReadOnlyList<Entry> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).PageSize();
    }

    internal sealed record Key(DateTimeOffset At, Guid Id);

    public sealed class Handler(PlatformDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            SELECT a.id, a.at, a.action, a.details::text AS details, o.id AS operator_id, o.email AS operator_email,
                   o.display_name AS operator_name, c.id AS city_id, c.name AS city_name
              FROM operator_audit a
              LEFT JOIN operators o ON o.id = a.operator_id
              LEFT JOIN cities c ON c.id = a.city_id
             WHERE (@CityId::uuid IS NULL OR a.city_id = @CityId)
               AND (@AfterAt::timestamptz IS NULL OR (a.at, a.id) < (@AfterAt, @AfterId))
             ORDER BY a.at DESC, a.id DESC
             LIMIT @Take;
            """;

        private sealed record Row(
            Guid Id,
            DateTime At,
            string Action,
            string Details,
            Guid? OperatorId,
            string? OperatorEmail,
            string? OperatorName,
            Guid? CityId,
            string? CityName
        );

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<Key>(q.Cursor);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            var rows = (
                await connection.QueryAsync<Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            q.CityId,
                            AfterAt = after?.At,
                            AfterId = after?.Id,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(new DateTimeOffset(r.At, TimeSpan.Zero), r.Id));
            return new Response(
                page.Select(r => new Entry(
                        r.Id,
                        new DateTimeOffset(r.At, TimeSpan.Zero),
                        r.Action,
                        r.OperatorId is { } o ? new Actor(o, r.OperatorEmail!, r.OperatorName!) : null,
                        r.CityId is { } c ? new City(c, r.CityName!) : null,
                        JsonDocument.Parse(r.Details).RootElement.Clone()
                    ))
                    .ToList(),
                next
            );
        }
    }

    [EndpointSummary("What the vendor's people did, newest first; for one city with cityId.")]
    public static ValueTask<Response> Endpoint(Guid? cityId, string? cursor, int? limit, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(cityId, cursor, limit), ct);
}
