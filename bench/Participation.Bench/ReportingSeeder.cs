using System.Diagnostics;
using Npgsql;

namespace Participation.Bench;

/// <summary>The size of the reporting data set: a whole city's history for the briefings, dashboards and exports at scale.</summary>
public sealed record ReportingScale(
    string Name,
    int Users,
    int Departments,
    int ProjectsPerDepartment,
    int IdeasPerProject,
    int Reactions,
    int Comments,
    int Votes
)
{
    public int Projects => Departments * ProjectsPerDepartment;
    public int Ideas => Projects * IdeasPerProject;

    public static readonly ReportingScale Full = new("full", 500_000, 10, 10, 10_000, 2_000_000, 500_000, 500_000);
    public static readonly ReportingScale Quick = new("quick", 50_000, 10, 10, 1_000, 200_000, 50_000, 50_000);
}

/// <summary>
/// The reporting data set (issue 15's speed targets): 500,000 users, 10 departments of 10 projects each holding
/// 10,000 ideas (1,000,000 ideas), with reactions, comments, votes and official answers spread over the six months
/// before <see cref="Anchor"/> so that the third and the fourth quarter of 2026 both have activity; 1 platform-wide
/// elected official and 2 per department, a head per department and a moderator per project. Deterministic and
/// set-based like <see cref="Seeder"/>.
/// </summary>
public static class ReportingSeeder
{
    /// <summary>The end of the seeded history: activity lies in the 183 days before it.</summary>
    public static readonly DateTimeOffset Anchor = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private const double Span = 183 * 86400.0;

    public static Guid UserId(long n) => Seeder.Id($"report:user:{n}");

    public static Guid DepartmentId(int d) => Seeder.Id($"report:department:{d}");

    public static Guid ProjectId(int p) => Seeder.Id($"report:project:{p}");

    /// <summary>Staff: admin, then per department its head and two officials, the platform-wide official, a moderator per
    /// project.</summary>
    public static Guid StaffId(string name) => Seeder.Id($"report:staff:{name}");

    public static async Task RunAsync(string connectionString, ReportingScale s)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using (var check = new NpgsqlCommand("SELECT count(*) FROM users WHERE email LIKE '%@report.example'", db))
        {
            var existing = (long)(await check.ExecuteScalarAsync())!;
            if (existing >= s.Users)
            {
                Console.WriteLine($"[report-seed] already seeded ({existing:N0} users): nothing to do");
                return;
            }
            if (existing > 0)
                throw new InvalidOperationException("The database holds another reporting data set: seed a fresh database.");
        }
        var total = Stopwatch.StartNew();
        await ExecAsync(
            db,
            null,
            "SET participation.city_id = '00000000-0000-4000-8000-000000000001'; "
                + "SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET work_mem = '64MB';"
        );

        await ExecAsync(
            db,
            $"{s.Users:N0} residents, registered over a year",
            """
            INSERT INTO users (id, email, email_confirmed_at, password_hash, first_name, last_name, locale, created_at, updated_at)
            SELECT md5('report:user:' || n)::uuid, 'resident' || n || '@report.example', @T0 - interval '400 days', @Hash,
                   (ARRAY['Amina', 'Bram', 'Chloé', 'Dirk', 'Elif', 'Farid', 'Greet', 'Hugo'])[1 + n % 8], 'Resident ' || n,
                   (ARRAY['fr', 'nl', 'en'])[1 + n % 3],
                   @T0 - make_interval(secs => (n::bigint * 7907 % @U) * (365 * 86400.0 / @U)),
                   @T0 - make_interval(secs => (n::bigint * 7907 % @U) * (365 * 86400.0 / @U))
              FROM generate_series(0, @U - 1) n;
            """,
            ("Hash", BenchPassword.Hash()),
            ("U", s.Users)
        );

