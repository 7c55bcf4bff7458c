using System.Data;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Participation.Api.Features.Briefings;

namespace Participation.Api.Features.ContentCalendar;

/// <summary>What a calendar entry is: a phase's start or end, an event, a campaign scheduled or sent, briefings planned or sent.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum ContentCalendarKind
{
    PhaseStart,
    PhaseEnd,
    Event,
    CampaignScheduled,
    CampaignSent,
    BriefingPlanned,
    BriefingSent,
}

/// <param name="Id">A stable id of the entry (the phase, event or campaign; for briefings, one derived from the period).</param>
/// <param name="Kind">What it is.</param>
/// <param name="Title">The phase's or event's title, the campaign's subject (empty for briefings), in the request's language.</param>
/// <param name="StartsAt">When it happens.</param>
/// <param name="EndsAt">When it ends (events only).</param>
/// <param name="Link">Its page in the web app (a path).</param>
/// <param name="ProjectId">Its project (phases, events of a project, campaigns to a project's people).</param>
/// <param name="ProjectTitle">That project's title.</param>
/// <param name="Cancelled">A cancelled event.</param>
/// <param name="Count">Briefings: how many were sent.</param>
/// <param name="PeriodFrom">Briefings: the first day of the period they cover.</param>
/// <param name="PeriodTo">Briefings: the last day of that period.</param>
public sealed record ContentCalendarItem(
    Guid Id,
    ContentCalendarKind Kind,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string Link,
    Guid? ProjectId,
    string? ProjectTitle,
    bool Cancelled,
    int? Count,
    DateOnly? PeriodFrom,
    DateOnly? PeriodTo
);

/// <summary>The part of the platform a staff member may see in the content calendar.</summary>
/// <param name="Campaigns">Campaigns (admins and communication managers, as the campaigns themselves).</param>
/// <param name="Briefings">Officials' briefings (admins, as the briefings themselves).</param>
public sealed record ContentCalendarAccess(bool Campaigns, bool Briefings);

/// <summary>
/// The content calendar's entries in a window, for one staff member, in one round trip of two statements (who they are and
/// the schedule of briefings; then every entry). Who sees what (never more than they may read elsewhere):
/// admins and communication managers: every project's phases and events (drafts too) and the campaigns; admins also the
/// briefings (planned from the schedule, and sent); heads of a department: the phases and events of their department's
/// projects; moderators: those of their projects; every staff member: platform-wide events (public anyway). Other people
/// (residents, IT managers, elected officials) are not staff: 403. A project or department filter keeps the project
/// entries (and campaigns to a project's people) of that scope only.
/// </summary>
public static class ContentCalendarItems
{
    public const int MaxDays = 100;

    private const string Me = """
        WITH me AS (
            SELECT coalesce(bool_or(r.role IN ('admin', 'communication_manager')), false) AS platform,
                   coalesce(bool_or(r.role = 'admin'), false) AS admin,
                   coalesce(bool_or(r.role IN ('admin', 'communication_manager', 'department_head', 'project_moderator')), false)
                       AS staff,
                   coalesce(array_agg(r.department_id) FILTER (WHERE r.role = 'department_head'), '{}') AS departments,
                   coalesce(array_agg(r.project_id) FILTER (WHERE r.role = 'project_moderator'), '{}') AS projects
              FROM user_roles r
             WHERE r.user_id = @ActorId
        )
        """;

