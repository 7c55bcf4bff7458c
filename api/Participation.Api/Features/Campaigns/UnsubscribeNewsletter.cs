using System.Security.Cryptography;
using Participation.Api.Features.Consents;
using Participation.Api.Features.Events;

namespace Participation.Api.Features.Campaigns;

/// <summary>
/// One-click unsubscribe from campaigns (RFC 8058): the token of a campaign e-mail (random, stored hashed with its
/// recipient) withdraws its person's newsletter consent. Mail clients POST here with <c>List-Unsubscribe=One-Click</c>;
/// the web app's page POSTs the token from its URL fragment. Repeating it changes nothing.
/// </summary>
public static class UnsubscribeNewsletter
{
    public sealed record Command(string? Token) : ICommand<Response>;

    public sealed record Response(bool Consented);

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Response>
    {
        private const string Sql = "SELECT user_id FROM campaign_recipients WHERE token_hash = @Hash;";

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            if (c.Token is not { Length: 64 } token || !token.All(char.IsAsciiHexDigitLower))
                throw new GoneException();
            var hash = SHA256.HashData(Convert.FromHexString(token));
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var userId = await connection.ExecuteScalarAsync<Guid?>(
                new CommandDefinition(Sql, new { Hash = hash }, tx, cancellationToken: ct)
            ) ?? throw new GoneException();
            await NewsletterConsents.SetAsync(tx, events, userId, false, ConsentSource.UnsubscribeLink, Actor.User(userId), ct);
            await tx.CommitAsync(ct);
            return new Response(false);
        }
    }

    [EndpointSummary("One-click unsubscribe from the newsletter with the token of a campaign e-mail (RFC 8058).")]
    public static ValueTask<Response> Endpoint(string? token, ISender sender, CancellationToken ct) => sender.Send(new Command(token), ct);
}
