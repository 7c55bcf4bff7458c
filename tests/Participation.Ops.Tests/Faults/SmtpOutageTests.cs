using Dapper;
using Participation.Ops.Tests.Cluster;
using Participation.Ops.Tests.Infrastructure;
using Participation.Tests.Shared;

namespace Participation.Ops.Tests.Faults;

/// <summary>
/// The SMTP server down for a while, under two instances sending from the same outbox: the messages queued meanwhile
/// fail, are retried on the outbox's schedule, and once the server is back each is delivered exactly once.
/// </summary>
public sealed class SmtpOutageTests
{
    private const int People = 6;

    [Fact]
    public async Task While_smtp_is_down_the_outbox_retries_and_once_it_is_back_delivers_every_message_exactly_once()
    {
        // The port the instances send to: free now, nothing listens on it until phase 2 (connections are refused).
        var smtpPort = SmtpSink.FreePort();
        await using var api = await TwoInstances.StartAsync(
            "smtp_outage",
            new Dictionary<string, string?>
            {
                ["Email__SmtpHost"] = "127.0.0.1",
                ["Email__SmtpPort"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Email__SmtpSecurity"] = "None",
                ["Email__PollSeconds"] = "1",
                ["Email__BatchSize"] = "2", // small batches: both instances take turns at claiming
                ["RateLimits__AuthPermits"] = "100",
            }
        );
        await using var connection = api.Connect();

        // Phase 1: people sign up through both instances; each confirmation e-mail is queued, and fails to go out.
        var emails = new List<string>();
        for (var i = 0; i < People; i++)
            emails.Add(await ClusterHttp.RegisterAsync(api.Both[i % 2].Client, $"smtp-down-{i}"));
        await api.UntilAsync(
            async () =>
                await connection.ExecuteScalarAsync<long>(
                    """
                    SELECT count(*) FROM email_outbox
                     WHERE to_address = ANY(@emails) AND status = 'queued' AND attempts >= 1 AND last_error IS NOT NULL
                       AND next_attempt_at > now() AND locked_until IS NULL
                    """,
                    new { emails }
                ) == People,
            "every queued e-mail failed once, its retry scheduled"
        );
        var rows = (await connection.QueryAsync<(long Id, string To)>("SELECT id, to_address FROM email_outbox ORDER BY id")).ToList();
        Assert.Equal(emails.Order(), rows.Select(r => r.To).Order()); // nothing but the confirmations was queued

        // Phase 2: the SMTP server is back on that port; the retries deliver.
        await using var smtp = new SmtpSink(smtpPort);
        await api.UntilAsync(
            async () => await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE status = 'sent'") == People,
            "every e-mail sent after the server came back"
        );
        await api.SeveralPollsAsync(); // both instances have polled again since: a second sending would show

        // Each message (its Message-Id names the outbox row) reached the server once, to its recipient.
        var received = smtp.Received.ToList();
        var expected = rows.Select(r => ($"outbox-{r.Id}@participation.local", r.To)).Order().ToList();
        Assert.Equal(expected, received.Select(m => (m.MessageId ?? "", m.To.Mailboxes.Single().Address)).Order().ToList());
        var final = (
            await connection.QueryAsync<(long Id, string Status, int Attempts, bool Sent, string? Error)>(
                "SELECT id, status, attempts, sent_at IS NOT NULL, last_error FROM email_outbox ORDER BY id"
            )
        ).ToList();
        Assert.All(final, r =>
        {
            Assert.Equal("sent", r.Status);
            Assert.True(r.Sent);
            Assert.Null(r.Error);
            Assert.True(r.Attempts > 1, $"e-mail {r.Id}: {r.Attempts} attempt(s), yet it failed while the server was down");
        });
        Assert.False(api.A.HasExited);
        Assert.False(api.B.HasExited);
    }
}
