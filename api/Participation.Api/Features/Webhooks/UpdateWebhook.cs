using Microsoft.Extensions.Options;
using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Webhooks;

/// <summary>Changes a subscription's URL (checked again), event types or description; records what changed.</summary>
public static class UpdateWebhook
{
    public sealed record Request(string Url, IReadOnlyList<EventType>? EventTypes, string? Description);

    public sealed record Command(Caller Caller, Guid Id, string Url, IReadOnlyList<EventType>? EventTypes, string? Description)
        : ICommand<Webhook>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Url).WebhookUrl();
            RuleFor(c => c.EventTypes).WebhookEventTypes();
            RuleFor(c => c.Description).PlainText(WebhookRules.DescriptionMax);
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events, OutboundHttp outbound, IOptions<OutboundOptions> outboundOptions)
        : ICommandHandler<Command, Webhook>
    {
        private const string LockSql = """
            SELECT s.client_id, s.url, s.event_types, s.description, c.scopes
              FROM webhook_subscriptions s JOIN api_clients c ON c.id = s.client_id
             WHERE s.id = @Id AND (@Owner::uuid IS NULL OR s.client_id = @Owner)
               FOR UPDATE OF s;
            """;

        private const string UpdateSql = """
            UPDATE webhook_subscriptions SET url = @Url, event_types = @EventTypes, description = @Description, updated_at = now()
             WHERE id = @Id;
            """;

        private sealed class Current
        {
            public Guid ClientId { get; init; }
            public string Url { get; init; } = "";
            public string[] EventTypes { get; init; } = [];
            public string Description { get; init; } = "";
            public string[] Scopes { get; init; } = [];
        }

        public async ValueTask<Webhook> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var owner = await WebhookRules.OwnerAsync(connection, c.Caller, null, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var current = await connection.QuerySingleOrDefaultAsync<Current>(
                new CommandDefinition(LockSql, new { c.Id, Owner = owner }, tx, cancellationToken: ct)
            ) ?? throw new NotFoundException();
            var url =
                new Uri(c.Url.Trim(), UriKind.Absolute).AbsoluteUri == current.Url
                    ? current.Url
                    : await WebhookRules.CheckUrlAsync(c.Url, outbound, outboundOptions.Value, ct);
            var types = WebhookRules.CheckEventTypes(c.EventTypes!, current.Scopes);
            var description = c.Description?.Trim() ?? "";
            var diff = Changes.Of(
                ("url", current.Url, url),
                ("eventTypes", current.EventTypes, types),
                ("description", current.Description, description)
            );
            if (diff is not null)
            {
                await connection.ExecuteAsync(
                    new CommandDefinition(
                        UpdateSql,
                        new
                        {
                            c.Id,
                            Url = url,
                            EventTypes = types,
                            Description = description,
                        },
                        tx,
                        cancellationToken: ct
                    )
                );
                await events.RecordAsync(
                    tx,
                    EventType.WebhookEdited,
                    Actor.Of(c.Caller),
                    c.Id,
                    Scope.Platform,
                    diff.Before,
                    diff.After,
                    new { clientId = current.ClientId, url },
                    ct
                );
            }
            var webhook = await WebhookReader.ReadOneAsync(connection, c.Id, null, tx, ct);
            await tx.CommitAsync(ct);
            return webhook;
        }
    }

    [EndpointSummary("Change a webhook's URL, event types or description (the client, admin, IT manager).")]
    public static ValueTask<Webhook> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller, id, body.Url, body.EventTypes, body.Description), ct);
}
