using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Features.Campaigns;

/// <summary>
/// Sends due campaigns, safe on any number of instances: a due campaign is claimed with <c>FOR UPDATE SKIP LOCKED</c>
/// (another instance skips it), and in that transaction its recipients are frozen and their e-mails queued by ONE
/// set-based statement (<c>INSERT ... SELECT FROM campaign_segment(...)</c> into campaign_recipients, whose primary key
/// keeps each person once, feeding <c>INSERT ... SELECT</c> into the outbox, deduplicated by key), then the campaign is
/// marked sent with the number of e-mails queued. Whoever consented at that instant gets it; a withdrawal after it counts
/// from the next campaign. The outbox sender delivers the e-mails in the branded layout.
/// </summary>
public sealed class CampaignJob(CityDb db, CampaignEmails emails, EventRecorder events) : IPeriodicJob
{
    private const string ClaimSql = """
        SELECT id, subject, body_html, language, segment_kind, segment_project_id, segment_roles, segment_area_id
          FROM campaigns
         WHERE status = 'scheduled' AND scheduled_at <= now()
         ORDER BY scheduled_at, id
         LIMIT 1
           FOR UPDATE SKIP LOCKED;
        """;

    /// <summary>The freeze: recipients and their e-mails in one statement (one snapshot of consents and segments).</summary>
    internal const string FreezeSql = """
        WITH segment AS MATERIALIZED (
            SELECT s.user_id, sha256(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())) AS token
              FROM campaign_segment(@Kind, @ProjectId, @Roles, @AreaId) s),
        frozen AS (
            INSERT INTO campaign_recipients (campaign_id, user_id, token_hash)
            SELECT @Id, s.user_id, sha256(s.token) FROM segment s
            ON CONFLICT DO NOTHING
            RETURNING user_id),
        mailed AS (
            INSERT INTO email_outbox (dedup_key, category, to_address, to_name, subject, text_body, html_body, headers)
            SELECT 'campaign:' || @Id::text || ':' || f.user_id::text, @Category, u.email, u.first_name || ' ' || u.last_name,
                   @Subject, replace(@Text, @Placeholder, encode(s.token, 'hex')), replace(@Html, @Placeholder, encode(s.token, 'hex')),
                   jsonb_build_object('List-Unsubscribe', '<' || @UnsubscribeApi || encode(s.token, 'hex') || '>',
                                      'List-Unsubscribe-Post', 'List-Unsubscribe=One-Click')
              FROM frozen f JOIN segment s ON s.user_id = f.user_id JOIN users u ON u.id = f.user_id
            ON CONFLICT (city_id, dedup_key) DO NOTHING
            RETURNING 1)
        UPDATE campaigns SET status = 'sent', sent_at = now(), updated_at = now(), recipients_count = (SELECT count(*) FROM mailed)
         WHERE id = @Id
        RETURNING recipients_count;
        """;

    private sealed class Due
    {
        public Guid Id { get; init; }
        public string Subject { get; init; } = "";
        public string BodyHtml { get; init; } = "";
        public string Language { get; init; } = "";
        public string SegmentKind { get; init; } = "";
        public Guid? SegmentProjectId { get; init; }
        public Guid? SegmentAreaId { get; init; }
        public string[] SegmentRoles { get; init; } = [];
    }

    public string Name => "campaigns";

    public TimeSpan Interval(JobOptions o) => TimeSpan.FromSeconds(o.NotificationPollSeconds);

    /// <summary>Sends at most one due campaign; 1 when it sent one (there may be more).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var due = await connection.QuerySingleOrDefaultAsync<Due>(new CommandDefinition(ClaimSql, transaction: tx, cancellationToken: ct));
        if (due is null)
            return 0;
        var mail = emails.Render(due.Subject, due.BodyHtml, due.Language);
        var count = await connection.ExecuteScalarAsync<int>(
            new CommandDefinition(
                FreezeSql,
                new
                {
                    due.Id,
                    Kind = due.SegmentKind,
                    ProjectId = due.SegmentProjectId,
                    Roles = due.SegmentRoles,
                    AreaId = due.SegmentAreaId,
                    Category = CampaignEmails.Category,
                    mail.Subject,
                    mail.Text,
                    mail.Html,
                    mail.Placeholder,
                    UnsubscribeApi = mail.UnsubscribeApiPrefix,
                },
                tx,
                cancellationToken: ct,
                commandTimeout: 600
            )
        );
        await events.RecordAsync(
            tx,
            EventType.CampaignSent,
            Actor.System,
            due.Id,
            Scope.Platform,
            data: new { subject = due.Subject, recipients = count },
            ct: ct
        );
        await tx.CommitAsync(ct);
        return 1;
    }
}