        await ExecAsync(
            db,
            $"{s.Departments} departments, {s.Projects} projects with their phases",
            """
            INSERT INTO departments (id, name)
            SELECT md5('report:department:' || d)::uuid,
                   jsonb_build_object('fr', 'Service ' || d, 'nl', 'Dienst ' || d, 'en', 'Department ' || d)
              FROM generate_series(0, @D - 1) d;
            INSERT INTO projects (id, department_id, title, summary, goals, status, created_at, published_at)
            SELECT md5('report:project:' || p)::uuid, md5('report:department:' || (p / @PD))::uuid,
                   jsonb_build_object('fr', 'Projet ' || p, 'nl', 'Project ' || p, 'en', 'Project ' || p),
                   jsonb_build_object('fr', 'Un projet du jeu de données des rapports.'),
                   jsonb_build_object('fr', 'Recueillir les idées des habitants.'),
                   'published', @T0 - interval '200 days', @T0 - interval '200 days'
              FROM generate_series(0, @P - 1) p;
            -- ideation over the six months; every fifth project then votes from the anchor on (its votes are spread
            -- over the months before, in an earlier voting phase)
            INSERT INTO phases (id, project_id, title, starts_at, ends_at, method, settings)
            SELECT md5('report:phase:' || p || ':ideation')::uuid, md5('report:project:' || p)::uuid, '{"fr": "Idées"}',
                   @T0 - interval '190 days', @T0 - interval '20 days', 'ideation',
                   '{"permissions": {"postIdea": "confirmed_email", "comment": "confirmed_email", "react": "registered"}}'
              FROM generate_series(0, @P - 1) p;
            INSERT INTO phases (id, project_id, title, starts_at, ends_at, method, settings)
            SELECT md5('report:phase:' || p || ':voting')::uuid, md5('report:project:' || p)::uuid, '{"fr": "Vote"}',
                   @T0 - interval '20 days', @T0 + interval '40 days', 'voting',
                   '{"permissions": {"vote": "registered", "comment": "registered"}, "resultsPublic": false}'
              FROM generate_series(0, @P - 1) p WHERE p % 5 = 0;
            """,
            ("D", s.Departments),
            ("PD", s.ProjectsPerDepartment),
            ("P", s.Projects)
        );

        await ExecAsync(
            db,
            "staff: admin, heads, officials, moderators",
            """
            INSERT INTO users (id, email, email_confirmed_at, password_hash, first_name, last_name, locale, created_at, updated_at)
            SELECT md5('report:staff:' || name)::uuid, name || '@report-staff.example', @T0 - interval '400 days', @Hash,
                   initcap(split_part(name, '-', 1)), 'Staff ' || name, (ARRAY['fr', 'nl', 'en'])[1 + length(name) % 3],
                   @T0 - interval '400 days', @T0 - interval '400 days'
              FROM (SELECT 'admin' AS name UNION ALL SELECT 'official-platform'
                    UNION ALL SELECT 'head-' || d FROM generate_series(0, @D - 1) d
                    UNION ALL SELECT 'official-' || d || '-' || k FROM generate_series(0, @D - 1) d, generate_series(1, 2) k
                    UNION ALL SELECT 'moderator-' || p FROM generate_series(0, @P - 1) p) names;
            INSERT INTO user_roles (id, user_id, role, scope_type, scope_id, department_id, project_id)
            SELECT gen_random_uuid(), md5('report:staff:' || name)::uuid, role, scope_type, scope_id,
                   CASE WHEN scope_type = 'department' THEN scope_id END, CASE WHEN scope_type = 'project' THEN scope_id END
              FROM (SELECT 'admin' AS name, 'admin' AS role, 'platform' AS scope_type, NULL::uuid AS scope_id
                    UNION ALL SELECT 'official-platform', 'elected_official', 'platform', NULL
                    UNION ALL SELECT 'head-' || d, 'department_head', 'department', md5('report:department:' || d)::uuid
                                FROM generate_series(0, @D - 1) d
                    UNION ALL SELECT 'official-' || d || '-' || k, 'elected_official', 'department', md5('report:department:' || d)::uuid
                                FROM generate_series(0, @D - 1) d, generate_series(1, 2) k
                    UNION ALL SELECT 'moderator-' || p, 'project_moderator', 'project', md5('report:project:' || p)::uuid
                                FROM generate_series(0, @P - 1) p) grants;
            """,
            ("Hash", BenchPassword.Hash()),
            ("D", s.Departments),
            ("P", s.Projects)
        );

