using System.Net;
using System.Net.Sockets;
using Participation.Api.Infrastructure.Email;
using Participation.Api.Tests.Infrastructure;
using Participation.Tests.Shared;

namespace Participation.Api.Tests.Email;

/// <summary>An API instance whose background sender delivers to the given SMTP port.</summary>
public sealed class SendingApiFactory : ApiFactory
{
    public SendingApiFactory(int smtpPort, string connectionString, int maxAttempts = 8, int retrySeconds = 5)
    {
        Set("Email:RetrySeconds", retrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("Email:MaxAttempts", maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("Email:SenderEnabled", "true");
        Set("Email:SmtpHost", "127.0.0.1");
        Set("Email:SmtpPort", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("Email:SmtpSecurity", "None");
        Set("Email:PollSeconds", "1");
        Set("Email:BatchSize", "5");
        Set("Database:MigrateOnStartup", "true");
        Set("ConnectionStrings:Participation", connectionString);
    }

    public override Task InitializeAsync() => Task.CompletedTask;
}

public sealed class OutboxDeliveryTests(ApiFactory api) : ApiTest(api)
{
    private async Task EnqueueAsync(int count, string prefix)
    {
        await using var connection = await Api.OpenAsync();
        for (var i = 0; i < count; i++)
            await Outbox.EnqueueAsync(
                connection,
                null,
                new OutgoingEmail(
                    "test",
                    $"{prefix}{i}@example.org",
                    "Test",
                    $"Message {i}",
                    "Hello",
                    "<p>Hello</p>",
                    new Dictionary<string, string> { ["X-Test"] = "yes" }
                ),
                default
            );
    }

    private async Task WaitUntilAsync(Func<Task<bool>> done, int seconds = 30, Func<string>? onTimeout = null)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException("condition not reached" + (onTimeout is null ? "" : ": " + onTimeout()));
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Two_running_instances_deliver_every_queued_email_exactly_once()
    {
        await using var smtp = new SmtpSink();
        await EnqueueAsync(40, "twice-");
        await using var first = new SendingApiFactory(smtp.Port, Api.ConnectionString);
        await using var second = new SendingApiFactory(smtp.Port, Api.ConnectionString);

        _ = first.Services; // start both background senders
        _ = second.Services;
        await WaitUntilAsync(async () => await Api.ScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE status = 'sent'") == 40);
        await Task.Delay(1500); // give a duplicate the chance to show up

        Assert.Equal(40, smtp.Received.Count);
        Assert.Equal(40, smtp.Received.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        Assert.All(smtp.Received, m => Assert.Equal("yes", m.Headers["X-Test"]));
        Assert.Equal(40, await Api.ScalarAsync<long>("SELECT count(*) FROM email_outbox WHERE attempts = 1 AND sent_at IS NOT NULL"));
    }

    [Fact]
    public async Task The_confirmation_email_reaches_the_smtp_server_with_the_link()
    {
        await using var smtp = new SmtpSink();
        await using var sending = new SendingApiFactory(smtp.Port, Api.ConnectionString);

        var response = await sending
            .CreateClient()
            .PostJsonAsync(
                "/api/v1/auth/register",
                new
                {
                    email = "smtp@example.org",
                    password = "a long enough password",
                    firstName = "Zoë <b>",
                    lastName = "S",
                    locale = "en",
                }
            );
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await WaitUntilAsync(() => Task.FromResult(!smtp.Received.IsEmpty));

        var message = Assert.Single(smtp.Received);
        Assert.Equal("Confirm your e-mail address", message.Subject);
        Assert.Contains("https://participation.example/en/confirm-email#token=", message.TextBody);
        Assert.Contains("&lt;b&gt;", message.HtmlBody);
        Assert.DoesNotContain("<b>", message.HtmlBody);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_later_and_marked_failed_after_the_last_attempt()
    {
        await EnqueueAsync(1, "down-");
        int closedPort;
        using (var l = new TcpListener(IPAddress.Loopback, 0))
        {
            l.Start();
            closedPort = ((IPEndPoint)l.LocalEndpoint).Port;
        }
        // The retry waits an hour: the state after the first attempt stays until the test brings the retry forward (with
        // the default 5 s, a loaded machine could run both attempts before the test's first read).
        await using var sending = new SendingApiFactory(closedPort, Api.ConnectionString, maxAttempts: 2, retrySeconds: 3600);
        _ = sending.Services;

        // After the first attempt, queued again for later with its error, seen in one read.
        var seen = new List<string>();
        await WaitUntilAsync(
            async () =>
            {
                var state = await Api.ScalarAsync<string>(
                    """
                    SELECT attempts || ' ' || status || ' locked:' || (locked_until IS NOT NULL) || ' later:' || (next_attempt_at > now())
                           || ' error:' || (last_error IS NOT NULL)
                      FROM email_outbox
                    """
                );
                if (seen.Count == 0 || seen[^1] != state)
                    seen.Add(state);
                return state == "1 queued locked:false later:true error:true";
            },
            onTimeout: () => string.Join(" → ", seen)
        );

        await Api.ScalarAsync<int>("UPDATE email_outbox SET next_attempt_at = now() RETURNING 1");
        await WaitUntilAsync(async () => await Api.ScalarAsync<string>("SELECT status FROM email_outbox") == "failed");
        Assert.Equal(2, await Api.ScalarAsync<int>("SELECT attempts FROM email_outbox"));
    }
}
