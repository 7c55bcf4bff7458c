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
    string? DedupKey = null
);

/// <summary>Queues e-mails in the caller's transaction; the sender delivers them after commit.</summary>
public static class Outbox
{
    private const string Sql = """
        INSERT INTO email_outbox (dedup_key, category, to_address, to_name, subject, text_body, html_body, headers)
        VALUES (@DedupKey, @Category, @ToAddress, @ToName, @Subject, @TextBody, @HtmlBody, CAST(@Headers AS jsonb))
        ON CONFLICT (dedup_key) DO NOTHING
        RETURNING id;
        """;

    /// <summary>Queues the e-mail; returns its outbox id, or null when its dedup key was already queued.</summary>
    public static Task<long?> EnqueueAsync(
        IDbConnection connection,
        IDbTransaction? transaction,
        OutgoingEmail email,
        CancellationToken ct
    ) =>
        connection.QuerySingleOrDefaultAsync<long?>(
            new CommandDefinition(
                Sql,
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
                },
                transaction,
                cancellationToken: ct
            )
        );
}
