using Participation.Ops.Tests.Infrastructure;

namespace Participation.Ops.Tests.Telemetry;

/// <summary>
/// One API process with all of its telemetry on: a scrape token, an OTLP collector (<see cref="FakeOtlpReceiver"/>)
/// exported to every second, the JSON console log of appsettings.json at Information, the queues refreshed every second.
/// </summary>
public sealed class TelemetryInstance : IAsyncLifetime
{
    public const string ScrapeToken = "ops-telemetry-scrape-token";

    public FakeOtlpReceiver Collector { get; } = new();

    public ApiProcess Api { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await OpsDatabase.CreateAsync("participation_ops_telemetry");
        Api = await ApiProcess.StartAsync(
            ConnectionString,
            "telemetry",
            new Dictionary<string, string?>
            {
                ["Telemetry__ScrapeToken"] = ScrapeToken,
                ["Telemetry__QueueRefreshSeconds"] = "1",
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector.Endpoint,
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
                // The production log format (appsettings.json: JSON with scopes) instead of the tests' plain one.
                ["Logging__Console__FormatterName"] = "json",
                ["Logging__LogLevel__Default"] = "Information",
            }
        );
    }

    public async Task DisposeAsync()
    {
        if (Api is not null)
            await Api.DisposeAsync();
        await Collector.DisposeAsync();
    }
}
