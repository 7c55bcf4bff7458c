using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Campaigns;

/// <summary>The campaigns, newest first, with their status and delivery figures (communication managers and admins).</summary>
public static class ListCampaigns
{
    public sealed record Query(Guid ActorId, string? Cursor, int? Limit) : IQuery<Response>;

    public sealed record Response(IReadOnlyList<Campaign> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).PageSize();
    }

    internal sealed record Key(DateTime At, Guid Id);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = $"""
            {CampaignRows.Select}
             WHERE @AfterAt::timestamptz IS NULL OR (c.created_at, c.id) < (@AfterAt, @AfterId)
             ORDER BY c.created_at DESC, c.id DESC
             LIMIT @Take;
            """;

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<Key>(q.Cursor);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            await CampaignAccess.RequireAsync(connection, q.ActorId, ct);
            var rows = (
                await connection.QueryAsync<CampaignRows.Row>(
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
            return new Response(page.Select(r => r.ToCampaign()).ToList(), next);
        }
    }

    /// <summary>The page: a cursor from the previous page, and its size.</summary>
    public sealed record QueryString(string? Cursor, int? Limit);

    [EndpointSummary("The campaigns, newest first, with status and delivery figures (communication managers and admins).")]
    public static ValueTask<Response> Endpoint([AsParameters] QueryString q, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, q.Cursor, q.Limit), ct);
}
