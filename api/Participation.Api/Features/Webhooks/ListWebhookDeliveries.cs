using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Webhooks;

/// <summary>A subscription's delivery log, newest first, each delivery with its attempts; filtered by status when asked.</summary>
public static class ListWebhookDeliveries
{
    public sealed record Query(Caller Caller, Guid WebhookId, WebhookDeliveryStatus? Status, string? Cursor, int? Limit) : IQuery<Response>;

    public sealed record Response(IReadOnlyList<WebhookDelivery> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).PageSize();
            RuleFor(q => q.Status)
                .Must(s => s is null || Enum.IsDefined(s.Value))
                .WithMessage(_ => Messages.Get("webhook_delivery_status"));
        }
    }

    internal sealed record Key(DateTime At, Guid Id);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Sql = $"""
            SELECT {WebhookDeliveryReader.Columns}
              FROM webhook_deliveries d
             WHERE d.subscription_id = @WebhookId
               AND (@Status::text IS NULL OR d.status = @Status)
               AND (@AfterAt::timestamptz IS NULL OR (d.created_at, d.id) < (@AfterAt, @AfterId))
             ORDER BY d.created_at DESC, d.id DESC
             LIMIT @Take;
            """;

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<Key>(q.Cursor);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            var owner = await WebhookRules.OwnerAsync(connection, q.Caller, null, ct);
            await WebhookReader.ReadOneAsync(connection, q.WebhookId, owner, null, ct);
            var rows = (
                await connection.QueryAsync<WebhookDeliveryReader.Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            q.WebhookId,
                            Status = q.Status?.ToWire(),
                            AfterAt = after?.At,
                            AfterId = after?.Id,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(r.CreatedAt, r.Id));
            return new Response(page.Select(r => r.ToDelivery()).ToList(), next);
        }
    }

    /// <summary>The filter and the page: a status, a cursor from the previous page, and its size.</summary>
    public sealed record QueryString(string? Status, string? Cursor, int? Limit);

    [EndpointSummary("A webhook's delivery log, newest first, with each delivery's attempts (the client, admin, IT manager).")]
    public static ValueTask<Response> Endpoint(
        Guid id,
        [AsParameters] QueryString q,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Query(caller, id, WireEnum.FromQuery<WebhookDeliveryStatus>(q.Status), q.Cursor, q.Limit), ct);
}
