using Participation.Api.Features.Events;

namespace Participation.Api.Features.Webhooks;

/// <summary>Deletes a subscription with its delivery log; nothing more is sent to it.</summary>
public static class DeleteWebhook
{
    public sealed record Command(Caller Caller, Guid Id) : ICommand;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        private const string Sql = """
            DELETE FROM webhook_subscriptions WHERE id = @Id AND (@Owner::uuid IS NULL OR client_id = @Owner)
            RETURNING client_id, url, event_types, description;
            """;

        private sealed class Deleted
        {
            public Guid ClientId { get; init; }
            public string Url { get; init; } = "";
            public string[] EventTypes { get; init; } = [];
            public string Description { get; init; } = "";
        }

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var owner = await WebhookRules.OwnerAsync(connection, c.Caller, null, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var deleted = await connection.QuerySingleOrDefaultAsync<Deleted>(
                new CommandDefinition(Sql, new { c.Id, Owner = owner }, tx, cancellationToken: ct)
            ) ?? throw new NotFoundException();
            await events.RecordAsync(
                tx,
                EventType.WebhookDeleted,
                Actor.Of(c.Caller),
                c.Id,
                Scope.Platform,
                before: new
                {
                    url = deleted.Url,
                    eventTypes = deleted.EventTypes,
                    description = deleted.Description,
                },
                data: new { clientId = deleted.ClientId, url = deleted.Url },
                ct: ct
            );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Delete a webhook and its delivery log (the client, admin, IT manager).")]
    public static async Task<NoContent> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct)
    {
        await sender.Send(new Command(caller, id), ct);
        return TypedResults.NoContent();
    }
}
