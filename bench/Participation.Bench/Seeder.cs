using System.Diagnostics;
using Npgsql;

namespace Participation.Bench;

/// <summary>How big the data set is: the full one for <c>make bench</c>, a small one for <c>BENCH_QUICK=1</c>.</summary>
public sealed record Scale(
    string Name,
    int Users,
    int VoteIdeas,
    int Reactions,
    int Comments,
    int SmallIdeas,
    int LargeIdeas,
    int BudgetIdeas,
    int HugeIdeas,
    int HugeReactions
)
{
    // Full: 1,111,200 ideas, about 10,000,000 reactions (8.7 million of them on the million-idea project).
    public static readonly Scale Full = new("full", 100_000, 10_000, 1_000_000, 100_000, 1_000, 100_000, 200, 1_000_000, 9_000_000);
    public static readonly Scale Quick = new("quick", 10_000, 1_000, 100_000, 10_000, 100, 10_000, 200, 20_000, 100_000);
}

/// <summary>
/// Fills a migrated database with the bench data set, set-based (generate_series) and deterministic: every id is
/// an md5 of a fixed name, every date is relative to <see cref="Anchor"/>, every skew a closed formula, so two
/// runs seed exactly the same rows. Counters and trending scores are recomputed from the rows afterwards.
/// </summary>
public static class Seeder
{
    /// <summary>"Now" for the data set: ideas are posted in the 30 days before it; the voting and budgeting phases open at it and never
    /// close.</summary>
    public static readonly DateTimeOffset Anchor = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static Guid Id(string name) =>
        Guid.ParseExact(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(name))), "N");

    public static Guid UserId(long n) => Id($"bench:user:{n}");

    public static Guid ProjectId(string key) => Id($"bench:project:{key}");

    public static Guid PhaseId(string key) => Id($"bench:phase:{key}");

    public static Guid IdeaId(string project, long k) => Id($"bench:idea:{project}:{k}");

    public const decimal Budget = 1_000_000_000m;

    public static async Task RunAsync(string connectionString, Scale s)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using (var check = new NpgsqlCommand("SELECT count(*) FROM users WHERE email LIKE '%@bench.example'", db))
        {
            var existing = (long)(await check.ExecuteScalarAsync())!;
            if (existing == s.Users)
            {
                Console.WriteLine($"[seed] already seeded ({existing:N0} bench users): nothing to do");
                return;
            }
            if (existing > 0)
                throw new InvalidOperationException(
                    "The database holds another bench data set: seed a fresh database (.ci/pg.sh start bench --fresh)."
                );
        }
        var total = Stopwatch.StartNew();
        await ExecAsync(
            db,
            "session",
            "SET participation.city_id = '00000000-0000-4000-8000-000000000001'; "
                + "SET synchronous_commit = off; SET maintenance_work_mem = '256MB'; SET work_mem = '64MB';"
        );

        await ExecAsync(
            db,
            $"{s.Users:N0} users",
            """
            INSERT INTO users (id, email, email_confirmed_at, password_hash, first_name, last_name, locale, created_at, updated_at)
            SELECT md5('bench:user:' || n)::uuid, 'resident' || n || '@bench.example', @T0 - interval '90 days', @Hash,
                   (ARRAY['Amina', 'Bram', 'Chloé', 'Dirk', 'Elif', 'Farid', 'Greet', 'Hugo'])[1 + n % 8], 'Resident ' || n,
                   (ARRAY['fr', 'nl', 'en'])[1 + n % 3], @T0 - interval '90 days', @T0 - interval '90 days'
              FROM generate_series(0, @U - 1) n;
            """,
            ("Hash", BenchPassword.Hash()),
            ("U", s.Users)
        );

        await ExecAsync(
            db,
            "department, 5 projects, phases",
            """
            INSERT INTO departments (id, name)
            VALUES (md5('bench:department')::uuid, '{"fr": "Banc d''essai", "nl": "Testbank", "en": "Bench"}');
            INSERT INTO projects (id, department_id, title, summary, status, created_at, published_at)
            SELECT md5('bench:project:' || key)::uuid, md5('bench:department')::uuid, jsonb_build_object('fr', title, 'en', title),
                   jsonb_build_object('fr', 'Projet du banc d''essai.'), 'published', @T0 - interval '60 days', @T0 - interval '60 days'
              FROM (VALUES ('vote', 'Vote V'), ('budget', 'Budget B'), ('small', 'Growth small'),
                           ('large', 'Growth large'), ('huge', 'Growth huge')) AS p (key, title);
            -- an ideation phase (over) in each project, then voting (V) or budgeting (B), open from the anchor on
            INSERT INTO phases (id, project_id, title, starts_at, ends_at, method, settings)
            SELECT md5('bench:phase:' || key || ':ideation')::uuid, md5('bench:project:' || key)::uuid, '{"fr": "Idées"}',
                   @T0 - interval '30 days', @T0, 'ideation',
                   -- adjacent literals separated by a newline are one literal to PostgreSQL
                   '{"permissions": {"postIdea": "confirmed_email", "comment": "confirmed_email", "react": "registered"}, '
                   '"dislikes": true, "map": false, "preModeration": false}'
              FROM unnest(ARRAY['vote', 'budget', 'small', 'large', 'huge']) AS key;
            INSERT INTO phases (id, project_id, title, starts_at, ends_at, method, settings) VALUES
              (md5('bench:phase:vote:voting')::uuid, md5('bench:project:vote')::uuid, '{"fr": "Vote"}', @T0, NULL, 'voting',
               '{"permissions": {"vote": "registered", "comment": "registered"}, "resultsPublic": false}'),
              (md5('bench:phase:budget:budgeting')::uuid, md5('bench:project:budget')::uuid, '{"fr": "Budget"}', @T0, NULL, 'budgeting',
               jsonb_build_object('permissions', jsonb_build_object('vote', 'registered', 'comment', 'registered'),
                                  'budgetAmount', @Budget, 'budgetCurrency', 'EUR', 'resultsPublic', false));
            """,
            ("Budget", Budget)
        );

        foreach (
            var (key, n, cost) in new[]
            {
                ("vote", s.VoteIdeas, false),
                ("budget", s.BudgetIdeas, true),
                ("small", s.SmallIdeas, false),
                ("large", s.LargeIdeas, false),
                ("huge", s.HugeIdeas, false),
            }
        )
            await ExecAsync(
                db,
                $"{n:N0} ideas in {key}",
                """
                -- The slug is given (unique by k): the default-slug trigger, for single rows written by SQL, would look for a
                -- free one among all the project's slugs for each row.
                INSERT INTO ideas (id, slug, project_id, phase_id, author_id, title, body, latitude, longitude, location_label,
                                   status, created_at, updated_at, cost)
                SELECT md5('bench:idea:' || @Key || ':' || k)::uuid, 'idea-' || k, md5('bench:project:' || @Key)::uuid,
                       md5('bench:phase:' || @Key || ':ideation')::uuid,
                       md5('bench:user:' || (k * 31 % @U))::uuid,
                       'Idea ' || k || ': ' || (ARRAY['a safer crossing', 'more trees', 'a bike lane', 'a playground', 'a community garden',
                                                      'longer library hours', 'a skate park', 'quieter streets'])[1 + k % 8],
                       '<p>Residents of the neighbourhood ask for <strong>'
                           || (ARRAY['mobility', 'greenery', 'culture', 'sport', 'safety', 'youth', 'housing', 'cleanliness'])[1 + k % 8]
                           || '</strong> near stop ' || k || '.</p><p>'
                           || repeat('It would make daily life easier for families, older people &amp; visitors alike. ', 5) || '</p>',
                       CASE WHEN k % 2 = 0 THEN 50.80 + (k % 1000) / 10000.0 END, CASE WHEN k % 2 = 0 THEN 4.30 + (k % 997) / 10000.0 END,
                       CASE WHEN k % 2 = 0 THEN 'Near stop ' || k END,
                       CASE k % 10 WHEN 3 THEN 'under_consideration' WHEN 7 THEN 'accepted' ELSE 'proposed' END,
                       -- spread over the 30 days before the anchor, in an order unrelated to popularity (7907 is prime)
                       @T0 - make_interval(secs => (k::bigint * 7907 % @N) * (2592000.0 / @N)) - interval '1 second',
                       @T0 - make_interval(secs => (k::bigint * 7907 % @N) * (2592000.0 / @N)) - interval '1 second',
                       CASE WHEN @Cost THEN 1000 + (k * 37 % 100) * 1000 END
                  FROM generate_series(1, @N) k;
                INSERT INTO topics (id, name, sort_order)
                SELECT md5('bench:topic:' || t)::uuid, jsonb_build_object('fr', t), o::integer
                  FROM unnest(ARRAY['mobility', 'greenery', 'culture', 'sport', 'safety', 'youth', 'housing', 'cleanliness'])
                       WITH ORDINALITY AS u (t, o)
                ON CONFLICT DO NOTHING;
                INSERT INTO idea_topics (idea_id, topic_id)
                SELECT md5('bench:idea:' || @Key || ':' || k)::uuid,
                       md5('bench:topic:' || (ARRAY['mobility', 'greenery', 'culture', 'sport', 'safety', 'youth', 'housing',
                                                    'cleanliness'])[1 + k % 8])::uuid
                  FROM generate_series(1, @N) k
                ON CONFLICT DO NOTHING;
                INSERT INTO idea_status_changes (idea_id, from_status, to_status, feedback, signed_as, created_at)
                SELECT id, 'proposed', status, 'The department is studying this idea and will answer before the summer.',
                       'Mobility department', created_at + interval '1 day'
                  FROM ideas WHERE project_id = md5('bench:project:' || @Key)::uuid AND status <> 'proposed';
                """,
                ("Key", key),
                ("N", n),
                ("U", s.Users),
                ("Cost", cost)
            );

        // Zipf-like skew: idea of rank k gets ceil(a * k^-0.9) rows (at least one), a chosen so the total reaches the target;
        // rank 1 gets ~6 % of them. Reactions of one idea come from distinct users: (k * 7919 + j) mod U, j < U.
        foreach (
            var (key, n, target) in new[]
            {
                ("vote", s.VoteIdeas, s.Reactions),
                ("small", s.SmallIdeas, 2 * s.SmallIdeas),
                ("large", s.LargeIdeas, 2 * s.LargeIdeas),
                ("budget", s.BudgetIdeas, 2 * s.BudgetIdeas),
                ("huge", s.HugeIdeas, s.HugeReactions),
            }
        )
            await ExecAsync(
                db,
                $"≥{target:N0} reactions on {key} (Zipf-like)",
                """
                WITH norm AS (SELECT @Target / sum(power(k, -0.9)) AS a FROM generate_series(1, @N) k),
                ranked AS (SELECT k, least(@U, ceil(norm.a * power(k, -0.9)))::int AS n FROM generate_series(1, @N) k, norm)
                INSERT INTO idea_reactions (idea_id, user_id, kind, created_at)
                SELECT md5('bench:idea:' || @Key || ':' || r.k)::uuid, md5('bench:user:' || ((r.k::bigint * 7919 + j) % @U))::uuid,
                       CASE WHEN j % 10 = 9 THEN 'dislike' ELSE 'like' END, @T0 - interval '1 day'
                  FROM ranked r CROSS JOIN LATERAL generate_series(0, r.n - 1) j;
                """,
                ("Key", key),
                ("N", n),
                ("U", s.Users),
                ("Target", (double)target)
            );

        await ExecAsync(
            db,
            $"≥{s.Comments:N0} comments on vote (Zipf-like)",
            """
            WITH norm AS (SELECT @Target / sum(power(k, -0.9)) AS a FROM generate_series(1, @N) k),
            ranked AS (SELECT k, least(@U, ceil(norm.a * power(k, -0.9)))::int AS n FROM generate_series(1, @N) k, norm)
            INSERT INTO comments (id, idea_id, author_id, body, created_at)
            SELECT md5('bench:comment:vote:' || r.k || ':' || j)::uuid, md5('bench:idea:vote:' || r.k)::uuid,
                   md5('bench:user:' || ((r.k::bigint * 104729 + j * 13) % @U))::uuid,
                   'Comment ' || j || ' on idea ' || r.k || ': I agree, this would help the whole neighbourhood.',
                   @T0 - interval '2 days' + make_interval(secs => j)
              FROM ranked r CROSS JOIN LATERAL generate_series(0, r.n - 1) j;
            """,
            ("N", s.VoteIdeas),
            ("U", s.Users),
            ("Target", (double)s.Comments)
        );

        await ExecAsync(
            db,
            "counters and trending scores (recomputed from the rows)",
            """
            UPDATE ideas i
               SET likes_count = coalesce(r.likes, 0), dislikes_count = coalesce(r.dislikes, 0), comments_count = coalesce(c.n, 0),
                   trending_score = idea_trending(coalesce(r.likes, 0)::int, coalesce(r.dislikes, 0)::int, coalesce(c.n, 0)::int,
                                                  i.created_at, @T0)
              FROM ideas x
              LEFT JOIN (SELECT idea_id, count(*) FILTER (WHERE kind = 'like') AS likes,
                                count(*) FILTER (WHERE kind = 'dislike') AS dislikes
                           FROM idea_reactions GROUP BY idea_id) r ON r.idea_id = x.id
              LEFT JOIN (SELECT idea_id, count(*) AS n FROM comments WHERE deleted_at IS NULL AND hidden_at IS NULL GROUP BY idea_id) c
                ON c.idea_id = x.id
             WHERE i.id = x.id;
            """
        );

        await ExecAsync(db, "VACUUM FULL ideas, VACUUM ANALYZE", "VACUUM FULL ideas", timeout: 1800);
        await ExecAsync(db, null, "VACUUM ANALYZE", timeout: 1800);
        await CheckAsync(db);
        Console.WriteLine($"[seed] done in {total.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Derived data equals recomputation (QUALITY.md §3.4), set-based, and the sizes the issue asks for.</summary>
    private static async Task CheckAsync(NpgsqlConnection db)
    {
        const string sql = """
            SELECT (SELECT count(*) FROM ideas i
                      LEFT JOIN (SELECT idea_id, count(*) FILTER (WHERE kind = 'like') AS l, count(*) FILTER (WHERE kind = 'dislike') AS d
                                   FROM idea_reactions GROUP BY 1) r ON r.idea_id = i.id
                      LEFT JOIN (SELECT idea_id, count(*) AS n FROM comments WHERE deleted_at IS NULL AND hidden_at IS NULL GROUP BY 1) c
                        ON c.idea_id = i.id
                     WHERE i.likes_count <> coalesce(r.l, 0) OR i.dislikes_count <> coalesce(r.d, 0)
                        OR i.comments_count <> coalesce(c.n, 0)) AS broken,
                   (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM ideas) AS ideas,
                   (SELECT count(*) FROM idea_reactions) AS reactions, (SELECT count(*) FROM comments) AS comments,
                   (SELECT max(likes_count + dislikes_count) FROM ideas) AS top,
                   pg_size_pretty(pg_database_size(current_database())) AS size;
            """;
        await using var cmd = new NpgsqlCommand(sql, db) { CommandTimeout = 600 };
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        Console.WriteLine(
            $"[seed] {r.GetInt64(1):N0} users · {r.GetInt64(2):N0} ideas · {r.GetInt64(3):N0} reactions (top idea {r.GetInt32(5):N0}) · "
                + $"{r.GetInt64(4):N0} comments · database {r.GetString(6)}"
        );
        if (r.GetInt64(0) != 0)
            throw new InvalidOperationException($"{r.GetInt64(0)} ideas have counters that differ from their rows.");
        Console.WriteLine("[seed] invariants hold: every counter equals the count of its rows");
    }

    private static Task ExecAsync(NpgsqlConnection db, string? label, string sql, params (string Name, object Value)[] args) =>
        SeedSql.ExecAsync(db, "seed", Anchor, label, sql, 3600, args);

    private static Task ExecAsync(NpgsqlConnection db, string? label, string sql, int timeout, params (string Name, object Value)[] args) =>
        SeedSql.ExecAsync(db, "seed", Anchor, label, sql, timeout, args);
}
