namespace Participation.Api.Features.Consents;

/// <summary>The current version of the terms of use (what registering accepts), for everyone.</summary>
public static class GetCurrentTerms
{
    public sealed record Query : IQuery<Response>;

    public sealed record Response(string Version, DateTimeOffset PublishedAt);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = "SELECT version, published_at FROM terms_versions ORDER BY published_at DESC, version DESC LIMIT 1;";

        private sealed record Row(string Version, DateTime PublishedAt);

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(Sql, cancellationToken: ct));
            return new Response(row.Version, row.PublishedAt.AsUtc());
        }
    }

    [EndpointSummary("The current version of the terms of use, and when it was published.")]
    public static ValueTask<Response> Endpoint(ISender sender, CancellationToken ct) => sender.Send(new Query(), ct);
}
