using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Email;
using Participation.Api.Infrastructure.Jobs;
using Participation.Api.Infrastructure.Storage;

namespace Participation.Api.Features.PersonalData;

/// <summary>
/// The retention of inactive accounts, when an admin turned it on (<c>platform_settings.inactive_account_retention_months</c>,
/// <see cref="Platform.SetAccountRetention"/>). A resident without activity (a sign-in or a session refresh:
/// <c>users.last_active_at</c>) for that many months less <see cref="WarningDays"/> days is e-mailed a warning, in their
/// language (<see cref="EmailTemplates.AccountRetentionWarning"/>), with a link to sign in (which keeps the account and
/// withdraws the warning); once the months are over and the warning is at least <see cref="WarningDays"/> days old, the
/// account is erased as a self-service deletion is (<see cref="AccountEraser"/>), recorded as
/// <c>user.inactive_account_deleted</c> naming only the former-participant account. Never deleted: staff (any role) and
/// people with an export waiting or ready to download. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c> and the
/// warning is marked in the transaction that queues it (with a dedup key), so parallel instances neither warn twice nor
/// delete twice. Times come from the <see cref="TimeProvider"/>.
/// </summary>
public sealed class AccountRetentionJob(
    CityDb db,
    EventRecorder events,
    RoleVersionCheck versions,
    IFileStorage storage,
    EmailTemplates emails,
    TimeProvider clock,
    ILogger<AccountRetentionJob> logger
) : IPeriodicJob
{
    public const int WarningDays = 30;
    private const int Batch = 50;

    private const string SettingSql = "SELECT inactive_account_retention_months FROM platform_settings WHERE id = 1;";

    // Who retention may delete: live residents' accounts without a role and without an export to collect.
    private const string Eligible = """
        u.deleted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id)
           AND NOT EXISTS (SELECT 1 FROM personal_data_exports x WHERE x.user_id = u.id
                              AND (x.status = 'queued' OR (x.status = 'ready' AND x.expires_at > @Now)))
        """;

    private const string WarnSql = $"""
        SELECT u.id, u.email, u.first_name, u.locale, u.last_active_at,
               (SELECT name FROM platform_settings WHERE id = 1) AS platform
          FROM users u
         WHERE u.retention_warned_at IS NULL AND u.last_active_at < @WarnBefore
           AND {Eligible}
         ORDER BY u.last_active_at, u.id
         LIMIT @Batch
           FOR UPDATE OF u SKIP LOCKED;
        """;

    private const string MarkSql = "UPDATE users SET retention_warned_at = @Now WHERE id = ANY(@Ids);";

    private const string DueSql = $"""
        SELECT u.id, u.email
          FROM users u
         WHERE u.retention_warned_at <= @WarnedBefore AND u.last_active_at < @InactiveBefore
           AND {Eligible}
         ORDER BY u.last_active_at, u.id
         LIMIT 1
           FOR UPDATE OF u SKIP LOCKED;
        """;

    private sealed record Warned(Guid Id, string Email, string FirstName, string Locale, DateTime LastActiveAt, string Platform);

    private sealed record Due(Guid Id, string Email);

    public string Name => "inactive account retention";

    public TimeSpan Interval(JobOptions o) => TimeSpan.FromHours(1);

    /// <summary>One batch of warnings and at most one deletion; returns how many accounts were handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var months = await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(SettingSql, cancellationToken: ct));
        if (months is not { } m)
            return 0;
        var now = clock.GetUtcNow();
        return await WarnAsync(connection, now, m, ct) + await DeleteOneAsync(connection, now, m, ct);
    }

    private async Task<int> WarnAsync(NpgsqlConnection connection, DateTimeOffset now, int months, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        var args = new
        {
            Now = now.UtcDateTime,
            WarnBefore = now.AddMonths(-months).AddDays(WarningDays).UtcDateTime,
            Batch,
        };
        var warned = (await connection.QueryAsync<Warned>(new CommandDefinition(WarnSql, args, tx, cancellationToken: ct))).AsList();
        if (warned.Count == 0)
            return 0;
        foreach (var w in warned)
        {
            var inactiveUntil = new DateTimeOffset(DateTime.SpecifyKind(w.LastActiveAt, DateTimeKind.Utc)).AddMonths(months);
            var deletion = inactiveUntil > now.AddDays(WarningDays) ? inactiveUntil : now.AddDays(WarningDays);
            await Outbox.EnqueueAsync(connection, tx, Warning(w, deletion), ct);
        }
        await connection.ExecuteAsync(
            new CommandDefinition(
                MarkSql,
                new { Now = now.UtcDateTime, Ids = warned.Select(w => w.Id).ToArray() },
                tx,
                cancellationToken: ct
            )
        );
        await tx.CommitAsync(ct);
        return warned.Count;
    }

    private async Task<int> DeleteOneAsync(NpgsqlConnection connection, DateTimeOffset now, int months, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        var args = new
        {
            Now = now.UtcDateTime,
            WarnedBefore = now.AddDays(-WarningDays).UtcDateTime,
            InactiveBefore = now.AddMonths(-months).UtcDateTime,
        };
        var due = await connection.QuerySingleOrDefaultAsync<Due>(new CommandDefinition(DueSql, args, tx, cancellationToken: ct));
        if (due is null)
            return 0;
        var erased = await AccountEraser.EraseAsync(
            connection,
            tx,
            events,
            versions,
            due.Id,
            due.Email,
            EventType.UserInactiveAccountDeleted,
            ct
        );
        await tx.CommitAsync(ct);
        logger.LogInformation("Inactive account deleted by retention (now former participant {Ghost})", erased.Ghost);
        foreach (var file in erased.Files)
            await storage.DeleteAsync(file, CancellationToken.None);
        return 1;
    }

    private OutgoingEmail Warning(Warned w, DateTimeOffset deletion) =>
        emails.AccountRetentionWarning(
            AppLinks.Language(w.Locale) ?? "fr",
            w.Email,
            w.FirstName,
            w.Platform,
            deletion,
            $"retention-warning:{w.Id}:{w.LastActiveAt.Ticks}"
        );
}
