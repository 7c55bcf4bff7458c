using Participation.Api.Features.Events;

namespace Participation.Api.Features.Webhooks;

/// <summary>Turns a subscription off by hand (maintenance of the receiver): nothing is sent until it is enabled again.</summary>
public static class DisableWebhook
{
    public sealed record Command(Caller Caller, Guid Id) : ICommand<Webhook>;

    public sealed class Handler(CityDb db, WebhookDisabling disabling) : ICommandHandler<Command, Webhook>
    {
        public async ValueTask<Webhook> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var owner = await WebhookRules.OwnerAsync(connection, c.Caller, null, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await WebhookReader.ReadOneAsync(connection, c.Id, owner, tx, ct);
            await disabling.DisableAsync(connection, tx, c.Id, WebhookDisabledReason.Manual, ct, Actor.Of(c.Caller));
            var webhook = await WebhookReader.ReadOneAsync(connection, c.Id, null, tx, ct);
            await tx.CommitAsync(ct);
            return webhook;
        }
    }

    [EndpointSummary("Disable a webhook by hand: nothing is sent to it until it is enabled again (the client, admin, IT manager).")]
    public static ValueTask<Webhook> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller, id), ct);
}
