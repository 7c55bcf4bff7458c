namespace Participation.Api.Infrastructure.Telemetry;

/// <summary>The <c>Telemetry</c> section (README, "Telemetry").</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The bearer token Prometheus scrapes <c>/metrics</c> with; unset: <c>/metrics</c> answers 404.</summary>
    public string? ScrapeToken { get; set; }

    /// <summary>
    /// The OTLP/HTTP (http/protobuf) collector's base address (traces to /v1/traces, metrics to /v1/metrics); unset:
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; neither: nothing is exported over OTLP.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The share of the traces started here that are kept (0 to 1); a caller's sampled <c>traceparent</c> wins.</summary>
    public double SamplingRatio { get; set; } = 1.0;

    /// <summary>How often the queue gauges' snapshot is refreshed (one statement per refresh and instance).</summary>
    public int QueueRefreshSeconds { get; set; } = 15;

    /// <summary>This instance's <c>service.instance.id</c>; unset: the host name and the process id.</summary>
    public string? InstanceId { get; set; }
}
