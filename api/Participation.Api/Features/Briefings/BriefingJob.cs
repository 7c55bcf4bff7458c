using System.Text.Json;
using Microsoft.Extensions.Options;
using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Email;
using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Features.Briefings;

/// <summary>
/// The briefings' background work, safe on any number of instances:
/// <list type="number">
/// <item>once a period of the schedule is due, one row per elected official and scope is claimed for it
/// (<c>INSERT ... ON CONFLICT DO NOTHING</c> on UNIQUE (official, scope, kind, period)), so each briefing exists once;</item>
/// <item>pending rows are taken with <c>FOR UPDATE SKIP LOCKED</c> one scope at a time (the officials of a scope share its
/// figures), produced (see <see cref="BriefingProducer"/>) and marked in the same transaction as their outbox e-mails; an
/// instance works on <see cref="JobOptions.BriefingWorkers"/> scopes at once, each on its own connection, and a failing
/// scope leaves the others sent;</item>
/// <item>pending launch e-mails (written when a project is published) are taken the same way and queued.</item>
/// </list>
/// </summary>
public sealed class BriefingJob(
    CityDb db,
    BriefingProducer producer,
    BriefingEmails emails,
    TimeProvider clock,
    IOptions<JobOptions> options
) : IPeriodicJob
{
    public const int Batch = 200;

    private const string ClaimPeriodSql = """
        INSERT INTO briefings (id, official_id, scope_type, scope_id, kind, period_from, period_to)
        SELECT gen_random_uuid(), r.user_id, r.scope_type, r.department_id, 'scheduled', @First, @Last
          FROM (SELECT DISTINCT user_id, scope_type, department_id FROM user_roles WHERE role = 'elected_official') r
        ON CONFLICT DO NOTHING;
        """;

    /// <summary>The claimed rows with their official; whether the official opted out is read now, at sending time.</summary>
    internal const string ClaimedColumns = """
        b.id, b.official_id, b.scope_type, b.scope_id, b.period_from, b.period_to, u.email, u.first_name, u.locale,
        coalesce(np.channel, 'email') <> 'email' AS opted_out
        """;

    internal const string ClaimedJoins = """
        JOIN users u ON u.id = b.official_id
        LEFT JOIN notification_preferences np ON np.user_id = b.official_id AND np.category = 'briefing'
        """;

    // The pending rows of one scope: the first pending row nobody holds names the scope, then its other pending rows (at most
    // a batch) are locked with it. Two workers starting at once may split a scope (each computes its figures): never a
    // briefing twice.
    private const string ClaimSql = $"""
        WITH first AS MATERIALIZED (
            SELECT scope_type, scope_id FROM briefings WHERE status = 'pending' AND kind = 'scheduled'
             ORDER BY scope_type, scope_id, id LIMIT 1 FOR UPDATE SKIP LOCKED),
        due AS MATERIALIZED (
            SELECT b.id FROM briefings b JOIN first f ON f.scope_type = b.scope_type AND f.scope_id IS NOT DISTINCT FROM b.scope_id
             WHERE b.status = 'pending' AND b.kind = 'scheduled'
             ORDER BY b.id LIMIT @Batch FOR UPDATE OF b SKIP LOCKED)
        SELECT {ClaimedColumns}
          FROM briefings b JOIN due ON due.id = b.id
          {ClaimedJoins}
         ORDER BY b.scope_type, b.scope_id, b.id;
        """;

    private const string LaunchSql = """
        WITH due AS MATERIALIZED (
            SELECT official_id, project_id FROM briefing_launches WHERE status = 'pending'
             ORDER BY created_at, official_id, project_id LIMIT 50 FOR UPDATE SKIP LOCKED)
        SELECT l.official_id, l.project_id, u.email, u.first_name, u.locale,
               coalesce(np.channel, 'email') <> 'email' AS opted_out,
               p.title::text AS title, p.goals::text AS goals, d.name::text AS department,
               (SELECT name FROM platform_settings LIMIT 1) AS platform
          FROM briefing_launches l
          JOIN due ON due.official_id = l.official_id AND due.project_id = l.project_id
          JOIN users u ON u.id = l.official_id
          JOIN projects p ON p.id = l.project_id
          JOIN departments d ON d.id = p.department_id
          LEFT JOIN notification_preferences np ON np.user_id = l.official_id AND np.category = 'briefing';
        """;

    private const string PhasesSql = """
        SELECT ph.project_id, ph.title::text AS title, ph.starts_at, ph.ends_at FROM phases ph
         WHERE ph.project_id = ANY(@Ids)
         ORDER BY ph.project_id, ph.starts_at;
        """;

    private const string LaunchDoneSql = """
        UPDATE briefing_launches l SET status = x.status, outbox_id = x.outbox_id, produced_at = now()
          FROM unnest(@Officials::uuid[], @Projects::uuid[], @Statuses::text[], @Outbox::bigint[])
               AS x(official_id, project_id, status, outbox_id)
         WHERE l.official_id = x.official_id AND l.project_id = x.project_id;
        """;

    private sealed record LaunchRow(
        Guid OfficialId,
        Guid ProjectId,
        string Email,
        string FirstName,
        string Locale,
        bool OptedOut,
        string Title,
        string Goals,
        string Department,
        string Platform
    );

    private sealed record PhaseRow(Guid ProjectId, string Title, DateTime StartsAt, DateTime? EndsAt);

    // When this instance last claimed the due period's rows: new officials are picked up within ten minutes.
    private (DateOnly First, DateTimeOffset At)? _claimed;

    public string Name => "briefings";

    public TimeSpan Interval(JobOptions o) => TimeSpan.FromSeconds(o.NotificationPollSeconds);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var schedule = await BriefingSchedule.ReadAsync(connection, null, ct);
        if (
            schedule.Due(clock) is var (first, last)
            && (_claimed is not { } c || c.First != first || clock.GetUtcNow() - c.At > TimeSpan.FromMinutes(10))
        )
        {
            await connection.ExecuteAsync(new CommandDefinition(ClaimPeriodSql, new { First = first, Last = last }, cancellationToken: ct));
            _claimed = (first, clock.GetUtcNow());
        }
        return await ProducePendingAsync(connection, ct) + await LaunchesAsync(connection, ct);
    }

    /// <summary>Forget the claimed period (tests that move the clock).</summary>
    internal void Reset() => _claimed = null;

    // The pending briefings, scope by scope, on BriefingWorkers connections at once: a scope's figures are one heavy
    // statement, so two scopes at a time keep two cores of the database busy. The poll's own connection tries first, so an
    // idle poll (every few seconds) opens no other connection.
    private async Task<int> ProducePendingAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var first = await ProduceOneScopeAsync(connection, ct);
        if (first == 0)
            return 0;
        var workers = Math.Max(1, options.Value.BriefingWorkers);
        var produced = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => ProduceScopesAsync(ct)));
        return first + produced.Sum();
    }

    private async Task<int> ProduceScopesAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var total = 0;
        while (await ProduceOneScopeAsync(connection, ct) is var n and > 0)
            total += n;
        return total;
    }

    private async Task<int> ProduceOneScopeAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        var claims = (
            await connection.QueryAsync<BriefingProducer.Claim>(new CommandDefinition(ClaimSql, new { Batch }, tx, cancellationToken: ct))
        ).AsList();
        if (claims.Count == 0)
            return 0;
        await producer.ProduceAsync(connection, tx, claims, Actor.System, ct);
        await tx.CommitAsync(ct);
        return claims.Count;
    }

    private async Task<int> LaunchesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        var rows = (
            await connection.QueryAsync<LaunchRow>(new CommandDefinition(LaunchSql, transaction: tx, cancellationToken: ct))
        ).AsList();
        if (rows.Count == 0)
            return 0;
        var phases = (
            await connection.QueryAsync<PhaseRow>(
                new CommandDefinition(
                    PhasesSql,
                    new { Ids = rows.Select(r => r.ProjectId).Distinct().ToArray() },
                    tx,
                    cancellationToken: ct
                )
            )
        ).ToLookup(p => p.ProjectId);
        var statuses = new List<string>();
        var outbox = new List<long?>();
        foreach (var r in rows)
        {
            if (r.OptedOut)
            {
                statuses.Add("opted_out");
                outbox.Add(null);
                continue;
            }
            var lang = BriefingTexts.Language(r.Locale);
            var mail = emails.Launch(
                new BriefingReader(r.OfficialId, r.Email, r.FirstName, r.Locale),
                r.ProjectId,
                Localized(r.Title, lang),
                Localized(r.Department, lang),
                r.Platform,
                Localized(r.Goals, lang) is { Length: > 0 } goals ? goals : null,
                phases[r.ProjectId]
                    .Select(p => new BriefingPhase(r.ProjectId, "", Localized(p.Title, lang), p.StartsAt.AsUtc(), p.EndsAt?.AsUtc()))
                    .ToList()
            );
            outbox.Add(await Outbox.EnqueueAsync(connection, tx, mail, ct));
            statuses.Add("sent");
        }
        await connection.ExecuteAsync(
            new CommandDefinition(
                LaunchDoneSql,
                new
                {
                    Officials = rows.Select(r => r.OfficialId).ToArray(),
                    Projects = rows.Select(r => r.ProjectId).ToArray(),
                    Statuses = statuses.ToArray(),
                    Outbox = outbox.ToArray(),
                },
                tx,
                cancellationToken: ct
            )
        );
        await tx.CommitAsync(ct);
        return rows.Count;
    }

    /// <summary>A multilingual text (jsonb) in <paramref name="language"/>, else French.</summary>
    private static string Localized(string json, string language)
    {
        var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        return texts.GetValueOrDefault(language) is { Length: > 0 } t ? t : texts.GetValueOrDefault("fr") ?? "";
    }
}
