namespace Participation.Api.Features.Users;

/// <summary>
/// A person's public profile: the name they show, their avatar and since when they take part. Never the e-mail address.
/// A deleted account ("former participant") has no profile (404). Their public ideas and comments: <see
/// cref="ListPersonContributions"/>.
/// </summary>
public static class GetPerson
{
    public sealed record Query(Guid Id) : IQuery<Response>;

    public sealed record Response(Guid Id, string DisplayName, string? AvatarUrl, DateTimeOffset MemberSince);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = """
            SELECT id, first_name || ' ' || last_name AS display_name, avatar_key, created_at
              FROM users WHERE id = @Id AND deleted_at IS NULL;
            """;

        private sealed record Row(Guid Id, string DisplayName, string? AvatarKey, DateTime CreatedAt);

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Sql, q, cancellationToken: ct))
                ?? throw new NotFoundException("No such person.");
            return new Response(row.Id, row.DisplayName, Avatars.UrlOf(row.AvatarKey), row.CreatedAt.AsUtc());
        }
    }

    [EndpointSummary("A person's public profile: name, avatar and since when they take part (never the e-mail).")]
    public static ValueTask<Response> Endpoint(Guid id, ISender sender, CancellationToken ct) => sender.Send(new Query(id), ct);
}
