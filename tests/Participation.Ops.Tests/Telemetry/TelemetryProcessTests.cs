using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;
using Participation.Ops.Tests.Infrastructure;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Participation.Ops.Tests.Telemetry;

/// <summary>
/// The telemetry of a real API process: the protected scrape and what it holds, the trace id in the JSON log lines,
/// the OTLP export, and the shipped alert rules and dashboard against a real scrape.
/// </summary>
public sealed partial class TelemetryProcessTests(TelemetryInstance instance) : IClassFixture<TelemetryInstance>
{
    private static readonly string MonitoringDir = Path.Combine(Repo.Root, "deploy", "monitoring");

    // Metrics the shipped rules and dashboard may name that no scrape of a lone instance holds: `up` is Prometheus's
    // own, the replica lag is published only by an instance that reads from a replica (the replica part's tests).
    private static readonly string[] NotFromAScrape = ["up", "participation_db_replica_lag_seconds"];

    [Fact]
    public async Task Metrics_answer_401_without_or_with_a_wrong_token_and_200_with_it()
    {
        using var none = await instance.Api.Client.GetAsync("/metrics");
        using var wrong = await ScrapeAsync("not-the-token");
        using var right = await ScrapeAsync(TelemetryInstance.ScrapeToken);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.StartsWith("text/plain", right.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_scrape_holds_the_request_database_job_and_queue_metrics_and_the_queues_follow_the_rows()
    {
        // An e-mail waiting for a retry in an hour: nothing sends it meanwhile, the depth counts it, it is not late.
        await using (var connection = new NpgsqlConnection(instance.ConnectionString))
            await connection.ExecuteAsync(
                "INSERT INTO email_outbox (category, to_address, subject, text_body, next_attempt_at) "
                    + "VALUES ('ops-test', 'a@example.org', 's', 't', now() + interval '1 hour');"
            );
        using (await instance.Api.Client.GetAsync("/api/v1/projects")) { }

        var text = await ScrapeUntilAsync(t =>
            Regex.IsMatch(t, @"participation_queue_depth\{[^}]*queue=""email_outbox""[^}]*\} [1-9]")
            && t.Contains("http_route=\"/api/v1/projects/\"", StringComparison.Ordinal)
            && t.Contains("job_name=\"e-mail outbox\"", StringComparison.Ordinal)
        );

        Assert.Contains("http_server_request_duration_seconds_bucket{", text);
        Assert.Contains("db_client_operation_duration_seconds_bucket{", text);
        Assert.Matches(@"participation_job_run_duration_seconds_count\{[^}]*job_name=""queue snapshot""", text);
        Assert.Matches(@"participation_job_run_duration_seconds_count\{[^}]*job_name=""notification e-mails""", text);
        Assert.Matches(@"participation_job_failures_total\{[^}]*job_name=""webhook deliveries""[^}]*\} 0", text);
        Assert.Matches(@"participation_queue_depth\{[^}]*queue=""email_outbox""[^}]*\} 1\b", text);
        Assert.Matches(@"participation_queue_oldest_age_seconds\{[^}]*queue=""email_outbox""[^}]*\} 0\b", text);
        Assert.Matches(@"participation_queue_depth\{[^}]*queue=""webhook_deliveries""[^}]*\} 0\b", text);
    }

    [Fact]
    public async Task A_log_line_of_a_request_carries_the_trace_id_of_its_traceparent_and_so_does_its_problem()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/projects/{Guid.NewGuid()}");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await instance.Api.Client.SendAsync(request);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(traceId, problem.GetProperty("traceId").GetString());
        // The log is written asynchronously: wait (bounded) for the request's line.
        JsonElement? line = null;
        for (var i = 0; i < 100 && line is null; i++)
        {
            line = LogLines()
                .Where(l =>
                    l.TryGetProperty("Message", out var m)
                    && m.GetString()!.StartsWith("Request finished", StringComparison.Ordinal)
                    && Scopes(l).Any(s => s.TryGetProperty("TraceId", out var t) && t.GetString() == traceId)
                )
                .Select(l => (JsonElement?)l)
                .FirstOrDefault();
            if (line is null)
                await Task.Delay(100);
        }
        Assert.True(line is not null, $"no JSON log line with trace id {traceId} in {instance.Api.LogPath}");
        var scope = Scopes(line.Value).First(s => s.TryGetProperty("TraceId", out _));
        Assert.Matches("^[0-9a-f]{16}$", scope.GetProperty("SpanId").GetString());
    }

    [Fact]
    public async Task Traces_and_metrics_are_posted_over_otlp_http_with_the_service_name()
    {
        using (await instance.Api.Client.GetAsync("/api/v1/projects")) { }

        var name = Encoding.UTF8.GetBytes("participation-api");
        for (var i = 0; i < 300; i++)
        {
            var received = instance.Collector.Received;
            if (
                received.Any(r => r.Path == "/v1/traces" && Contains(r.Body, name))
                && received.Any(r => r.Path == "/v1/metrics" && Contains(r.Body, name))
            )
                break;
            await Task.Delay(100);
        }

        var all = instance.Collector.Received;
        Assert.Contains(all, r => r.Path == "/v1/traces" && Contains(r.Body, name));
        Assert.Contains(all, r => r.Path == "/v1/metrics" && Contains(r.Body, name));
        // The spans of a request: ASP.NET Core's route and Npgsql's statements are in the traces sent.
        var traces = all.Where(r => r.Path == "/v1/traces").SelectMany(r => r.Body).ToArray();
        Assert.True(Contains(traces, Encoding.UTF8.GetBytes("/api/v1/projects/")), "no span of GET /api/v1/projects/");
        Assert.True(Contains(traces, Encoding.UTF8.GetBytes("job queue snapshot")), "no span of a job pass");
    }

    [Fact]
    public async Task Every_metric_the_alert_rules_name_is_in_a_real_scrape()
    {
        var rules = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build()
            .Deserialize<RuleFile>(await File.ReadAllTextAsync(Path.Combine(MonitoringDir, "prometheus-alerts.yml")));
        var expressions = rules.Groups.SelectMany(g => g.Rules).Select(r => r.Expr).ToList();
        Assert.True(expressions.Count >= 5, "the rule file holds too few rules");
        foreach (var wanted in new[] { "participation_queue_oldest_age_seconds", "http_server_request_duration_seconds_bucket" })
            Assert.Contains(expressions, e => e.Contains(wanted, StringComparison.Ordinal));

        await AssertInScrapeAsync(expressions, "prometheus-alerts.yml");
    }

    [Fact]
    public async Task Every_metric_the_dashboard_charts_is_in_a_real_scrape()
    {
        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(MonitoringDir, "grafana-dashboard.json")));
        var expressions = dashboard
            .RootElement.GetProperty("panels")
            .EnumerateArray()
            .Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("expr").GetString()!)
            .ToList();
        Assert.True(expressions.Count >= 10, "the dashboard charts too little");

        await AssertInScrapeAsync(expressions, "grafana-dashboard.json");
    }

    private async Task AssertInScrapeAsync(IReadOnlyList<string> expressions, string file)
    {
        var names = expressions.SelectMany(MetricNames).Distinct().Except(NotFromAScrape).ToList();
        Assert.NotEmpty(names);
        // Every series appears once the instance has served a request and run its jobs (the queue snapshot included).
        using (await instance.Api.Client.GetAsync("/api/v1/projects")) { }
        var text = await ScrapeUntilAsync(t => names.All(n => HasMetric(t, n)));
        var missing = names.Where(n => !HasMetric(text, n)).ToList();
        Assert.True(missing.Count == 0, $"{file} names metrics no scrape holds: {string.Join(", ", missing)}");
    }

    /// <summary>The metric names of a PromQL expression: its identifiers, less label matchers, ranges, grouping clauses,
    /// strings, functions (followed by a parenthesis) and operators.</summary>
    internal static IEnumerable<string> MetricNames(string expr)
    {
        var s = Regex.Replace(expr, "\"[^\"]*\"", " ");
        s = Regex.Replace(s, @"\{[^}]*\}", " ");
        s = Regex.Replace(s, @"\[[^\]]*\]", " ");
        s = Regex.Replace(s, @"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ");
        return Regex
            .Matches(s, @"\b[a-zA-Z_][a-zA-Z0-9_]*\b(?!\s*\()")
            .Select(m => m.Value)
            .Where(n => n is not ("and" or "or" or "unless" or "bool" or "offset" or "by" or "without"));
    }

    private static bool HasMetric(string scrape, string name) =>
        Regex.IsMatch(scrape, "^" + Regex.Escape(name) + @"[{ ]", RegexOptions.Multiline);

    private Task<HttpResponseMessage> ScrapeAsync(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return instance.Api.Client.SendAsync(request);
    }

    /// <summary>Scrapes until <paramref name="ready"/> holds (jobs run on their timers, queues refresh every second); bounded.</summary>
    private async Task<string> ScrapeUntilAsync(Func<string, bool> ready)
    {
        var text = "";
        for (var i = 0; i < 300; i++)
        {
            using var response = await ScrapeAsync(TelemetryInstance.ScrapeToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
            if (ready(text))
                return text;
            await Task.Delay(200);
        }
        return text;
    }

    private List<JsonElement> LogLines()
    {
        using var stream = new FileStream(instance.Api.LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<JsonElement>();
        while (reader.ReadLine() is { } line)
            if (line.StartsWith('{'))
                try
                {
                    lines.Add(JsonDocument.Parse(line).RootElement.Clone()); // a line starting with { is an object
                }
                catch (JsonException) { }
        return lines;
    }

    private static IEnumerable<JsonElement> Scopes(JsonElement line) =>
        line.TryGetProperty("Scopes", out var scopes) && scopes.ValueKind == JsonValueKind.Array
            ? scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object)
            : [];

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    public sealed class RuleFile
    {
        public List<RuleGroup> Groups { get; set; } = [];
    }

    public sealed class RuleGroup
    {
        public string Name { get; set; } = "";
        public List<Rule> Rules { get; set; } = [];
    }

    public sealed class Rule
    {
        public string Alert { get; set; } = "";
        public string Expr { get; set; } = "";
    }
}
