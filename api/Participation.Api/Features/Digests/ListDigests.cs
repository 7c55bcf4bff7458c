using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Digests;

/// <summary>The digests' log for admins: who was sent (or skipped for) which digest and period, newest first.</summary>
public static class ListDigests
{
    public sealed record Query(Guid ActorId, DigestKind? Kind, string? Cursor, int? Limit) : IQuery<Response>;

    /// <param name="UserName">The person's name (never their address).</param>
    /// <param name="Items">How many ideas, flags or departments' lines it listed.</param>
    public sealed record Entry(
        long Id,
        DigestKind Kind,
        Guid UserId,
        string UserName,
        DateOnly PeriodStart,
        DateOnly PeriodEnd,
        DigestStatus Status,
        int Items,
        DateTimeOffset CreatedAt,
        DateTimeOffset? SentAt
    );

    public sealed record Response(IReadOnlyList<Entry> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).PageSize();
            RuleFor(q => q.Kind).IsInEnum().WithName("kind");
        }
    }

    internal sealed record Key(long Id);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            SELECT d.id, d.kind, d.user_id, u.first_name || ' ' || u.last_name AS user_name, d.period_start, d.period_end,
                   d.status, d.items, d.created_at, d.sent_at
              FROM digests d JOIN users u ON u.id = d.user_id
             WHERE (@Kind::text IS NULL OR d.kind = @Kind) AND (@After::bigint IS NULL OR d.id < @After)
             ORDER BY d.id DESC
             LIMIT @Take;
            """;

        private sealed record Row(
            long Id,
            string Kind,
            Guid UserId,
            string UserName,
            DateOnly PeriodStart,
            DateOnly PeriodEnd,
            string Status,
            int Items,
            DateTime CreatedAt,
            DateTime? SentAt
        );

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<Key>(q.Cursor, k => k.Id > 0);
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
                            Kind = q.Kind?.ToWire(),
                            After = after?.Id,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(r.Id));
            return new Response(
                page.Select(r => new Entry(
                        r.Id,
                        r.Kind.ToEnum<DigestKind>(),
                        r.UserId,
                        r.UserName,
                        r.PeriodStart,
                        r.PeriodEnd,
                        r.Status.ToEnum<DigestStatus>(),
                        r.Items,
                        r.CreatedAt.AsUtc(),
                        r.SentAt?.AsUtc()
                    ))
                    .ToList(),
                next
            );
        }
    }

    /// <summary>The query string: the kind (optional), a cursor from the previous page, and its size.</summary>
    public sealed record QueryString([property: QueryEnum<DigestKind>] string? Kind, string? Cursor, int? Limit);

    [EndpointSummary("The digests' log (admins): who was sent or skipped for which digest and period, newest first.")]
    public static ValueTask<Response> Endpoint([AsParameters] QueryString q, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, WireEnum.FromQuery<DigestKind>(q.Kind), q.Cursor, q.Limit), ct);
}
