using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry: traces and metrics of ASP.NET Core, Npgsql, HttpClient, the runtime and every <c>Participation.*</c>
/// source and meter (the jobs, the queues, the replica lag), exported over OTLP/HTTP when a collector is configured and
/// as a Prometheus scrape endpoint when a scrape token is; neither configured: no provider at all (nothing recorded).
/// Log lines carry the trace and span ids whatever is configured.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "participation-api";
    public const string ScrapePath = "/metrics";

    private static readonly string Version = typeof(TelemetrySetup)
        .Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
        ?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TelemetryOptions.Section);
        services.Configure<TelemetryOptions>(section);
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();

        // Every log line (the JSON console's scopes) carries the trace and span of the request or job it was written in.
        services.Configure<LoggerFactoryOptions>(o =>
            o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId
        );

        var otlp = OtlpEndpoint(options, configuration);
        var scrape = !string.IsNullOrWhiteSpace(options.ScrapeToken);
        if (otlp is null && !scrape)
            return services;

        services.AddSingleton<QueueSnapshot>();
        services.AddSingleton<QueueSnapshotJob>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<QueueSnapshotJob>());

        var instance = string.IsNullOrWhiteSpace(options.InstanceId)
            ? $"{Environment.MachineName}-{Environment.ProcessId}"
            : options.InstanceId;
        var telemetry = services
            .AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: Version, serviceInstanceId: instance));
        telemetry.WithMetrics(metrics =>
        {
            metrics
                .AddMeter("Participation.*")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation();
            if (scrape)
                metrics.AddPrometheusExporter(o => o.ScrapeEndpointPath = ScrapePath);
            if (otlp is not null)
                metrics.AddOtlpExporter(o => Otlp(o, otlp, "v1/metrics"));
        });
        // Spans only when they go somewhere: without a collector, no listener, so Npgsql and HttpClient start none.
        if (otlp is not null)
            telemetry.WithTracing(tracing =>
                tracing
                    .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(Math.Clamp(options.SamplingRatio, 0, 1))))
                    .AddSource("Participation.*")
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsOperational(http.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddOtlpExporter(o => Otlp(o, otlp, "v1/traces"))
            );
        return services;
    }

    /// <summary>
    /// <c>/metrics</c>, outside the API's contract (not in openapi.json) and outside its authentication: Prometheus's
    /// bearer token (<see cref="ScrapeGuard"/>) or 401; no token configured: 404, as if it did not exist.
    /// </summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        var token = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.ScrapeToken;
        var endpoint = string.IsNullOrWhiteSpace(token)
            ? app.Map(ScrapePath, (RequestDelegate)NotExposed)
            : app.MapPrometheusScrapingEndpoint(ScrapePath, null, branch => branch.Use(new ScrapeGuard(token).Check), null);
        endpoint.AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The W3C trace id of the request (the caller's, when it sent a <c>traceparent</c>): what problem+json calls
    /// <c>traceId</c> and what the log lines and spans of that request carry.
    /// </summary>
    public static string TraceId(HttpContext http) =>
        (http.Features.Get<IHttpActivityFeature>()?.Activity ?? Activity.Current) is { IdFormat: ActivityIdFormat.W3C } activity
            ? activity.TraceId.ToHexString()
            : http.TraceIdentifier;

    private static Task NotExposed(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static bool IsOperational(PathString path) =>
        path.StartsWithSegments(ScrapePath, StringComparison.Ordinal) || path.StartsWithSegments("/health", StringComparison.Ordinal);

    private static string? OtlpEndpoint(TelemetryOptions options, IConfiguration configuration)
    {
        var endpoint = string.IsNullOrWhiteSpace(options.OtlpEndpoint)
            ? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]
            : options.OtlpEndpoint;
        return string.IsNullOrWhiteSpace(endpoint) ? null : endpoint.TrimEnd('/') + "/";
    }

    private static void Otlp(OtlpExporterOptions o, string endpoint, string signal)
    {
        o.Protocol = OtlpExportProtocol.HttpProtobuf;
        o.Endpoint = new Uri(endpoint + signal);
    }
}
