using System.Data;
using System.Text.Json;

namespace Participation.Api.Infrastructure.Email;

public sealed record OutgoingEmail(
    string Category,
    string ToAddress,
    string? ToName,
    string Subject,
    string TextBody,
    string? HtmlBody,
    IReadOnlyDictionary<string, string>? Headers = null,
    string? DedupKey = null,
    IReadOnlyList<InlineImage>? Images = null
);

/// <summary>An image shown in the HTML body as <c>cid:{ContentId}</c> (a multipart/related part).</summary>
public sealed record InlineImage(string ContentId, string FileName, string ContentType, byte[] Content);

/// <summary>Queues e-mails in the caller's transaction; the sender delivers them after commit.</summary>
public static class Outbox
{
    private const string Sql = """
        INSERT INTO email_outbox (dedup_key, category, to_address, to_name, subject, text_body, html_body, headers)
        SELECT @DedupKey, @Category, @ToAddress, @ToName, @Subject, @TextBody, @HtmlBody, CAST(@Headers AS jsonb)
         WHERE NOT @ToAddress::text LIKE '%.invalid' -- former participants' and support users' placeholders: never written to
        ON CONFLICT (city_id, dedup_key) DO NOTHING
        RETURNING id;
        """;

    private const string ImagesSql = """
        INSERT INTO email_outbox_attachments (outbox_id, content_id, content_type, file_name, content)
        SELECT @Id, x.content_id, x.content_type, x.file_name, x.content
          FROM unnest(@ContentIds::text[], @ContentTypes::text[], @FileNames::text[], @Contents::bytea[])
               AS x(content_id, content_type, file_name, content);
        """;

    private const string PlatformSql = """
        INSERT INTO platform_email_outbox (category, to_address, to_name, subject, text_body, html_body, headers)
        VALUES (@Category, @ToAddress, @ToName, @Subject, @TextBody, @HtmlBody, CAST(@Headers AS jsonb))
        RETURNING id;
        """;

    /// <summary>The message's columns, as both outboxes store them (the platform's has no dedup key: Dapper sends only the
    /// parameters a statement names).</summary>
    private static object Columns(OutgoingEmail email) =>
        new
        {
            email.DedupKey,
            email.Category,
            email.ToAddress,
            email.ToName,
            email.Subject,
            email.TextBody,
            email.HtmlBody,
            Headers = JsonSerializer.Serialize(email.Headers ?? new Dictionary<string, string>()),
        };

    /// <summary>
    /// Queues an e-mail of the platform itself (the vendor's console, outside any city: its people's invitations) in the
    /// platform outbox, on the owner's connection (PlatformDb); no dedup key, no inline images. Delivered by
    /// <see cref="OutboxDispatcher.DispatchPlatformOnceAsync"/> without any city's branding.
    /// </summary>
    public static Task<long> EnqueuePlatformAsync(
        IDbConnection connection,
        IDbTransaction transaction,
        OutgoingEmail email,
        CancellationToken ct
    ) => connection.ExecuteScalarAsync<long>(new CommandDefinition(PlatformSql, Columns(email), transaction, cancellationToken: ct));

    /// <summary>Queues the e-mail (and its inline images); returns its outbox id, or null when its dedup key was already
    /// queued.</summary>
    public static async Task<long?> EnqueueAsync(
        IDbConnection connection,
        IDbTransaction? transaction,
        OutgoingEmail email,
        CancellationToken ct
    )
    {
        var id = await connection.QuerySingleOrDefaultAsync<long?>(
            new CommandDefinition(Sql, Columns(email), transaction, cancellationToken: ct)
        );
        if (id is { } written && email.Images is { Count: > 0 } images)
            await connection.ExecuteAsync(
                new CommandDefinition(
                    ImagesSql,
                    new
                    {
                        Id = written,
                        ContentIds = images.Select(i => i.ContentId).ToArray(),
                        ContentTypes = images.Select(i => i.ContentType).ToArray(),
                        FileNames = images.Select(i => i.FileName).ToArray(),
                        Contents = images.Select(i => i.Content).ToArray(),
                    },
                    transaction,
                    cancellationToken: ct
                )
            );
        return id;
    }
}
