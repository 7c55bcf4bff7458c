using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Widgets;

/// <summary>One widget with its snippets (admins, IT and communication managers).</summary>
public static class GetWidget
{
    public sealed record Query(Guid ActorId, Guid Id, WidgetLinks Links) : IQuery<Widget>;

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Widget>
    {
        private const string Sql = $"SELECT {Embedding.Columns} FROM widgets WHERE id = @Id;";

        public async ValueTask<Widget> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await WidgetAccess.RequireStaffAsync(connection, q.ActorId, ct);
            var row = await connection.QuerySingleOrDefaultAsync<Embedding.Row>(
                new CommandDefinition(Sql, new { q.Id }, cancellationToken: ct)
            ) ?? throw new NotFoundException();
            return row.ToWidget(q.Links);
        }
    }

    [EndpointSummary("A widget with its embed address and snippets (admins, IT and communication managers).")]
    public static ValueTask<Widget> Endpoint(
        Guid id,
        Caller caller,
        HttpRequest request,
        CityAddresses addresses,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Query(caller.UserId, id, WidgetLinks.For(request, addresses)), ct);
}
