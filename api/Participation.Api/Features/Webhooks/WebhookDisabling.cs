using System.Data;
using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Webhooks;

/// <summary>
/// Turns a subscription off: no more fan-out nor sending until it is enabled again (pending deliveries wait; events
/// meanwhile are not delivered: the change feed has them). Recorded as webhook.disabled; when the platform does it
/// (failing, gone), every IT manager is e-mailed (the admins when there is none), in their language.
/// </summary>
public sealed class WebhookDisabling(EventRecorder events, EmailTemplates templates)
{
    private const string DisableSql = """
        UPDATE webhook_subscriptions s
           SET enabled = false, disabled_at = now(), disabled_reason = @Reason, updated_at = now()
          FROM api_clients c
         WHERE s.id = @Id AND s.enabled AND c.id = s.client_id
        RETURNING s.client_id, c.name AS client_name, s.url, s.disabled_at, s.consecutive_failures;
        """;

    private const string RecipientsSql = """
        WITH it AS (
            SELECT DISTINCT u.id, u.email, u.first_name, u.locale
              FROM users u JOIN user_roles r ON r.user_id = u.id
             WHERE r.role = 'it_manager' AND u.email_confirmed_at IS NOT NULL),
        admins AS (
            SELECT DISTINCT u.id, u.email, u.first_name, u.locale
              FROM users u JOIN user_roles r ON r.user_id = u.id
             WHERE r.role = 'admin' AND u.email_confirmed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM it))
        SELECT id, email, first_name, locale FROM it
        UNION ALL
        SELECT id, email, first_name, locale FROM admins
        ORDER BY email;
        SELECT name FROM platform_settings LIMIT 1;
        """;

    private sealed record Disabled(Guid ClientId, string ClientName, string Url, DateTime DisabledAt, int ConsecutiveFailures);

    private sealed record Recipient(Guid Id, string Email, string FirstName, string Locale);

    /// <summary>Disables the subscription when it is enabled; false when it already was not (nothing recorded).</summary>
    public async Task<bool> DisableAsync(
        IDbConnection connection,
        IDbTransaction tx,
        Guid id,
        WebhookDisabledReason reason,
        CancellationToken ct,
        Actor? actor = null
    )
    {
        var disabled = await connection.QuerySingleOrDefaultAsync<Disabled>(
            new CommandDefinition(DisableSql, new { Id = id, Reason = reason.ToWire() }, tx, cancellationToken: ct)
        );
        if (disabled is null)
            return false;
        await events.RecordAsync(
            tx,
            EventType.WebhookDisabled,
            actor ?? Actor.System,
            id,
            Scope.Platform,
            before: new { enabled = true },
            after: new { enabled = false },
            data: new
            {
                clientId = disabled.ClientId,
                clientName = disabled.ClientName,
                url = disabled.Url,
                reason = reason.ToWire(),
                consecutiveFailures = disabled.ConsecutiveFailures,
            },
            ct
        );
        if (reason == WebhookDisabledReason.Manual)
            return true;
        await using var results = await ((NpgsqlConnection)connection).QueryMultipleAsync(
            new CommandDefinition(RecipientsSql, transaction: tx, cancellationToken: ct)
        );
        var recipients = (await results.ReadAsync<Recipient>()).AsList();
        var platform = await results.ReadSingleOrDefaultAsync<string>() ?? "Participation";
        await results.DisposeAsync();
        var at = disabled.DisabledAt.AsUtc().ToUnixTimeMilliseconds();
        foreach (var r in recipients)
            await Outbox.EnqueueAsync(
                connection,
                tx,
                templates.WebhookDisabled(
                    r.Locale,
                    r.Email,
                    r.FirstName,
                    platform,
                    disabled.ClientName,
                    disabled.Url,
                    reason.ToWire(),
                    $"webhook-disabled:{id}:{at}:{r.Id}"
                ),
                ct
            );
        return true;
    }
}
