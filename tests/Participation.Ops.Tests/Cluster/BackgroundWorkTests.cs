using Dapper;
using Npgsql;

namespace Participation.Ops.Tests.Cluster;

/// <summary>Background work is claimed in the database: with both instances polling, each e-mail is sent once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BackgroundWorkTests(ClusterFixture cluster)
{
    [Fact]
    public async Task An_e_mail_queued_while_both_instances_run_is_written_once_by_one_of_them()
    {
        using var client = new HttpClient { BaseAddress = cluster.Proxy.BaseAddress };
        var email = await ClusterHttp.RegisterAsync(client, "once");

        // Bounded wait for the outbox row to be sent (both senders poll every second).
        await using var connection = new NpgsqlConnection(cluster.Database);
        string? status = null;
        for (var i = 0; i < 600 && status != "sent"; i++)
        {
            status = await connection.ExecuteScalarAsync<string?>(
                "SELECT status FROM email_outbox WHERE to_address = @email",
                new { email }
            );
            if (status != "sent")
                await Task.Delay(200);
        }
        Assert.Equal("sent", status);

        // Then a few more polls of both instances, so a second sender would have had its chance.
        var after = DateTime.UtcNow;
        await WaitForPollsAsync(connection, after);

        var written = new[] { "a", "b" }
            .SelectMany(i => Directory.Exists(ClusterFixture.MailDirectory(i)) ? Directory.GetFiles(ClusterFixture.MailDirectory(i)) : [])
            .Where(f => File.ReadAllText(f).Contains(email, StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.Single(written);
        var rows = (
            await connection.QueryAsync<(int Attempts, string Status)>(
                "SELECT attempts, status FROM email_outbox WHERE to_address = @email",
                new { email }
            )
        ).ToList();
        Assert.Equal([(1, "sent")], rows);
        Assert.False(cluster.A.HasExited);
        Assert.False(cluster.B.HasExited);
    }

    /// <summary>Waits (bounded) until the database has seen a few seconds pass: both senders have polled since.</summary>
    private static async Task WaitForPollsAsync(NpgsqlConnection connection, DateTime since)
    {
        for (var i = 0; i < 100; i++)
        {
            var now = await connection.ExecuteScalarAsync<DateTime>("SELECT now() AT TIME ZONE 'UTC'");
            if (now - since > TimeSpan.FromSeconds(3))
                return;
            await Task.Delay(100);
        }
    }
}