    private const string Sql = $"""
        {Me}
        SELECT me.staff, me.platform, me.admin, s.frequency, s.send_day, s.send_hour
          FROM me LEFT JOIN briefing_schedule s ON s.id;

        {Me},
        visible AS (
            SELECT p.id, p.title::text AS title
              FROM projects p, me
             WHERE me.staff
               AND (me.platform OR p.department_id = ANY(me.departments) OR p.id = ANY(me.projects))
               AND (@ProjectId::uuid IS NULL OR p.id = @ProjectId)
               AND (@DepartmentId::uuid IS NULL OR p.department_id = @DepartmentId)
        ),
        items AS (
            SELECT 'phase_start' AS kind, ph.id, ph.title::text AS title, ph.starts_at, NULL::timestamptz AS ends_at,
                   v.id AS project_id, v.title AS project_title, false AS cancelled,
                   NULL::integer AS count, NULL::date AS period_from, NULL::date AS period_to
              FROM phases ph JOIN visible v ON v.id = ph.project_id
             WHERE 'phase_start' = ANY(@Kinds) AND ph.starts_at >= @From AND ph.starts_at < @To
            UNION ALL
            SELECT 'phase_end', ph.id, ph.title::text, ph.ends_at, NULL, v.id, v.title, false, NULL, NULL, NULL
              FROM phases ph JOIN visible v ON v.id = ph.project_id
             WHERE 'phase_end' = ANY(@Kinds) AND ph.ends_at >= @From AND ph.ends_at < @To
            UNION ALL
            SELECT 'event', e.id, e.title::text, e.starts_at, e.ends_at, v.id, v.title, e.status = 'cancelled', NULL, NULL, NULL
              FROM calendar_events e CROSS JOIN me LEFT JOIN visible v ON v.id = e.project_id
             WHERE 'event' = ANY(@Kinds) AND e.starts_at < @To AND e.ends_at > @From
               AND (v.id IS NOT NULL
                    OR (e.project_id IS NULL AND me.staff AND @ProjectId::uuid IS NULL AND @DepartmentId::uuid IS NULL))
            UNION ALL
            SELECT CASE WHEN c.status = 'sent' THEN 'campaign_sent' ELSE 'campaign_scheduled' END, c.id,
                   json_build_object('fr', c.subject)::text, coalesce(c.sent_at, c.scheduled_at), NULL, v.id, v.title, false,
                   c.recipients_count, NULL, NULL
              FROM campaigns c CROSS JOIN me LEFT JOIN visible v ON v.id = c.segment_project_id
             WHERE me.platform
               AND ((c.status = 'scheduled' AND 'campaign_scheduled' = ANY(@Kinds)
                     AND c.scheduled_at >= @From AND c.scheduled_at < @To)
                    OR (c.status = 'sent' AND 'campaign_sent' = ANY(@Kinds) AND c.sent_at >= @From AND c.sent_at < @To))
               AND (v.id IS NOT NULL OR (@ProjectId::uuid IS NULL AND @DepartmentId::uuid IS NULL))
            UNION ALL
            SELECT 'briefing_sent', NULL, json_build_object()::text, min(b.produced_at), NULL, NULL, NULL, false, count(*)::integer,
                   b.period_from, b.period_to
              FROM briefings b CROSS JOIN me
             WHERE me.admin AND 'briefing_sent' = ANY(@Kinds) AND @ProjectId::uuid IS NULL AND @DepartmentId::uuid IS NULL
               AND b.status = 'sent' AND b.produced_at >= @From AND b.produced_at < @To
             GROUP BY b.kind, b.period_from, b.period_to, (b.produced_at AT TIME ZONE 'Europe/Brussels')::date
        )
        SELECT * FROM items ORDER BY starts_at, kind, id LIMIT 5000;
        """;

    private sealed record MeRow(bool Staff, bool Platform, bool Admin, string? Frequency, int? SendDay, int? SendHour);

    private sealed record Row(
        string Kind,
        Guid? Id,
        string Title,
        DateTime StartsAt,
        DateTime? EndsAt,
        Guid? ProjectId,
        string? ProjectTitle,
        bool Cancelled,
        int? Count,
        DateOnly? PeriodFrom,
        DateOnly? PeriodTo
    );