        // Ideas: project p holds ideas k = 1..N, posted over the 170 days of ideation in an order unrelated to rank.
        await ExecAsync(
            db,
            $"{s.Ideas:N0} ideas",
            """
            -- Slugs given (unique by k in each project): the default-slug trigger would scan the project's slugs per row.
            INSERT INTO ideas (id, slug, project_id, phase_id, author_id, title, body, status, created_at, updated_at)
            SELECT md5('report:idea:' || p || ':' || k)::uuid, 'idea-' || k, md5('report:project:' || p)::uuid,
                   md5('report:phase:' || p || ':ideation')::uuid, md5('report:user:' || ((p::bigint * @N + k) * 31 % @U))::uuid,
                   'Idea ' || k || ' of project ' || p,
                   '<p>Residents ask for '
                       || (ARRAY['a safer crossing', 'more trees', 'a bike lane', 'a playground'])[1 + k % 4] || '.</p>',
                   CASE k % 10 WHEN 3 THEN 'under_consideration' WHEN 7 THEN 'accepted' WHEN 9 THEN 'rejected' ELSE 'proposed' END,
                   @T0 - interval '20 days' - make_interval(secs => (k::bigint * 7907 % @N) * (170 * 86400.0 / @N)) - interval '1 hour',
                   @T0 - interval '20 days' - make_interval(secs => (k::bigint * 7907 % @N) * (170 * 86400.0 / @N)) - interval '1 hour'
              FROM generate_series(0, @P - 1) p CROSS JOIN generate_series(1, @N) k;
            """,
            ("P", s.Projects),
            ("N", s.IdeasPerProject),
            ("U", s.Users)
        );

        await ExecAsync(
            db,
            "official answers (three ideas in ten), a week to a month after posting",
            """
            INSERT INTO idea_status_changes (idea_id, from_status, to_status, feedback, signed_as, created_at)
            SELECT id, 'proposed', status, 'The department studied this idea: see its answer.', 'The department',
                   least(created_at + make_interval(days => 7 + (abs(hashtext(id::text)) % 24)), @T0 - interval '1 hour')
              FROM ideas WHERE status <> 'proposed' AND project_id IN (SELECT id FROM projects WHERE title ->> 'fr' LIKE 'Projet %');
            """
        );

        // Reactions: idea k of each project gets about Reactions / Ideas of them, from distinct users, after it was posted.
        await ExecAsync(
            db,
            $"{s.Reactions:N0} reactions",
            """
            INSERT INTO idea_reactions (idea_id, user_id, kind, phase_id, created_at)
            SELECT i.id, md5('report:user:' || ((abs(hashtext(i.id::text))::bigint + j * 7919) % @U))::uuid,
                   CASE WHEN j % 10 = 9 THEN 'dislike' ELSE 'like' END, i.phase_id,
                   least(i.created_at + make_interval(hours => 1 + j * 5), @T0 - interval '1 hour')
              FROM ideas i CROSS JOIN LATERAL generate_series(0, @R - 1) j
             WHERE i.project_id IN (SELECT id FROM projects WHERE title ->> 'fr' LIKE 'Projet %')
            ON CONFLICT DO NOTHING;
            """,
            ("R", Math.Max(1, s.Reactions / s.Ideas)),
            ("U", s.Users)
        );

