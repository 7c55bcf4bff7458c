using Microsoft.Extensions.Options;
using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Webhooks;

/// <summary>
/// An API client (webhooks:manage) subscribes one of its endpoints to event types; admins and the IT manager do it for
/// any client (clientId). The answer carries the signing secret, shown this once.
/// </summary>
public static class CreateWebhook
{
    /// <param name="ClientId">The client the webhook belongs to: required from staff, ignored from a client (its own).</param>
    /// <param name="Url">The receiver: https:// and a public address.</param>
    /// <param name="EventTypes">Change feed event types the client's scopes can read (projects:read, ideas:read).</param>
    public sealed record Request(Guid? ClientId, string Url, IReadOnlyList<EventType>? EventTypes, string? Description);

    public sealed record Command(Caller Caller, Guid? ClientId, string Url, IReadOnlyList<EventType>? EventTypes, string? Description)
        : ICommand<WebhookWithSecret>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Url).WebhookUrl();
            RuleFor(c => c.EventTypes).WebhookEventTypes();
            RuleFor(c => c.Description).PlainText(WebhookRules.DescriptionMax);
        }
    }

    public sealed class Handler(
        CityDb db,
        EventRecorder events,
        OutboundHttp outbound,
        IOptions<OutboundOptions> outboundOptions,
        IOptions<WebhookOptions> options
    ) : ICommandHandler<Command, WebhookWithSecret>
    {
        private const string ClientSql = """
            SELECT scopes FROM api_clients WHERE id = @ClientId AND revoked_at IS NULL FOR UPDATE;
            SELECT count(*) FROM webhook_subscriptions WHERE client_id = @ClientId;
            """;

        private const string InsertSql = """
            INSERT INTO webhook_subscriptions (id, client_id, url, event_types, description, secret, created_by)
            VALUES (@Id, @ClientId, @Url, @EventTypes, @Description, @Secret, @CreatedBy);
            """;

        public async ValueTask<WebhookWithSecret> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var owner = await WebhookRules.OwnerAsync(connection, c.Caller, null, ct);
            var clientId = owner ?? c.ClientId ?? throw WebhookRules.Invalid("clientId", Messages.Get("webhook_client_required"));
            var url = await WebhookRules.CheckUrlAsync(c.Url, outbound, outboundOptions.Value, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            string[]? scopes;
            long count;
            await using (
                var results = await connection.QueryMultipleAsync(
                    new CommandDefinition(ClientSql, new { ClientId = clientId }, tx, cancellationToken: ct)
                )
            )
            {
                scopes = await results.ReadSingleOrDefaultAsync<string[]>();
                count = await results.ReadSingleAsync<long>();
            }
            if (scopes is null)
                throw WebhookRules.Invalid("clientId", Messages.Get("webhook_client_unknown"));
            var types = WebhookRules.CheckEventTypes(c.EventTypes!, scopes);
            if (count >= options.Value.MaxSubscriptionsPerClient)
                throw new ConflictException(Messages.Get("webhook_limit", options.Value.MaxSubscriptionsPerClient));
            var id = Guid.CreateVersion7();
            var secret = WebhookRules.NewSecret();
            var description = c.Description?.Trim() ?? "";
            await connection.ExecuteAsync(
                new CommandDefinition(
                    InsertSql,
                    new
                    {
                        Id = id,
                        ClientId = clientId,
                        Url = url,
                        EventTypes = types,
                        Description = description,
                        Secret = secret,
                        CreatedBy = c.Caller.UserIdOrNull,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            await events.RecordAsync(
                tx,
                EventType.WebhookCreated,
                Actor.Of(c.Caller),
                id,
                Scope.Platform,
                after: new
                {
                    url,
                    eventTypes = types,
                    description,
                },
                data: new { clientId, url },
                ct: ct
            );
            var webhook = await WebhookReader.ReadOneAsync(connection, id, null, tx, ct);
            await tx.CommitAsync(ct);
            return new WebhookWithSecret(webhook, secret);
        }
    }

    [EndpointSummary(
        "Subscribe an endpoint to event types; the answer carries the signing secret, shown once (the client, admin, IT manager)."
    )]
    public static async Task<Created<WebhookWithSecret>> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new Command(caller, body.ClientId, body.Url, body.EventTypes, body.Description), ct);
        return TypedResults.Created($"/api/v1/webhooks/{created.Webhook.Id}", created);
    }
}