    /// <summary>The entries from <paramref name="from"/> (included) to <paramref name="to"/> (excluded), soonest first, of the
    /// <paramref name="kinds"/> asked (every kind when empty); throws <see cref="ForbiddenException"/> for non-staff.</summary>
    public static async Task<(ContentCalendarAccess Access, List<ContentCalendarItem> Items)> LoadAsync(
        IDbConnection connection,
        Guid actorId,
        DateTimeOffset from,
        DateTimeOffset to,
        IReadOnlyCollection<ContentCalendarKind>? kinds,
        Guid? projectId,
        Guid? departmentId,
        string language,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var wanted = kinds is { Count: > 0 } ? kinds.Distinct().ToArray() : Enum.GetValues<ContentCalendarKind>();
        await using var grid = await connection.QueryMultipleAsync(
            new CommandDefinition(
                Sql,
                new
                {
                    ActorId = actorId,
                    From = from.UtcDateTime,
                    To = to.UtcDateTime,
                    Kinds = wanted.Select(k => k.ToWire()).ToArray(),
                    ProjectId = projectId,
                    DepartmentId = departmentId,
                },
                cancellationToken: ct
            )
        );
        var me = await grid.ReadSingleAsync<MeRow>();
        if (!me.Staff)
            throw new ForbiddenException();
        var items = (await grid.ReadAsync<Row>()).Select(r => ToItem(r, language)).ToList();
        if (me.Admin && wanted.Contains(ContentCalendarKind.BriefingPlanned) && projectId is null && departmentId is null)
        {
            var schedule = me.Frequency is { } f
                ? new BriefingSchedule(f.ToEnum<BriefingFrequency>(), me.SendDay ?? 1, me.SendHour ?? 8)
                : BriefingSchedule.Default;
            items.AddRange(Planned(schedule, from, to, clock.GetUtcNow()));
            items.Sort((a, b) => a.StartsAt != b.StartsAt ? a.StartsAt.CompareTo(b.StartsAt) : a.Kind.CompareTo(b.Kind));
        }
        return (new ContentCalendarAccess(me.Platform, me.Admin), items);
    }

    /// <summary>The schedule's sends in the window that are still to come (past ones are in the briefings sent).</summary>
    public static IEnumerable<ContentCalendarItem> Planned(
        BriefingSchedule schedule,
        DateTimeOffset from,
        DateTimeOffset to,
        DateTimeOffset now
    )
    {
        if (schedule.Frequency == BriefingFrequency.Off)
            yield break;
        // A period's send is in the month after it ends: start with the period that ended a whole period before the window.
        var (first, _) = schedule.PeriodOf(DateOnly.FromDateTime(from.UtcDateTime).AddMonths(-schedule.Months - 1));
        for (var guard = 0; guard < 200; guard++)
        {
            var last = first.AddMonths(schedule.Months).AddDays(-1);
            var sendAt = schedule.SendAt(last);
            if (sendAt >= to)
                yield break;
            if (sendAt >= from && sendAt > now)
                yield return new ContentCalendarItem(
                    StableId($"briefing_planned:{first:O}:{last:O}"),
                    ContentCalendarKind.BriefingPlanned,
                    "",
                    sendAt,
                    null,
                    "/admin/briefings",
                    null,
                    null,
                    false,
                    null,
                    first,
                    last
                );
            first = last.AddDays(1);
        }
    }

    private static ContentCalendarItem ToItem(Row r, string language)
    {
        var kind = r.Kind.ToEnum<ContentCalendarKind>();
        var link = kind switch
        {
            ContentCalendarKind.PhaseStart or ContentCalendarKind.PhaseEnd => $"/admin/projects/{r.ProjectId}",
            ContentCalendarKind.Event => $"/events/{r.Id}",
            ContentCalendarKind.CampaignScheduled or ContentCalendarKind.CampaignSent => "/admin/campaigns",
            _ => "/admin/briefings",
        };
        var (from, to) = (r.PeriodFrom, r.PeriodTo);
        return new ContentCalendarItem(
            r.Id ?? StableId($"briefing_sent:{from:O}:{to:O}:{r.StartsAt:O}"),
            kind,
            LocalizedText.Pick(LocalizedText.FromJson(r.Title), language),
            r.StartsAt.AsUtc(),
            r.EndsAt.AsUtc(),
            link,
            r.ProjectId,
            r.ProjectTitle is { } t ? LocalizedText.Pick(LocalizedText.FromJson(t), language) : null,
            r.Cancelled,
            r.Count,
            from,
            to
        );
    }

    private static Guid StableId(string name) => new(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name))[..16]);
}
