using Participation.Api.Infrastructure.Email;
using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Widgets;

/// <summary>The widgets, newest first, with their snippets (admins, IT and communication managers).</summary>
public static class ListWidgets
{
    public sealed record Query(Guid ActorId, WidgetLinks Links, string? Cursor, int? Limit) : IQuery<Response>;

    public sealed record Response(IReadOnlyList<Widget> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).PageSize();
    }

    internal sealed record Key(DateTime At, Guid Id);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = $"""
            SELECT {Embedding.Columns}
              FROM widgets
             WHERE @AfterAt::timestamptz IS NULL OR (created_at, id) < (@AfterAt, @AfterId)
             ORDER BY created_at DESC, id DESC
             LIMIT @Take;
            """;

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<Key>(q.Cursor);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            await WidgetAccess.RequireStaffAsync(connection, q.ActorId, ct);
            var rows = (
                await connection.QueryAsync<Embedding.Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            AfterAt = after?.At,
                            AfterId = after?.Id,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(r.CreatedAt, r.Id));
            return new Response(page.Select(r => r.ToWidget(q.Links)).ToList(), next);
        }
    }

    /// <summary>The page: a cursor from the previous page, and its size.</summary>
    public sealed record QueryString(string? Cursor, int? Limit);

    [EndpointSummary("The widgets for the city's website, newest first (admins, IT and communication managers).")]
    public static ValueTask<Response> Endpoint(
        [AsParameters] QueryString q,
        Caller caller,
        HttpRequest request,
        CityAddresses addresses,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Query(caller.UserId, WidgetLinks.For(request, addresses), q.Cursor, q.Limit), ct);
}