        await ExecAsync(
            db,
            $"{s.Comments:N0} comments",
            """
            INSERT INTO comments (id, idea_id, author_id, body, created_at)
            SELECT md5('report:comment:' || i.id || ':' || j)::uuid, i.id,
                   md5('report:user:' || ((abs(hashtext(i.id::text))::bigint + j * 104729 + 13) % @U))::uuid,
                   'I agree, this would help the neighbourhood.',
                   least(i.created_at + make_interval(hours => 3 + j * 11), @T0 - interval '1 hour')
              FROM ideas i CROSS JOIN LATERAL generate_series(0, @C - 1) j
             WHERE i.project_id IN (SELECT id FROM projects WHERE title ->> 'fr' LIKE 'Projet %')
               AND abs(hashtext(i.id::text)) % 2 = 0;
            """,
            ("C", Math.Max(1, 2 * s.Comments / s.Ideas)),
            ("U", s.Users)
        );

        await ExecAsync(
            db,
            $"{s.Votes:N0} votes in the voting phases",
            """
            INSERT INTO idea_votes (phase_id, idea_id, user_id, created_at)
            SELECT md5('report:phase:' || p || ':voting')::uuid, md5('report:idea:' || p || ':' || (1 + (v * 7919) % @N))::uuid,
                   md5('report:user:' || ((p::bigint * 104729 + v) % @U))::uuid,
                   @T0 - interval '20 days' + make_interval(secs => v * (19 * 86400.0 / @V))
              FROM generate_series(0, @P - 1, 5) p CROSS JOIN generate_series(0, @V - 1) v
            ON CONFLICT DO NOTHING;
            INSERT INTO vote_tallies (phase_id, idea_id, votes)
            SELECT phase_id, idea_id, count(*) FROM idea_votes
             WHERE phase_id IN (SELECT id FROM phases WHERE title ->> 'fr' = 'Vote') GROUP BY 1, 2
            ON CONFLICT (phase_id, idea_id) DO UPDATE SET votes = excluded.votes;
            """,
            ("P", s.Projects),
            ("N", s.IdeasPerProject),
            ("V", s.Votes / Math.Max(1, (s.Projects + 4) / 5)),
            ("U", s.Users)
        );

        await ExecAsync(
            db,
            "counters (recomputed from the rows)",
            """
            UPDATE ideas i
               SET likes_count = coalesce(r.likes, 0), dislikes_count = coalesce(r.dislikes, 0), comments_count = coalesce(c.n, 0)
              FROM ideas x
              LEFT JOIN (SELECT idea_id, count(*) FILTER (WHERE kind = 'like') AS likes,
                                count(*) FILTER (WHERE kind = 'dislike') AS dislikes
                           FROM idea_reactions GROUP BY idea_id) r ON r.idea_id = x.id
              LEFT JOIN (SELECT idea_id, count(*) AS n FROM comments WHERE deleted_at IS NULL AND hidden_at IS NULL GROUP BY idea_id) c
                ON c.idea_id = x.id
             WHERE i.id = x.id AND x.project_id IN (SELECT id FROM projects WHERE title ->> 'fr' LIKE 'Projet %');
            """
        );
        await ExecAsync(db, "VACUUM ANALYZE", "VACUUM ANALYZE", timeout: 3600);

        await using var cmd = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM ideas), (SELECT count(*) FROM idea_reactions),
                   (SELECT count(*) FROM comments), (SELECT count(*) FROM idea_votes), (SELECT count(*) FROM idea_status_changes),
                   pg_size_pretty(pg_database_size(current_database()))
            """,
            db
        );
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        Console.WriteLine(
            $"[report-seed] {r.GetInt64(0):N0} users · {r.GetInt64(1):N0} ideas · {r.GetInt64(2):N0} reactions · "
                + $"{r.GetInt64(3):N0} comments · "
                + $"{r.GetInt64(4):N0} votes · {r.GetInt64(5):N0} answers · database {r.GetString(6)} · {total.Elapsed.TotalSeconds:0} s"
        );
    }

    private static Task ExecAsync(NpgsqlConnection db, string? label, string sql, params (string Name, object Value)[] args) =>
        SeedSql.ExecAsync(db, "report-seed", Anchor, label, sql, 3600, args);

    private static Task ExecAsync(NpgsqlConnection db, string? label, string sql, int timeout, params (string Name, object Value)[] args) =>
        SeedSql.ExecAsync(db, "report-seed", Anchor, label, sql, timeout, args);
}
