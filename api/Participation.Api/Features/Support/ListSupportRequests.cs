namespace Participation.Api.Features.Support;

/// <summary>The city's requests to the vendor's support, newest first (the 100 latest), for any staff member.</summary>
public static class ListSupportRequests
{
    public sealed record Query(Guid ActorId) : IQuery<Response>;

    public sealed record Response(IReadOnlyList<SupportRequest> Items);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Staff = "SELECT EXISTS (SELECT 1 FROM user_roles WHERE user_id = @ActorId);";

        private const string Sql = """
            SELECT r.id, r.subject, r.message, r.contact_preference AS contact, r.phone, r.created_at,
                   u.id AS author_id, u.first_name || ' ' || u.last_name AS author_name
              FROM support_requests r
              LEFT JOIN users u ON u.id = r.author_id
             ORDER BY r.created_at DESC, r.id DESC
             LIMIT 100;
            """;

        private sealed record Row(
            Guid Id,
            string Subject,
            string Message,
            string Contact,
            string? Phone,
            DateTime CreatedAt,
            Guid? AuthorId,
            string? AuthorName
        );

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Staff, q, cancellationToken: ct)))
                throw new ForbiddenException();
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, cancellationToken: ct));
            return new Response(
                rows.Select(r => new SupportRequest(
                        r.Id,
                        r.Subject,
                        r.Message,
                        r.Contact.ToEnum<SupportContact>(),
                        r.Phone,
                        r.CreatedAt.AsUtc(),
                        r.AuthorId is { } a ? new SupportRequestAuthor(a, r.AuthorName!) : null
                    ))
                    .ToList()
            );
        }
    }

    [EndpointSummary("The city's requests to the vendor's support (any staff member), newest first.")]
    public static ValueTask<Response> Endpoint(Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId), ct);
}
