using Microsoft.Extensions.Options;
using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Email;
using Participation.Api.Infrastructure.Jobs;

namespace Participation.Api.Features.Digests;

/// <summary>
/// Sends the digests of the last period that has ended (the ISO week for moderators, the calendar month for department
/// heads, in the platform's time zone), a batch of people per transaction. Each person is claimed by inserting their
/// <c>digests</c> row (UNIQUE kind, person, period; ON CONFLICT DO NOTHING) in the transaction that queues the e-mail
/// (dedup key too), so two instances never send one twice: the second waits on the first's rows, then skips them. The
/// row says what became of it: sent, skipped_empty (nothing to say) or opted_out (e-mails of the category off, or an
/// unconfirmed address). Only the last ended period is sent: a period missed while the platform was down is not caught up.
/// </summary>
public sealed class DigestJob(CityDb db, DigestEmails emails, EventRecorder events, TimeProvider clock, IOptions<DigestOptions> options)
    : IPeriodicJob
{
    private const string ClaimSql = """
        INSERT INTO digests (kind, user_id, period_start, period_end, status)
        SELECT @Kind, c.user_id, @Start, @End, 'skipped_empty'
          FROM (SELECT DISTINCT r.user_id FROM user_roles r LEFT JOIN projects p ON p.id = r.project_id
                 WHERE r.role = @Role AND (r.role <> 'project_moderator' OR p.status <> 'archived')) c
         WHERE NOT EXISTS (SELECT 1 FROM digests d WHERE d.kind = @Kind AND d.user_id = c.user_id AND d.period_start = @Start)
         ORDER BY c.user_id
         LIMIT @Batch
        ON CONFLICT (kind, user_id, period_start) DO NOTHING
        RETURNING user_id;
        """;

    private const string RecipientsSql = """
        SELECT u.id AS user_id, u.email, u.first_name, u.locale,
               u.email_confirmed_at IS NOT NULL AND coalesce(np.channel, 'email') = 'email' AS wanted
          FROM users u LEFT JOIN notification_preferences np ON np.user_id = u.id AND np.category = @Category
         WHERE u.id = ANY(@Users);
        """;

    private const string HeadsSql = """
        SELECT r.user_id, r.department_id, coalesce(d.name ->> u.locale, d.name ->> 'fr') AS name, u.locale
          FROM user_roles r JOIN departments d ON d.id = r.department_id JOIN users u ON u.id = r.user_id
         WHERE r.role = 'department_head' AND r.user_id = ANY(@Users)
         ORDER BY r.user_id, name;
        """;

    private const string MarkSql = """
        UPDATE digests d SET status = x.status, items = x.items, sent_at = CASE WHEN x.status = 'sent' THEN now() END
          FROM unnest(@Users::uuid[], @Statuses::text[], @Items::int[]) AS x(user_id, status, items)
         WHERE d.kind = @Kind AND d.period_start = @Start AND d.user_id = x.user_id;
        """;

    private sealed record Recipient(Guid UserId, string Email, string FirstName, string Locale, bool Wanted);

    private sealed record Head(Guid UserId, Guid DepartmentId, string Name, string Locale);

    public string Name => "digests";

    public TimeSpan Interval(JobOptions o) => TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));

    public async Task<int> RunOnceAsync(CancellationToken ct) =>
        await RunAsync(DigestKind.ModeratorDigest, ct) + await RunAsync(DigestKind.DepartmentSummary, ct);

    /// <summary>One batch of the kind's last ended period; returns how many people it claimed.</summary>
    public async Task<int> RunAsync(DigestKind kind, CancellationToken ct)
    {
        var (start, end) = DigestPeriods.LastEnded(kind, clock);
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var claimed = (
            await connection.QueryAsync<Guid>(
                new CommandDefinition(
                    ClaimSql,
                    new
                    {
                        Kind = kind.ToWire(),
                        Role = DigestPeriods.Role(kind),
                        Start = start,
                        End = end,
                        Batch = Math.Max(1, options.Value.BatchSize),
                    },
                    tx,
                    cancellationToken: ct
                )
            )
        ).AsList();
        if (claimed.Count == 0)
        {
            await tx.CommitAsync(ct);
            return 0;
        }
        var recipients = (
            await connection.QueryAsync<Recipient>(
                new CommandDefinition(
                    RecipientsSql,
                    new { Users = claimed.ToArray(), Category = DigestPeriods.Category(kind).ToWire() },
                    tx,
                    cancellationToken: ct
                )
            )
        ).ToList();
        var wanted = recipients.Where(r => r.Wanted).ToList();
        var outcome = recipients.ToDictionary(
            r => r.UserId,
            r => (Status: r.Wanted ? DigestStatus.SkippedEmpty : DigestStatus.OptedOut, Items: 0)
        );
        var mails = new List<(Guid UserId, OutgoingEmail Mail, int Items, Scope Scope)>();
        if (kind == DigestKind.ModeratorDigest)
        {
            var digests = await ModeratorDigests.ComputeAsync(
                connection,
                tx,
                wanted.Select(r => r.UserId).ToList(),
                DigestPeriods.Instants(start, end),
                clock.GetUtcNow(),
                ct
            );
            foreach (var r in wanted)
                if (digests.TryGetValue(r.UserId, out var d) && !d.Empty)
                    mails.Add((r.UserId, emails.Moderator(To(r), start, end, d), d.Items, Scope.Platform));
        }
        else
        {
            var heads = (
                await connection.QueryAsync<Head>(
                    new CommandDefinition(HeadsSql, new { Users = wanted.Select(r => r.UserId).ToArray() }, tx, cancellationToken: ct)
                )
            ).ToLookup(h => h.UserId);
            var computed = new Dictionary<(Guid, string), DepartmentSummary>();
            foreach (var r in wanted)
            {
                var summaries = new List<DepartmentSummary>();
                foreach (var h in heads[r.UserId])
                {
                    if (!computed.TryGetValue((h.DepartmentId, h.Locale), out var s))
                        computed[(h.DepartmentId, h.Locale)] = s = await DepartmentSummaries.ComputeAsync(
                            connection,
                            h.DepartmentId,
                            h.Name,
                            start,
                            end,
                            h.Locale,
                            ct
                        );
                    if (!s.Empty)
                        summaries.Add(s);
                }
                if (summaries.Count > 0)
                    mails.Add(
                        (
                            r.UserId,
                            emails.Summary(To(r), summaries),
                            summaries.Count,
                            summaries.Count == 1 ? Scope.Department(summaries[0].DepartmentId) : Scope.Platform
                        )
                    );
            }
        }
        foreach (var (userId, mail, items, scope) in mails)
        {
            await Outbox.EnqueueAsync(connection, tx, mail, ct);
            outcome[userId] = (DigestStatus.Sent, items);
            await events.RecordAsync(
                tx,
                EventType.DigestSent,
                Actor.System,
                userId,
                scope,
                data: new
                {
                    kind = kind.ToWire(),
                    periodStart = start,
                    periodEnd = end,
                    items,
                },
                ct: ct
            );
        }
        await connection.ExecuteAsync(
            new CommandDefinition(
                MarkSql,
                new
                {
                    Kind = kind.ToWire(),
                    Start = start,
                    Users = outcome.Keys.ToArray(),
                    Statuses = outcome.Values.Select(o => o.Status.ToWire()).ToArray(),
                    Items = outcome.Values.Select(o => o.Items).ToArray(),
                },
                tx,
                cancellationToken: ct
            )
        );
        await tx.CommitAsync(ct);
        return claimed.Count;
    }

    private static DigestEmails.Recipient To(Recipient r) => new(r.UserId, r.Email, r.FirstName, r.Locale);
}
