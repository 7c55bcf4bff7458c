namespace Participation.Api.Features.Platform;

/// <summary>What every visitor needs to draw the shell: the platform's name and languages, and the map settings.</summary>
public static class GetPlatform
{
    public sealed record Query : IQuery<Response>;

    public sealed record MapSettings(string TileUrl, string Attribution, double Latitude, double Longitude, int Zoom);

    public sealed record Response(string Name, IReadOnlyList<string> Languages, string DefaultLanguage, MapSettings Map);

    public sealed class Handler(NpgsqlDataSource db, Microsoft.Extensions.Options.IOptions<MapOptions> map) : IQueryHandler<Query, Response>
    {
        private const string Sql = "SELECT name, languages FROM platform_settings WHERE id = 1;";

        private sealed class Row
        {
            public string Name { get; init; } = "Participation";
            public string[] Languages { get; init; } = ["fr", "nl", "en"];
        }

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Sql, cancellationToken: ct)) ?? new Row();
            var m = map.Value;
            return new Response(
                row.Name,
                row.Languages,
                row.Languages.FirstOrDefault() ?? "fr",
                new MapSettings(m.TileUrl, m.Attribution, m.Latitude, m.Longitude, m.Zoom)
            );
        }
    }

    [EndpointSummary("The platform's public settings.")]
    public static ValueTask<Response> Endpoint(ISender sender, CancellationToken ct) => sender.Send(new Query(), ct);
}
