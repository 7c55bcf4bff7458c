namespace Participation.Api.Features.Users;

/// <summary>A public profile: names only, never the e-mail address.</summary>
public static class GetUser
{
    public sealed record Query(Guid Id) : IQuery<Response>;

    public sealed record Response(Guid Id, string FirstName, string LastName);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = "SELECT id, first_name, last_name FROM users WHERE id = @Id;";

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            return await connection.QuerySingleOrDefaultAsync<Response>(new CommandDefinition(Sql, q, cancellationToken: ct))
                ?? throw new NotFoundException("No such user.");
        }
    }

    [EndpointSummary("A user's public profile (names only).")]
    public static ValueTask<Response> Endpoint(Guid id, ISender sender, CancellationToken ct) => sender.Send(new Query(id), ct);
}
