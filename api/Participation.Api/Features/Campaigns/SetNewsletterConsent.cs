using System.Text.Json.Serialization;
using Participation.Api.Features.Consents;
using Participation.Api.Features.Events;

namespace Participation.Api.Features.Campaigns;

/// <summary>A resident gives or withdraws their newsletter consent (dated; each change is an event).</summary>
public static class SetNewsletterConsent
{
    public sealed record Request([property: JsonRequired] bool Consented);

    public sealed record Command(Guid ActorId, bool Consented) : ICommand<NewsletterConsent>;

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, NewsletterConsent>
    {
        public async ValueTask<NewsletterConsent> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await NewsletterConsents.SetAsync(tx, events, c.ActorId, c.Consented, ConsentSource.Preferences, Actor.User(c.ActorId), ct);
            var consent = await NewsletterConsents.ReadAsync(connection, tx, c.ActorId, ct);
            await tx.CommitAsync(ct);
            return consent;
        }
    }

    [EndpointSummary("Give or withdraw your consent to receive the platform's newsletter (campaigns).")]
    public static ValueTask<NewsletterConsent> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, body.Consented), ct);
}
