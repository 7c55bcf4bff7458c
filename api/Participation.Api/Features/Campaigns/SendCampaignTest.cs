using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Campaigns;

/// <summary>
/// Staff send a campaign to themselves, as its recipients will see it (subject marked [TEST]); test sends are counted
/// apart, never in the delivery figures.
/// </summary>
public static class SendCampaignTest
{
    public sealed record Command(Guid ActorId, Guid Id) : ICommand<Campaign>;

    public sealed class Handler(CityDb db, CampaignEmails emails, EventRecorder events) : ICommandHandler<Command, Campaign>
    {
        private const string Sql = """
            UPDATE campaigns c SET tests_sent = c.tests_sent + 1
              FROM users u
             WHERE c.id = @Id AND u.id = @ActorId
            RETURNING c.subject, c.body_html, c.language, u.email, u.first_name || ' ' || u.last_name AS name;
            """;

        private sealed record Row(string Subject, string BodyHtml, string Language, string Email, string Name);

        public async ValueTask<Campaign> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await CampaignAccess.RequireAsync(connection, c.ActorId, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(Sql, new { c.Id, c.ActorId }, tx, cancellationToken: ct)
            ) ?? throw new NotFoundException();
            var mail = emails.Render(row.Subject, row.BodyHtml, row.Language, test: true);
            // A test has no recipient row: its unsubscribe links lead nowhere ("test").
            await Outbox.EnqueueAsync(
                connection,
                tx,
                new OutgoingEmail(
                    CampaignEmails.TestCategory,
                    row.Email,
                    row.Name,
                    mail.Subject,
                    mail.Text.Replace(mail.Placeholder, "test", StringComparison.Ordinal),
                    mail.Html.Replace(mail.Placeholder, "test", StringComparison.Ordinal)
                ),
                ct
            );
            await events.RecordAsync(
                tx,
                EventType.CampaignTestSent,
                Actor.User(c.ActorId),
                c.Id,
                Scope.Platform,
                data: new { subject = row.Subject },
                ct: ct
            );
            var campaign = await CampaignRows.ReadAsync(connection, tx, c.Id, ct) ?? throw new NotFoundException();
            await tx.CommitAsync(ct);
            return campaign;
        }
    }

    [EndpointSummary("Send the campaign to yourself, marked as a test (communication managers and admins).")]
    public static ValueTask<Campaign> Endpoint(Guid id, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id), ct);
}
