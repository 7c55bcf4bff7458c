using Dapper;
using Npgsql;

namespace Participation.Demo;

/// <summary>
/// The officials' briefings: the default schedule (quarterly, the 1st of the next month from 08:00) and, in the log, the
/// briefing each demo official was sent for the quarter before last (the last quarter's are the job's to produce).
/// </summary>
public static class DemoSeedBriefings
{
    private const string Sql = """
        INSERT INTO briefing_schedule DEFAULT VALUES ON CONFLICT (city_id) DO NOTHING;

        WITH q AS (SELECT (date_trunc('quarter', (now() AT TIME ZONE 'Europe/Brussels')) - interval '6 months')::date AS first)
        INSERT INTO briefings (id, official_id, scope_type, scope_id, kind, period_from, period_to, status, created_at, produced_at)
        SELECT gen_random_uuid(), r.user_id, r.scope_type, r.department_id, 'scheduled', q.first,
               (q.first + interval '3 months' - interval '1 day')::date, 'sent',
               q.first + interval '3 months' + interval '6 hours', q.first + interval '3 months' + interval '6 hours'
          FROM (SELECT DISTINCT user_id, scope_type, department_id FROM user_roles WHERE role = 'elected_official') r CROSS JOIN q
        ON CONFLICT DO NOTHING;
        """;

    public static Task RunAsync(NpgsqlConnection connection, NpgsqlTransaction tx) => connection.ExecuteAsync(Sql, transaction: tx);
}
