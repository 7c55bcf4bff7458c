using Microsoft.Extensions.Options;
using Participation.Api.Infrastructure.Email;
using Participation.Api.Infrastructure.Telemetry;

namespace Participation.Api.Features.Invitations;

public sealed class InvitationReminderOptions
{
    public const string Section = "Invitations";
    public bool RemindersEnabled { get; set; } = true;
    public int ReminderPollSeconds { get; set; } = 300;
}

/// <summary>
/// Once, 7 days before expiry, a pending invitation gets a reminder carrying a fresh link (the first
/// link keeps working). Rows are claimed with SKIP LOCKED and marked in the same transaction as the
/// e-mail is queued, so several instances never send a reminder twice.
/// </summary>
public sealed class InvitationReminders(CityDb db, EmailTemplates templates)
{
    private const string Claim = """
        SELECT i.id, i.email, i.first_name, i.locale, i.role, i.scope_id, i.message, i.expires_at,
               coalesce(d.name, p.title)::text AS scope_name, (SELECT name FROM platform_settings) AS platform_name,
               coalesce(inviter.first_name || ' ' || inviter.last_name, '') AS inviter_name,
               (SELECT first_name FROM users WHERE email = i.email) AS account_first_name,
               EXISTS (SELECT 1 FROM users WHERE email = i.email) AS account_exists
          FROM invitations i
          LEFT JOIN departments d ON d.id = i.department_id
              LEFT JOIN projects p ON p.id = i.project_id
          LEFT JOIN users inviter ON inviter.id = i.invited_by
         WHERE i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.reminder_sent_at IS NULL
           AND i.expires_at > now() AND i.expires_at <= now() + interval '7 days'
         ORDER BY i.expires_at
         LIMIT 100
           FOR UPDATE OF i SKIP LOCKED;
        """;

    private const string Mark = """
        WITH token AS (INSERT INTO invitation_tokens (token_hash, invitation_id) VALUES (@Hash, @Id))
        UPDATE invitations SET reminder_sent_at = now(), email_id = coalesce(@EmailId, email_id) WHERE id = @Id;
        """;

    private sealed record Row(
        Guid Id,
        string Email,
        string? FirstName,
        string Locale,
        string Role,
        Guid? ScopeId,
        string? Message,
        DateTime ExpiresAt,
        string? ScopeName,
        string PlatformName,
        string InviterName,
        string? AccountFirstName,
        bool AccountExists
    );

    /// <summary>Sends the reminders that are due; returns how many.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var due = (await connection.QueryAsync<Row>(new CommandDefinition(Claim, transaction: tx, cancellationToken: ct))).AsList();
        foreach (var i in due)
        {
            var token = SecureTokens.New();
            var scopeName = i.ScopeName is null ? null : LocalizedText.Pick(LocalizedText.FromJson(i.ScopeName), i.Locale);
            var mail = templates.Invitation(
                i.Locale,
                i.Email,
                i.FirstName ?? i.AccountFirstName,
                i.PlatformName,
                i.InviterName,
                i.Role,
                scopeName,
                i.Message,
                token,
                i.ExpiresAt.AsUtc(),
                i.AccountExists,
                reminder: true
            ) with
            {
                DedupKey = $"invitation-reminder:{i.Id}:{i.ExpiresAt.Ticks}",
            };
            var emailId = await Outbox.EnqueueAsync(connection, tx, mail, ct);
            await connection.ExecuteAsync(
                new CommandDefinition(
                    Mark,
                    new
                    {
                        i.Id,
                        Hash = SecureTokens.Hash(token),
                        EmailId = emailId,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
        }
        await tx.CommitAsync(ct);
        return due.Count;
    }
}

public sealed class InvitationReminderService(
    InvitationReminders reminders,
    CityList cities,
    IOptions<InvitationReminderOptions> options,
    ILogger<InvitationReminderService> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RemindersEnabled)
            return;
        JobTelemetry.Register("invitation reminders");
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReminderPollSeconds));
        do
        {
            try
            {
                while (
                    await JobTelemetry.RunAsync("invitation reminders", c => cities.ForEachAsync(reminders.SendDueAsync, c), stoppingToken)
                    > 0
                ) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Invitation reminders failed: {Error}", ex.Message);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
