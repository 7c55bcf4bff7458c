using System.Text.Json.Serialization;

namespace Participation.Api.Features.Operator;

/// <summary>Whether a city is served: active, suspended (its addresses answer 503) or archived (they answer 404).</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum CityStatus
{
    Active,
    Suspended,
    Archived,
}

/// <summary>The e-mails of a city's outbox by state: sent, failed for good, waiting (queued or retrying).</summary>
public sealed record EmailDelivery(long Sent, long Failed, long Pending);

/// <summary>
/// A city's health at a glance. <c>Users</c> are its accounts (not deleted), <c>Staff</c> those with a role; ideas,
/// comments and votes of the last 30 days; <c>StorageBytes</c> the files it keeps (media, idea attachments, logo and
/// favicon); <c>Errors</c> what failed in the last 7 days (e-mails, webhook deliveries, exports).
/// </summary>
public sealed record CityHealth(
    long Users,
    long Staff,
    long Ideas30Days,
    long Comments30Days,
    long Votes30Days,
    EmailDelivery Email,
    long StorageBytes,
    long Errors7Days
);

/// <summary>A city as the console shows it: its addresses (the first one is its links' address), languages and health.</summary>
public sealed record CitySummary(
    Guid Id,
    string Slug,
    string Name,
    CityStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset StatusAt,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> Languages,
    string DefaultLanguage,
    CityHealth Health
);

/// <summary>
/// Every city's health in one statement (the figures of all cities aggregated per table, grouped by city, then joined:
/// as many scans as tables, whatever the number of cities). The owner's connection sees every city's rows.
/// </summary>
public static class CityHealthQuery
{
    public const string Sql = """
        WITH u AS (SELECT city_id, count(*) AS users FROM users WHERE deleted_at IS NULL GROUP BY city_id),
             s AS (SELECT r.city_id, count(DISTINCT r.user_id) AS staff FROM user_roles r GROUP BY r.city_id),
             i AS (SELECT city_id, count(*) AS n FROM ideas WHERE created_at > now() - interval '30 days' GROUP BY city_id),
             c AS (SELECT city_id, count(*) AS n FROM comments WHERE created_at > now() - interval '30 days' GROUP BY city_id),
             v AS (SELECT city_id, count(*) AS n FROM idea_votes WHERE created_at > now() - interval '30 days' GROUP BY city_id),
             o AS (SELECT city_id, count(*) FILTER (WHERE status = 'sent') AS sent, count(*) FILTER (WHERE status = 'failed') AS failed,
                          count(*) FILTER (WHERE status = 'queued') AS pending,
                          count(*) FILTER (WHERE status = 'failed' AND created_at > now() - interval '7 days') AS failed7
                     FROM email_outbox GROUP BY city_id),
             w AS (SELECT city_id, count(*) AS n FROM webhook_deliveries
                    WHERE status = 'failed' AND created_at > now() - interval '7 days' GROUP BY city_id),
             x AS (SELECT city_id, count(*) AS n FROM exports WHERE status = 'failed' AND created_at > now() - interval '7 days'
                    GROUP BY city_id),
             f AS (SELECT city_id, sum(bytes) AS bytes FROM (
                       SELECT city_id, size_bytes::bigint AS bytes FROM media
                       UNION ALL SELECT city_id, size_bytes FROM idea_attachments
                       UNION ALL SELECT city_id, octet_length(content) FROM platform_images) files GROUP BY city_id),
             d AS (SELECT city_id, array_agg(host ORDER BY position, host) AS domains FROM city_domains GROUP BY city_id)
        SELECT ci.id, ci.slug, ci.name, ci.status, ci.created_at, ci.status_at,
               coalesce(d.domains, '{}') AS domains, coalesce(ps.languages, ARRAY['fr']) AS languages,
               coalesce(ps.default_language, 'fr') AS default_language,
               coalesce(u.users, 0) AS users, coalesce(s.staff, 0) AS staff, coalesce(i.n, 0) AS ideas, coalesce(c.n, 0) AS comments,
               coalesce(v.n, 0) AS votes, coalesce(o.sent, 0) AS email_sent, coalesce(o.failed, 0) AS email_failed,
               coalesce(o.pending, 0) AS email_pending, coalesce(f.bytes, 0)::bigint AS storage_bytes,
               coalesce(o.failed7, 0) + coalesce(w.n, 0) + coalesce(x.n, 0) AS errors
          FROM cities ci
          LEFT JOIN platform_settings ps ON ps.city_id = ci.id
          LEFT JOIN u ON u.city_id = ci.id LEFT JOIN s ON s.city_id = ci.id LEFT JOIN i ON i.city_id = ci.id
          LEFT JOIN c ON c.city_id = ci.id LEFT JOIN v ON v.city_id = ci.id LEFT JOIN o ON o.city_id = ci.id
          LEFT JOIN w ON w.city_id = ci.id LEFT JOIN x ON x.city_id = ci.id LEFT JOIN f ON f.city_id = ci.id
          LEFT JOIN d ON d.city_id = ci.id
         WHERE @Id::uuid IS NULL OR ci.id = @Id
         ORDER BY ci.name, ci.id;
        """;

    // A class, not a positional record: Dapper matches a constructor by the columns' types, and reports text[] as Array.
    private sealed class Row
    {
        public Guid Id { get; init; }
        public string Slug { get; init; } = "";
        public string Name { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public DateTime StatusAt { get; init; }
        public string[] Domains { get; init; } = [];
        public string[] Languages { get; init; } = [];
        public string DefaultLanguage { get; init; } = "";
        public long Users { get; init; }
        public long Staff { get; init; }
        public long Ideas { get; init; }
        public long Comments { get; init; }
        public long Votes { get; init; }
        public long EmailSent { get; init; }
        public long EmailFailed { get; init; }
        public long EmailPending { get; init; }
        public long StorageBytes { get; init; }
        public long Errors { get; init; }
    }

    /// <summary>Every city (<paramref name="id"/> null) or one.</summary>
    public static async Task<List<CitySummary>> ReadAsync(NpgsqlConnection connection, Guid? id, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, new { Id = id }, cancellationToken: ct));
        return rows.Select(r => new CitySummary(
                r.Id,
                r.Slug,
                r.Name,
                r.Status.ToEnum<CityStatus>(),
                new DateTimeOffset(r.CreatedAt, TimeSpan.Zero),
                new DateTimeOffset(r.StatusAt, TimeSpan.Zero),
                r.Domains,
                r.Languages,
                r.DefaultLanguage,
                new CityHealth(
                    r.Users,
                    r.Staff,
                    r.Ideas,
                    r.Comments,
                    r.Votes,
                    new EmailDelivery(r.EmailSent, r.EmailFailed, r.EmailPending),
                    r.StorageBytes,
                    r.Errors
                )
            ))
            .ToList();
    }
}
