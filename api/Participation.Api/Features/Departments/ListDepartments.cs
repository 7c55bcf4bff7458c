namespace Participation.Api.Features.Departments;

/// <summary>Every department, by French name (a municipality has tens, not thousands). Public: names only.</summary>
public static class ListDepartments
{
    public sealed record Query : IQuery<Response>;

    public sealed record Department(Guid Id, IReadOnlyDictionary<string, string> Name);

    public sealed record Response(IReadOnlyList<Department> Items);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = "SELECT id, name::text AS name FROM departments ORDER BY lower(name ->> 'fr'), id LIMIT 1000;";

        private sealed record Row(Guid Id, string Name);

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, cancellationToken: ct));
            return new Response(rows.Select(r => new Department(r.Id, LocalizedText.FromJson(r.Name))).ToList());
        }
    }

    [EndpointSummary("The departments of the administration (names only).")]
    public static ValueTask<Response> Endpoint(ISender sender, CancellationToken ct) => sender.Send(new Query(), ct);
}
