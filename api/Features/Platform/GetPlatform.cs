using Dapper;
using Mediator;
using Npgsql;

namespace Participation.Api.Features.Platform;

/// <summary>What every visitor needs to draw the shell: the platform's name and languages.</summary>
public static class GetPlatform
{
    public sealed record Query : IQuery<Response>;

    public sealed record Response(string Name, IReadOnlyList<string> Languages, string DefaultLanguage);

    public sealed class Handler(NpgsqlDataSource db) : IQueryHandler<Query, Response>
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
            var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Sql, cancellationToken: ct))
                ?? new Row();
            return new Response(row.Name, row.Languages, row.Languages.FirstOrDefault() ?? "fr");
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapGet("/", (ISender sender, CancellationToken ct) => sender.Send(new Query(), ct))
        .WithName(nameof(GetPlatform))
        .WithSummary("The platform's public settings.");
}
