using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Participation.Api.Infrastructure.Jobs;
using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Webhooks;

/// <summary>
/// Sends due deliveries. A batch is claimed with <c>FOR UPDATE SKIP LOCKED</c> and a lease (attempts counted at the
/// claim), so with several instances each delivery is sent by one of them at a time. Each is POSTed, signed, through
/// the SSRF-guarded handler with a timeout; its answer's first kilobyte is kept. 2xx: delivered. Anything else (3xx
/// included: redirects are never followed, timeouts, refused addresses): a failed attempt, retried after the next wait
/// of the schedule (with up to 10 % jitter, or the receiver's Retry-After when longer), given up after the last. A
/// subscription failing too long, or answered 410 Gone, is disabled (<see cref="WebhookDisabling"/>).
/// </summary>
public sealed class WebhookDispatcher(
    CityDb db,
    OutboundHttp outbound,
    WebhookDisabling disabling,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger
) : IPeriodicJob, IDisposable
{
    public const string UserAgent = "Participation-Webhooks/1";
    public const int ExcerptBytes = 1024;

    private readonly HttpClient _http = new(outbound.CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };

    private const string ClaimSql = """
        WITH due AS MATERIALIZED (SELECT d.id FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
                 WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND s.enabled
                   AND (d.locked_until IS NULL OR d.locked_until < now())
                 ORDER BY d.next_attempt_at, d.id
                 LIMIT @BatchSize
                   FOR UPDATE OF d SKIP LOCKED)
        UPDATE webhook_deliveries d
           SET locked_until = now() + make_interval(secs => @LeaseSeconds), attempts = d.attempts + 1
          FROM due,
               webhook_subscriptions s
         WHERE d.id = due.id AND s.id = d.subscription_id
        RETURNING d.id, d.message_id, d.payload, d.attempts, d.subscription_id, s.url, s.secret,
                  CASE WHEN s.previous_secret_expires_at > now() THEN s.previous_secret END AS previous_secret;
        """;

    private const string AttemptSql = """
        INSERT INTO webhook_attempts (delivery_id, status_code, duration_ms, error, response_excerpt)
        VALUES (@Id, @StatusCode, @DurationMs, @Error, @Excerpt);
        """;

    private const string DeliveredSql = """
        UPDATE webhook_deliveries
           SET status = 'delivered', delivered_at = now(), last_attempt_at = now(), next_attempt_at = NULL, locked_until = NULL
         WHERE id = @Id;
        UPDATE webhook_subscriptions SET consecutive_failures = 0, failing_since = NULL
         WHERE id = @SubscriptionId AND consecutive_failures > 0;
        """;

    private const string FailedSql = """
        UPDATE webhook_deliveries
           SET status = CASE WHEN @GiveUp THEN 'failed' ELSE 'pending' END,
               next_attempt_at = CASE WHEN @GiveUp THEN NULL ELSE now() + make_interval(secs => @DelaySeconds) END,
               last_attempt_at = now(), locked_until = NULL
         WHERE id = @Id;
        UPDATE webhook_subscriptions
           SET consecutive_failures = consecutive_failures + 1, failing_since = coalesce(failing_since, now())
         WHERE id = @SubscriptionId
        RETURNING enabled AND consecutive_failures >= @DisableAfterFailures
                  AND failing_since <= now() - make_interval(mins => @DisableAfterFailingMinutes);
        """;

    private sealed record Due(
        Guid Id,
        string MessageId,
        string Payload,
        int Attempts,
        Guid SubscriptionId,
        string Url,
        string Secret,
        string? PreviousSecret
    );

    /// <summary>What one attempt gave.</summary>
    public sealed record Outcome(int? StatusCode, int DurationMs, string? Error, string? Excerpt, TimeSpan? RetryAfter)
    {
        public bool Delivered => StatusCode is >= 200 and < 300;
    }

    public string Name => "webhook deliveries";

    public TimeSpan Interval(JobOptions o) => TimeSpan.FromSeconds(options.Value.PollSeconds);

    /// <summary>Sends one batch of due deliveries; returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var o = options.Value;
        List<Due> due;
        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            due = (
                await connection.QueryAsync<Due>(
                    new CommandDefinition(ClaimSql, new { LeaseSeconds = o.TimeoutSeconds + 30, o.BatchSize }, cancellationToken: ct)
                )
            ).AsList();
        }
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, o.Parallelism), CancellationToken = ct },
            async (delivery, token) =>
            {
                var outcome = await SendAsync(delivery, token);
                await RecordAsync(delivery, outcome, CancellationToken.None);
            }
        );
        return due.Count;
    }

    private async Task<Outcome> SendAsync(Due d, CancellationToken ct)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, d.Url)
        {
            Content = new StringContent(d.Payload, new UTF8Encoding(false), "application/json"),
        };
        request.Headers.TryAddWithoutValidation("webhook-id", d.MessageId);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(
            "webhook-signature",
            WebhookSignature.Header(d.Secret, d.PreviousSecret, d.MessageId, timestamp, d.Payload)
        );
        request.Headers.UserAgent.ParseAdd(UserAgent);
        var timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            var excerpt = await ExcerptAsync(response, limit.Token);
            var status = (int)response.StatusCode;
            string? error = status switch
            {
                >= 200 and < 300 => null,
                >= 300 and < 400 => $"Redirect to {response.Headers.Location} not followed: change the webhook's URL.",
                _ => $"The receiver answered {status} {response.ReasonPhrase}.",
            };
            return new Outcome(status, Elapsed(watch), error, excerpt, RetryAfter(response));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Outcome(null, Elapsed(watch), $"No answer within {timeout.TotalSeconds:0} s.", null, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or OutboundRefusedException or IOException)
        {
            return new Outcome(null, Elapsed(watch), Describe(ex), null, null);
        }
    }

    private static int Elapsed(Stopwatch watch) => (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);

    private static string Describe(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (e is OutboundRefusedException refused)
                return refused.Message;
        var inner = ex.InnerException is { } i && i.Message != ex.Message ? $" ({i.Message})" : "";
        return Clip(ex.Message + inner, 1000);
    }

    /// <summary>The first kilobyte of the answer, as text (NUL removed: PostgreSQL text cannot hold it); the rest is not read.</summary>
    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[ExcerptBytes];
        var read = 0;
        while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), ct) is var n and > 0)
            read += n;
        if (read == 0)
            return null;
        return Clip(Encoding.UTF8.GetString(buffer, 0, read).Replace("\0", "", StringComparison.Ordinal), ExcerptBytes);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            ? response.Headers.RetryAfter?.Delta
            : null;

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];

    private async Task RecordAsync(Due d, Outcome outcome, CancellationToken ct)
    {
        var o = options.Value;
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(
            new CommandDefinition(
                AttemptSql,
                new
                {
                    d.Id,
                    outcome.StatusCode,
                    outcome.DurationMs,
                    Error = outcome.Error is null ? null : Clip(outcome.Error.Replace("\0", "", StringComparison.Ordinal), 1000),
                    outcome.Excerpt,
                },
                tx,
                cancellationToken: ct
            )
        );
        if (outcome.Delivered)
        {
            await connection.ExecuteAsync(new CommandDefinition(DeliveredSql, new { d.Id, d.SubscriptionId }, tx, cancellationToken: ct));
        }
        else
        {
            var giveUp = d.Attempts > o.Schedule.Length;
            var disable = await connection.ExecuteScalarAsync<bool>(
                new CommandDefinition(
                    FailedSql,
                    new
                    {
                        d.Id,
                        d.SubscriptionId,
                        GiveUp = giveUp,
                        DelaySeconds = giveUp ? 0 : Delay(d.Attempts, outcome.RetryAfter).TotalSeconds,
                        o.DisableAfterFailures,
                        o.DisableAfterFailingMinutes,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            if (outcome.StatusCode == (int)HttpStatusCode.Gone)
                await disabling.DisableAsync(connection, tx, d.SubscriptionId, WebhookDisabledReason.Gone, ct);
            else if (disable)
                await disabling.DisableAsync(connection, tx, d.SubscriptionId, WebhookDisabledReason.Failing, ct);
            logger.LogInformation(
                "Webhook delivery {Delivery} attempt {Attempt} failed: {Error}",
                d.Id,
                d.Attempts,
                outcome.Error ?? outcome.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture)
            );
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based): the schedule's, plus up to 10 % jitter.</summary>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter = null)
    {
        var schedule = options.Value.Schedule;
        var seconds = schedule[Math.Clamp(attempt - 1, 0, schedule.Length - 1)];
        var wait = TimeSpan.FromSeconds(seconds * (1 + Random.Shared.NextDouble() * 0.1));
        if (retryAfter is { } asked && asked > wait)
            wait = asked < TimeSpan.FromDays(1) ? asked : TimeSpan.FromDays(1);
        return wait;
    }

    public void Dispose() => _http.Dispose();
}
