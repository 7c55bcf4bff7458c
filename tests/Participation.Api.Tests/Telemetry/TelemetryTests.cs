using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Participation.Api.Infrastructure.Telemetry;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Telemetry;

/// <summary>The API with a scrape token: /metrics exposed to Prometheus (and only to it).</summary>
public sealed class TelemetryApiFactory : ApiFactory
{
    public const string ScrapeToken = "telemetry-tests-scrape-token";

    public TelemetryApiFactory() => Set("Telemetry:ScrapeToken", ScrapeToken);
}

/// <summary>/metrics (its token, what it holds), the queue gauges, the job metrics and the trace id of problem+json.</summary>
public sealed partial class TelemetryTests(TelemetryApiFactory api) : IClassFixture<TelemetryApiFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Bearer " + TelemetryApiFactory.ScrapeToken + "x")]
    [InlineData("Basic " + TelemetryApiFactory.ScrapeToken)]
    public async Task Metrics_without_the_scrape_token_are_a_401_problem_with_a_bearer_challenge(string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await api.CreateClient().SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.DoesNotContain("http_server", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_user_access_token_does_not_open_the_metrics()
    {
        var user = await api.CreateUserAsync(role: "admin");

        var response = await api.ClientFor(user.Id).GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    // ASP.NET Core's own request metrics (http_server_request_duration_seconds) are checked on a real process
    // (Participation.Ops.Tests/Telemetry): here every test host of the process has a meter of that name, and the first
    // host disposed ends the metric stream they share in this host's provider.
    [Fact]
    public async Task A_scrape_with_the_token_holds_the_database_job_queue_and_runtime_metrics()
    {
        await api.CreateClient().GetAsync("/api/v1/projects"); // a request, which queries the database
        await JobTelemetry.RunAsync("telemetry test job", _ => Task.FromResult(0), CancellationToken.None);
        await RefreshQueuesAsync();

        var text = await WaitForScrapeAsync(t =>
            t.Contains("job_name=\"telemetry test job\"", StringComparison.Ordinal)
            && t.Contains("participation_queue_depth{", StringComparison.Ordinal)
        );

        Assert.Contains("db_client_operation_duration_seconds_bucket{", text); // Npgsql's
        Assert.Contains("db_client_connection_count{", text);
        Assert.Matches(@"participation_job_run_duration_seconds_count\{[^}]*job_name=""telemetry test job""[^}]*\} 1", text);
        Assert.Contains("participation_queue_depth{", text);
        Assert.Contains("participation_queue_oldest_age_seconds{", text);
        Assert.Contains("dotnet_gc_collections_total", text); // the runtime's
        Assert.Matches(@"target_info\{[^}]*service_name=""participation-api""[^}]*service_instance_id=""[^""]+""", text);
    }

    [Fact]
    public async Task A_failing_job_pass_is_a_failure_counted_under_its_name_and_the_error_goes_on()
    {
        JobTelemetry.Register("telemetry failing job");
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            JobTelemetry.RunAsync("telemetry failing job", _ => throw new InvalidOperationException("boom"), CancellationToken.None)
        );

        var text = await WaitForScrapeAsync(t => Series(t, "participation_job_failures_total", "job_name", "telemetry failing job") >= 1);

        Assert.Equal(1, Series(text, "participation_job_failures_total", "job_name", "telemetry failing job"));
        Assert.Equal(1, Series(text, "participation_job_run_duration_seconds_count", "job_name", "telemetry failing job"));
    }

    [Fact]
    public async Task A_job_pass_is_a_root_span_named_after_the_job_even_inside_another_span()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == JobTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (spans)
                    spans.Add(a);
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var outer = new Activity("outer").Start();

        await JobTelemetry.RunAsync("telemetry span job", _ => Task.FromResult(3), CancellationToken.None);

        Activity span;
        lock (spans)
            span = spans.Single(a => a.DisplayName == "job telemetry span job");
        Assert.Null(span.ParentId);
        Assert.NotEqual(outer.TraceId, span.TraceId);
        Assert.Equal("telemetry span job", span.GetTagItem("job.name"));
        Assert.Equal(3, span.GetTagItem("job.items"));
        Assert.Same(outer, Activity.Current);
    }

    [Fact]
    public async Task The_queue_gauges_show_the_depth_and_the_age_of_the_oldest_due_item_of_rows_inserted()
    {
        var user = await api.CreateUserAsync();
        await using (var connection = await api.OpenAsync())
        {
            // Two due e-mails (the older due 90 s ago), one waiting for its retry in an hour (counted, not late), one sent.
            await connection.ExecuteAsync(
                """
                INSERT INTO email_outbox (category, to_address, subject, text_body, next_attempt_at, status)
                VALUES ('test', 'a@example.org', 's', 't', now() - interval '90 seconds', 'queued'),
                       ('test', 'a@example.org', 's', 't', now() - interval '5 seconds', 'queued'),
                       ('test', 'a@example.org', 's', 't', now() + interval '1 hour', 'queued'),
                       ('test', 'a@example.org', 's', 't', now() - interval '1 day', 'sent');
                INSERT INTO notifications (user_id, category, event_key, email_state, created_at)
                VALUES (@Id, 'mention', 'telemetry-1', 'pending', now() - interval '30 seconds'),
                       (@Id, 'mention', 'telemetry-2', 'none', now() - interval '1 day');
                """,
                new { user.Id }
            );
        }

        await RefreshQueuesAsync();
        var text = await WaitForScrapeAsync(t => Series(t, "participation_queue_depth", "queue", "email_outbox") == 3);

        Assert.Equal(3, Series(text, "participation_queue_depth", "queue", "email_outbox"));
        Assert.InRange(Series(text, "participation_queue_oldest_age_seconds", "queue", "email_outbox"), 90, 3600);
        Assert.Equal(1, Series(text, "participation_queue_depth", "queue", "notification_emails"));
        Assert.InRange(Series(text, "participation_queue_oldest_age_seconds", "queue", "notification_emails"), 30, 3600);
        foreach (var empty in new[] { "webhook_deliveries", "exports", "personal_data_exports", "briefing_launches" })
        {
            Assert.Equal(0, Series(text, "participation_queue_depth", "queue", empty));
            Assert.Equal(0, Series(text, "participation_queue_oldest_age_seconds", "queue", empty));
        }

        // Drained: the next snapshot says so.
        await using (var connection = await api.OpenAsync())
            await connection.ExecuteAsync("UPDATE email_outbox SET status = 'sent'; UPDATE notifications SET email_state = 'queued';");
        await RefreshQueuesAsync();
        text = await WaitForScrapeAsync(t => Series(t, "participation_queue_depth", "queue", "email_outbox") == 0);
        Assert.Equal(0, Series(text, "participation_queue_oldest_age_seconds", "queue", "email_outbox"));
        Assert.Equal(0, Series(text, "participation_queue_depth", "queue", "notification_emails"));
    }

    [Fact]
    public async Task A_problems_trace_id_is_the_trace_id_of_the_callers_traceparent()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/projects/{Guid.NewGuid()}");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        var problem = await (await api.CreateClient().SendAsync(request)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(traceId, problem["traceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_traceparent_a_problem_still_carries_a_w3c_trace_id_of_its_own()
    {
        var first = await (await api.CreateClient().GetAsync($"/api/v1/projects/{Guid.NewGuid()}")).ReadJsonAsync();
        var second = await (await api.CreateClient().GetAsync($"/api/v1/projects/{Guid.NewGuid()}")).ReadJsonAsync();

        Assert.Matches("^[0-9a-f]{32}$", first["traceId"]!.GetValue<string>());
        Assert.NotEqual(first["traceId"]!.GetValue<string>(), second["traceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_metrics_endpoint_is_not_part_of_the_api_contract()
    {
        var document = await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json");

        Assert.DoesNotContain("\"/metrics\"", document);
    }

    private async Task RefreshQueuesAsync() =>
        await api.Services.GetRequiredService<QueueSnapshotJob>().RunOnceAsync(CancellationToken.None);

    /// <summary>Scrapes until <paramref name="ready"/> holds (the exporter caches a scrape for a moment); bounded.</summary>
    private async Task<string> WaitForScrapeAsync(Func<string, bool> ready)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TelemetryApiFactory.ScrapeToken);
        var text = "";
        for (var i = 0; i < 100; i++)
        {
            var response = await client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
            if (ready(text))
                return text;
            await Task.Delay(100);
        }
        return text;
    }

    /// <summary>The value of the series <paramref name="metric"/> whose <paramref name="label"/> is <paramref name="value"/>;
    /// NaN if none.</summary>
    internal static double Series(string scrape, string metric, string label, string value)
    {
        foreach (Match m in SeriesLine().Matches(scrape))
            if (m.Groups["name"].Value == metric && m.Groups["labels"].Value.Contains($"{label}=\"{value}\"", StringComparison.Ordinal))
                return double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        return double.NaN;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\{(?<labels>[^}]*)\} (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex SeriesLine();
}

/// <summary>Without a scrape token (the default), /metrics does not exist.</summary>
public sealed class MetricsNotExposedTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Without_a_scrape_token_metrics_are_a_404_even_with_a_bearer_token()
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "anything");

        var response = await client.GetAsync("/metrics");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
