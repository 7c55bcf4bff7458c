using Microsoft.Extensions.Options;
using Participation.Api.Features.Events;

namespace Participation.Api.Features.Webhooks;

/// <summary>
/// A new signing secret, shown once. The previous one keeps signing beside it (a second signature in the header) for
/// the overlap (24 hours unless said otherwise; 0 after a leak), so the receiver switches without rejecting a delivery.
/// </summary>
public static class RotateWebhookSecret
{
    /// <param name="OverlapHours">How long the previous secret keeps signing too: 0 to 168 hours, 24 when not given.</param>
    public sealed record Request(int? OverlapHours);

    public sealed record Command(Caller Caller, Guid Id, int? OverlapHours) : ICommand<WebhookWithSecret>;

    public const int MaxOverlapHours = 168;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.OverlapHours)
                .Must(h => h is null or >= 0 and <= MaxOverlapHours)
                .WithMessage(_ => Messages.Get("api_client_overlap"));
    }

    public sealed class Handler(CityDb db, EventRecorder events, IOptions<WebhookOptions> options)
        : ICommandHandler<Command, WebhookWithSecret>
    {
        private const string Sql = """
            UPDATE webhook_subscriptions
               SET previous_secret = CASE WHEN @Hours > 0 THEN secret END,
                   previous_secret_expires_at = CASE WHEN @Hours > 0 THEN now() + make_interval(hours => @Hours) END,
                   secret = @Secret, updated_at = now()
             WHERE id = @Id AND (@Owner::uuid IS NULL OR client_id = @Owner)
            RETURNING client_id, url;
            """;

        private sealed record Rotated(Guid ClientId, string Url);

        public async ValueTask<WebhookWithSecret> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var owner = await WebhookRules.OwnerAsync(connection, c.Caller, null, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var secret = WebhookRules.NewSecret();
            var hours = c.OverlapHours ?? options.Value.PreviousSecretHours;
            var rotated = await connection.QuerySingleOrDefaultAsync<Rotated>(
                new CommandDefinition(
                    Sql,
                    new
                    {
                        c.Id,
                        Owner = owner,
                        Secret = secret,
                        Hours = hours,
                    },
                    tx,
                    cancellationToken: ct
                )
            ) ?? throw new NotFoundException();
            await events.RecordAsync(
                tx,
                EventType.WebhookSecretRotated,
                Actor.Of(c.Caller),
                c.Id,
                Scope.Platform,
                data: new
                {
                    clientId = rotated.ClientId,
                    url = rotated.Url,
                    overlapHours = hours,
                },
                ct: ct
            );
            var webhook = await WebhookReader.ReadOneAsync(connection, c.Id, null, tx, ct);
            await tx.CommitAsync(ct);
            return new WebhookWithSecret(webhook, secret);
        }
    }

    [EndpointSummary("Give a webhook a new signing secret, shown once; the previous one signs too until the overlap ends.")]
    public static ValueTask<WebhookWithSecret> Endpoint(Guid id, Request? body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller, id, body?.OverlapHours), ct);
}
