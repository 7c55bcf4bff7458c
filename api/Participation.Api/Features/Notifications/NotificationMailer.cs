using System.Text.Json;
using Participation.Api.Infrastructure.Email;
using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Features.Notifications;

/// <summary>
/// Turns notifications whose e-mail is pending into outbox e-mails, a batch at a time: rows are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, the e-mail is queued with the notification's id as dedup key and the row
/// marked in the same transaction, so two running instances never send one notification twice. The
/// preference is read again at this point (someone who just unsubscribed gets nothing), and unconfirmed
/// addresses get no e-mail.
/// </summary>
public sealed class NotificationMailer(CityDb db, NotificationEmails emails) : IPeriodicJob
{
    private const string ClaimSql = """
        WITH due AS MATERIALIZED (
            SELECT id FROM notifications WHERE email_state = 'pending' ORDER BY id LIMIT @Batch FOR UPDATE SKIP LOCKED)
        SELECT n.id, n.user_id, n.category, n.data::text AS data, n.project_id, n.idea_id,
               u.email, u.first_name, u.locale, i.title AS idea_title, i.slug AS idea_slug,
               coalesce(ip.slug, pj.slug) AS project_slug, pj.title::text AS project_title,
               u.email_confirmed_at IS NOT NULL
                      AND coalesce(np.channel, CASE WHEN n.category = 'idea_status_followed' THEN 'in_app'
                                   ELSE 'email' END) = 'email' AS wanted
          FROM notifications n
          JOIN due ON due.id = n.id
          JOIN users u ON u.id = n.user_id
          LEFT JOIN ideas i ON i.id = n.idea_id
          LEFT JOIN projects ip ON ip.id = i.project_id
          LEFT JOIN projects pj ON pj.id = n.project_id
          LEFT JOIN notification_preferences np ON np.user_id = n.user_id AND np.category = n.category
         ORDER BY n.id;
        """;

    private const string MarkSql = """
        UPDATE notifications SET email_state = CASE WHEN id = ANY(@Queued) THEN 'queued' ELSE 'none' END WHERE id = ANY(@All);
        """;

    private sealed class Row
    {
        public long Id { get; init; }
        public Guid UserId { get; init; }
        public string Category { get; init; } = "";
        public string Data { get; init; } = "{}";
        public Guid? ProjectId { get; init; }
        public Guid? IdeaId { get; init; }
        public string Email { get; init; } = "";
        public string FirstName { get; init; } = "";
        public string Locale { get; init; } = "fr";
        public string? IdeaTitle { get; init; }
        public string? IdeaSlug { get; init; }
        public string? ProjectSlug { get; init; }
        public string? ProjectTitle { get; init; }
        public bool Wanted { get; init; }
    }

    public string Name => "notification e-mails";

    public TimeSpan Interval(JobOptions o) => TimeSpan.FromSeconds(o.NotificationPollSeconds);

    /// <summary>Queues the e-mails of one batch; returns how many notifications were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var rows = (
            await connection.QueryAsync<Row>(new CommandDefinition(ClaimSql, new { Batch = 100 }, tx, cancellationToken: ct))
        ).AsList();
        if (rows.Count == 0)
            return 0;
        var queued = new List<long>();
        foreach (var r in rows.Where(r => r.Wanted))
        {
            var data = JsonSerializer.Deserialize<Dictionary<string, string?>>(r.Data) ?? [];
            var mail = emails.Render(
                new NotificationEmails.Item(
                    r.Id,
                    r.UserId,
                    r.Category,
                    data,
                    r.ProjectId,
                    r.IdeaId,
                    r.Email,
                    r.FirstName,
                    r.Locale,
                    r.IdeaTitle,
                    r.ProjectSlug,
                    r.IdeaSlug,
                    r.ProjectTitle is null ? null : LocalizedText.FromJson(r.ProjectTitle)
                )
            );
            await Outbox.EnqueueAsync(connection, tx, mail, ct);
            queued.Add(r.Id);
        }
        await connection.ExecuteAsync(
            new CommandDefinition(
                MarkSql,
                new { Queued = queued.ToArray(), All = rows.Select(r => r.Id).ToArray() },
                tx,
                cancellationToken: ct
            )
        );
        await tx.CommitAsync(ct);
        return rows.Count;
    }
}
