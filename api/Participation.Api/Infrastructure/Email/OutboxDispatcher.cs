using System.Text.Json;
using Microsoft.Extensions.Options;
using MimeKit;
using Participation.Api.Infrastructure.Telemetry;

namespace Participation.Api.Infrastructure.Email;

/// <summary>
/// Claims due outbox rows with <c>FOR UPDATE SKIP LOCKED</c> and a lease, sends them, and records the
/// outcome. Several instances may run at once: a row is claimed by one of them at a time.
/// </summary>
public sealed class OutboxDispatcher(
    CityDb db,
    PlatformDb platform,
    IEmailTransport transport,
    IOptions<EmailOptions> options,
    ILogger<OutboxDispatcher> logger,
    IEmailBranding? branding = null
)
{
    // The statements of both outboxes, the city's (email_outbox) and the platform's (the vendor's console:
    // Outbox.EnqueuePlatformAsync, read and written on the owner's connections): the same columns, the table named once.
    private static string Claim(string table) =>
        $"""
            WITH due AS MATERIALIZED (SELECT id FROM {table}
                     WHERE status = 'queued' AND next_attempt_at <= now()
                       AND (locked_until IS NULL OR locked_until < now())
                     ORDER BY next_attempt_at, id
                     LIMIT @BatchSize
                       FOR UPDATE SKIP LOCKED)
            UPDATE {table} o
               SET locked_until = now() + make_interval(secs => @LeaseSeconds), attempts = o.attempts + 1
              FROM due
             WHERE o.id = due.id
            RETURNING o.id, o.to_address, o.to_name, o.subject, o.text_body, o.html_body, o.headers::text AS headers, o.attempts;
            """;

    private const string ImagesSql = """
        SELECT outbox_id, content_id, content_type, file_name, content FROM email_outbox_attachments
         WHERE outbox_id = ANY(@Ids) ORDER BY outbox_id, content_id;
        """;

    private static string Sent(string table) =>
        $"UPDATE {table} SET status = 'sent', sent_at = now(), locked_until = NULL, last_error = NULL WHERE id = @Id;";

    private static string Failed(string table) =>
        $"""
            UPDATE {table}
               SET status = CASE WHEN attempts >= @MaxAttempts THEN 'failed' ELSE 'queued' END,
                   next_attempt_at = now() + make_interval(secs => least(3600, @RetrySeconds * power(2, attempts - 1))),
                   locked_until = NULL, last_error = @Error
             WHERE id = @Id;
            """;

    private static readonly string ClaimSql = Claim("email_outbox");
    private static readonly string SentSql = Sent("email_outbox");
    private static readonly string FailedSql = Failed("email_outbox");
    private static readonly string PlatformClaimSql = Claim("platform_email_outbox");
    private static readonly string PlatformSentSql = Sent("platform_email_outbox");
    private static readonly string PlatformFailedSql = Failed("platform_email_outbox");

    private sealed record Row(
        long Id,
        string ToAddress,
        string? ToName,
        string Subject,
        string TextBody,
        string? HtmlBody,
        string Headers,
        int Attempts
    );

    private sealed record ImageRow(long OutboxId, string ContentId, string ContentType, string FileName, byte[] Content);

    /// <summary>Sends one batch of the current city's due messages; returns how many were claimed.</summary>
    public Task<int> DispatchOnceAsync(CancellationToken ct) => DispatchAsync(db.OpenConnectionAsync, false, ct);

    /// <summary>Sends one batch of the platform's due messages (no city's branding: the configured sender); returns how
    /// many were claimed.</summary>
    public Task<int> DispatchPlatformOnceAsync(CancellationToken ct) => DispatchAsync(platform.OpenConnectionAsync, true, ct);

    private async Task<int> DispatchAsync(
        Func<CancellationToken, ValueTask<Npgsql.NpgsqlConnection>> open,
        bool isPlatform,
        CancellationToken ct
    )
    {
        var o = options.Value;
        List<Row> rows;
        ILookup<long, ImageRow> images;
        await using (var connection = await open(ct))
        {
            rows = (
                await connection.QueryAsync<Row>(
                    new CommandDefinition(
                        isPlatform ? PlatformClaimSql : ClaimSql,
                        new { o.LeaseSeconds, o.BatchSize },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            images =
                rows.Count == 0 || isPlatform
                    ? Enumerable.Empty<ImageRow>().ToLookup(i => i.OutboxId)
                    : (
                        await connection.QueryAsync<ImageRow>(
                            new CommandDefinition(ImagesSql, new { Ids = rows.Select(r => r.Id).ToArray() }, cancellationToken: ct)
                        )
                    ).ToLookup(i => i.OutboxId);
        }

        // The brand of the moment (name, colours, logo, legal footer, sender), read once per batch; none for the platform.
        var brand = rows.Count == 0 || branding is null || isPlatform ? null : await branding.CurrentAsync(ct);
        foreach (var row in rows)
        {
            try
            {
                await transport.SendAsync(ToMime(row, images[row.Id], o, brand, isPlatform ? "platform-outbox" : "outbox"), ct);
                await using var connection = await open(CancellationToken.None);
                await connection.ExecuteAsync(isPlatform ? PlatformSentSql : SentSql, new { row.Id });
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning("E-mail {OutboxId} attempt {Attempt} failed: {Error}", row.Id, row.Attempts, ex.Message);
                await using var connection = await open(CancellationToken.None);
                await connection.ExecuteAsync(
                    isPlatform ? PlatformFailedSql : FailedSql,
                    new
                    {
                        row.Id,
                        o.MaxAttempts,
                        o.RetrySeconds,
                        Error = Truncate(ex.Message, 1000),
                    }
                );
            }
        }
        return rows.Count;
    }

    private static MimeMessage ToMime(Row row, IEnumerable<ImageRow> images, EmailOptions o, EmailBrand? brand, string idPrefix)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(brand?.FromName ?? o.FromName, brand?.FromAddress ?? o.FromAddress));
        message.To.Add(new MailboxAddress(row.ToName ?? "", row.ToAddress));
        message.Subject = row.Subject;
        message.MessageId = $"{idPrefix}-{row.Id}@{o.FromAddress.Split('@').Last()}"; // the two outboxes count apart
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Headers) ?? [];
        foreach (var (name, value) in headers)
            message.Headers.Add(name, value);
        var body = new BodyBuilder
        {
            TextBody = brand is null ? row.TextBody : EmailLayout.Text(row.TextBody, brand),
            HtmlBody = brand is null || row.HtmlBody is null ? row.HtmlBody : EmailLayout.Html(row.HtmlBody, brand),
        };
        if (brand?.Logo is { } logo && body.HtmlBody is not null)
        {
            var part = body.LinkedResources.Add(logo.FileName, logo.Content, ContentType.Parse(logo.ContentType));
            part.ContentId = logo.ContentId;
        }
        // Inline images (multipart/related): the HTML shows them as cid:{ContentId}.
        foreach (var image in images)
        {
            var part = body.LinkedResources.Add(image.FileName, image.Content, ContentType.Parse(image.ContentType));
            part.ContentId = image.ContentId;
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>Polls the outbox in the background.</summary>
public sealed class OutboxSender(IServiceProvider services, IOptions<EmailOptions> options, ILogger<OutboxSender> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SenderEnabled)
            return;
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        var cities = services.GetRequiredService<CityList>();
        JobTelemetry.Register("e-mail outbox");
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (
                    await JobTelemetry.RunAsync(
                        "e-mail outbox",
                        async c =>
                            await cities.ForEachAsync(dispatcher.DispatchOnceAsync, c) + await dispatcher.DispatchPlatformOnceAsync(c),
                        stoppingToken
                    ) > 0
                )
                    continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("E-mail outbox poll failed: {Error}", ex.Message);
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
