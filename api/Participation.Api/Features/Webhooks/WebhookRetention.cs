using Microsoft.Extensions.Options;
using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Features.Webhooks;

/// <summary>Empties the delivery log of finished deliveries older than the retention (30 days by default), a batch at a time.</summary>
public sealed class WebhookRetention(CityDb db, IOptions<WebhookOptions> options) : IPeriodicJob
{
    private const string Sql = """
        WITH due AS MATERIALIZED (SELECT id FROM webhook_deliveries
                                   WHERE status <> 'pending' AND created_at < now() - make_interval(days => @Days)
                                   LIMIT 1000 FOR UPDATE SKIP LOCKED)
        DELETE FROM webhook_deliveries d USING due WHERE d.id = due.id;
        """;

    public string Name => "webhook delivery log retention";

    public TimeSpan Interval(JobOptions o) => TimeSpan.FromHours(1);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Sql, new { Days = options.Value.RetentionDays }, cancellationToken: ct));
    }
}
