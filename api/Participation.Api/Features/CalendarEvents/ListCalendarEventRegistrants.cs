using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.CalendarEvents;

/// <summary>The people registered and waiting, in their order (the event's writers). Names only: an e-mail address
/// appears in no response but the person's own profile and admins' user management (QUALITY.md §2).</summary>
public static class ListCalendarEventRegistrants
{
    public sealed record Query(Guid ActorId, Guid Id, string? Cursor, int? Limit) : IQuery<Response>;

    public sealed record Registrant(Guid UserId, string FirstName, string LastName, RegistrationStatus Status, DateTimeOffset RegisteredAt);

    public sealed record Response(IReadOnlyList<Registrant> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).PageSize();
    }

    internal sealed record Key(int Rank, long Seq);

    private const string AccessSql = $"""
        SELECT {CalendarEventRows.IsPublic} AS public, {CalendarEventRows.CanWrite} AS can_write
          FROM calendar_events e LEFT JOIN projects p ON p.id = e.project_id WHERE e.id = @Id;
        """;

    private const string Sql = """
        SELECT r.user_id, u.first_name, u.last_name, r.status, r.created_at AS registered_at, r.seq,
               CASE r.status WHEN 'registered' THEN 0 ELSE 1 END AS rank
          FROM calendar_event_registrations r JOIN users u ON u.id = r.user_id
         WHERE r.event_id = @Id
           AND (@AfterRank::int IS NULL OR (CASE r.status WHEN 'registered' THEN 0 ELSE 1 END, r.seq) > (@AfterRank, @AfterSeq))
         ORDER BY rank, r.seq
         LIMIT @Take;
        """;

    private sealed record AccessRow(bool Public, bool CanWrite);

    private sealed record Row(Guid UserId, string FirstName, string LastName, string Status, DateTime RegisteredAt, long Seq, int Rank);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<Key>(q.Cursor);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            var access = await connection.QuerySingleOrDefaultAsync<AccessRow>(
                new CommandDefinition(AccessSql, new { q.Id, q.ActorId }, cancellationToken: ct)
            ) ?? throw new NotFoundException("No such event.");
            if (!access.CanWrite)
                throw access.Public ? new ForbiddenException() : new NotFoundException("No such event.");
            var rows = (
                await connection.QueryAsync<Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            q.Id,
                            AfterRank = after?.Rank,
                            AfterSeq = after?.Seq,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(r.Rank, r.Seq));
            return new Response(
                page.Select(r => new Registrant(
                        r.UserId,
                        r.FirstName,
                        r.LastName,
                        r.Status.ToEnum<RegistrationStatus>(),
                        r.RegisteredAt.AsUtc()
                    ))
                    .ToList(),
                next
            );
        }
    }

    public sealed record QueryString(string? Cursor, int? Limit);

    [EndpointSummary("Who registered and who waits, in order (the event's writers); names only.")]
    public static ValueTask<Response> Endpoint(
        Guid id,
        [AsParameters] QueryString q,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Query(caller.UserId, id, q.Cursor, q.Limit), ct);
}
