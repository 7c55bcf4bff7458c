using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Participation.Bench;

/// <summary>
/// Issue 19: the large city's real endpoints measured alone on the deployment, then with many small cities beside it in
/// the same database (their rows in the same tables and indexes, every host routed, the shared pool's connections switched
/// between cities), in the same run. The aim: the large city's figures within 10 % of its single-city ones. Results in
/// cities.md and cities.json; the small cities are removed at the end, so the bench database stays a single city.
/// </summary>
public static class CitiesRun
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly Guid DefaultCity = Guid.Parse("00000000-0000-4000-8000-000000000001");

    public static async Task<int> RunAsync(Options o)
    {
        var api = new Uri(o.Require("url"));
        var connectionString = o.Require("db");
        var count = (int)o.Number("count", o.Quick ? 30 : 300);
        var seconds = o.Number("seconds", o.Quick ? 3 : 10);
        var warmup = o.Number("warmup", o.Quick ? 1 : 3);
        var workers = (int)o.Number("connections", 16);
        var started = DateTimeOffset.UtcNow;

        await RemoveAsync(connectionString);
        await WaitForRoutingAsync(api, "127.0.0.1", HttpStatusCode.OK); // no domain at all: every host is the default city

        var s = new Scenarios(api, connectionString, o.Require("key"));
        await s.LoadAsync();
        var scenarios = new List<Scenario>
        {
            s.List("list trending, first page", s.VoteProject, "trending", null, ""),
            s.List("list newest, first page", s.VoteProject, "newest", null, ""),
            s.Detail(),
            s.Vote(),
            s.Basket(),
        };
        var load = new Load(api, new Cpu(null, null));

        async Task<List<RunResult>> MeasureAsync(string label)
        {
            var results = new List<RunResult>();
            foreach (var sc in scenarios)
            {
                await load.ClosedAsync(sc.Real, 64, 0, warmup);
                var r = await load.ClosedAsync(sc.Real, workers, warmup, seconds);
                Console.WriteLine(
                    $"[cities] {label, -28} {sc.Name, -28} {r.Rps, 8:0} req/s  p50 {r.P50 / 1000.0:0.0} ms  p99 {r.P99 / 1000.0:0.0} ms"
                );
                results.Add(r);
            }
            return results;
        }

        // A whole round first, not counted: the first one after the API's start runs slower (tiered JIT, the server's caches),
        // which made the later "beside" round look faster than "alone" (115-146 %) when it came first.
        await MeasureAsync("warming up (not counted)");
        var single = await MeasureAsync("the large city alone");
        var seeding = System.Diagnostics.Stopwatch.StartNew();
        var seeded = await SeedAsync(connectionString, count);
        Console.WriteLine($"[cities] {count} small cities seeded in {seeding.Elapsed.TotalSeconds:0.0} s: {seeded}");
        await SettleAsync(connectionString);
        await WaitForRoutingAsync(api, "127.0.0.1", HttpStatusCode.OK);
        await WaitForRoutingAsync(api, "unknown.bench.test", HttpStatusCode.NotFound);
        var touched = await TouchEveryCityAsync(api, count);
        var connections = await ApiConnectionsAsync(connectionString);
        Console.WriteLine(
            $"[cities] every small city answered on its own host ({touched} of {count}); API connections open: {connections}"
        );
        var multi = await MeasureAsync($"beside {count} small cities");
        await RemoveAsync(connectionString);
        // The same round once more with the small cities gone (A-B-A): what the machine's drift between rounds is, beside
        // what the cities change. The ratio compares "beside" with the mean of both rounds alone.
        await SettleAsync(connectionString);
        var again = await MeasureAsync("alone again (cities removed)");

        var md = new StringBuilder();
        md.AppendLine($"# Benchmark: the large city alone, then beside {count} small cities").AppendLine();
        md.AppendLine(
            $"`make bench` on {started:yyyy-MM-dd HH:mm} UTC, commit `{Environment.GetEnvironmentVariable("BENCH_COMMIT") ?? "unknown"}`. "
                + "Real endpoints of the large city (the million-idea data set), closed loop at the maximum with "
                + $"{workers} connections, {seconds:0} s each, after a whole round not counted (the API's warm-up): first "
                + $"with no other city, then with {count} small cities in the "
                + $"same database ({seeded}), each on its own host name, every one of them asked once before the second "
                + "measure (the shared pool's connections switched between cities). The aim: within 10 %."
        );
        md.AppendLine();
        md.AppendLine(
            "| scenario | alone RPS | p50 / p99 ms | beside the small cities RPS | p50 / p99 ms | alone again RPS | p50 / p99 ms "
                + "| ratio (beside / mean alone) |"
        );
        md.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|");
        for (var i = 0; i < scenarios.Count; i++)
        {
            var (a, b, c) = (single[i], multi[i], again[i]);
            var alone = (a.Rps + c.Rps) / 2;
            md.AppendLine(
                $"| {scenarios[i].Name} | {a.Rps:0} | {a.P50 / 1000.0:0.0} / {a.P99 / 1000.0:0.0} | {b.Rps:0} | "
                    + $"{b.P50 / 1000.0:0.0} / {b.P99 / 1000.0:0.0} | {c.Rps:0} | {c.P50 / 1000.0:0.0} / {c.P99 / 1000.0:0.0} | "
                    + $"{(alone > 0 ? b.Rps / alone : 0) * 100:0} % |"
            );
        }
        md.AppendLine();
        md.AppendLine($"Every small city answered on its own host ({touched} of {count}); API connections open after that: {connections}.");
        var errors = single.Sum(r => r.Errors) + multi.Sum(r => r.Errors) + again.Sum(r => r.Errors);
        md.AppendLine(errors == 0 ? "Every request answered 2xx." : $"**{errors} requests failed** (see cities.json).");
        var outDir = o.Require("out");
        Directory.CreateDirectory(outDir);
        await File.WriteAllTextAsync(Path.Combine(outDir, "cities.md"), md.ToString());
        await File.WriteAllTextAsync(
            Path.Combine(outDir, "cities.json"),
            JsonSerializer.Serialize(
                new
                {
                    started,
                    cities = count,
                    seeded,
                    touched,
                    connections,
                    rows = scenarios.Select(
                        (sc, i) =>
                            new
                            {
                                sc.Name,
                                Alone = single[i],
                                Beside = multi[i],
                                AloneAgain = again[i],
                                Ratio = single[i].Rps + again[i].Rps > 0 ? 2 * multi[i].Rps / (single[i].Rps + again[i].Rps) : 0,
                            }
                    ),
                },
                new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }
            )
        );
        Console.WriteLine(md.ToString());
        return errors == 0 && touched == count ? 0 : 1;
    }

    /// <summary>
    /// The small cities, set-based and deterministic: each with its settings, terms, 20 residents, a department, two
    /// published projects with an open ideation phase, 50 ideas, 100 reactions and 20 comments (counters recomputed); the
    /// large (default) city gets the host names 127.0.0.1 and localhost. Written as the owner with explicit city ids, one
    /// city at a time in that city's session setting (triggers write their derived rows in the session's city).
    /// </summary>
    /// <summary>After a bulk change (the seed, the removal), what a database at rest has: fresh statistics and no
    /// checkpoint pending, so that the next round does not measure the bulk change's aftermath.</summary>
    private static async Task SettleAsync(string connectionString)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var settle = new NpgsqlCommand("ANALYZE; CHECKPOINT;", db) { CommandTimeout = 600 };
        await settle.ExecuteNonQueryAsync();
    }

    public static async Task<string> SeedAsync(string connectionString, int count)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        const string sql = """
            SET synchronous_commit = off;
            -- Triggers write derived rows (participation actions…) in the session's city, as the API's sessions do.
            SELECT set_config('participation.city_id', md5('bench:city:' || @C)::uuid::text, false);
            INSERT INTO cities (id, slug, name)
            SELECT md5('bench:city:' || c)::uuid, 'city-' || c, 'Ville ' || c FROM (VALUES (@C)) AS v (c);
            INSERT INTO city_domains (host, city_id)
            SELECT 'city-' || c || '.bench.test', md5('bench:city:' || c)::uuid FROM (VALUES (@C)) AS v (c);
            INSERT INTO platform_settings (city_id, name)
            SELECT md5('bench:city:' || c)::uuid, 'Ville ' || c FROM (VALUES (@C)) AS v (c);
            INSERT INTO terms_versions (city_id, version, published_at)
            SELECT md5('bench:city:' || c)::uuid, '1', @T0 - interval '1 year' FROM (VALUES (@C)) AS v (c);
            INSERT INTO users (id, city_id, email, email_confirmed_at, password_hash, first_name, last_name, locale, created_at, updated_at)
            SELECT md5('bench:city:' || c || ':user:' || u)::uuid, md5('bench:city:' || c)::uuid,
                   'resident' || u || '@city-' || c || '.bench.test', @T0 - interval '90 days', 'x', 'Resident', 'R' || u, 'fr',
                   @T0 - interval '90 days', @T0 - interval '90 days'
              FROM (VALUES (@C)) AS v (c), generate_series(0, 19) u;
            INSERT INTO departments (id, city_id, name)
            SELECT md5('bench:city:' || c || ':department')::uuid, md5('bench:city:' || c)::uuid, '{"fr": "Services"}'
              FROM (VALUES (@C)) AS v (c);
            INSERT INTO projects (id, city_id, department_id, title, summary, status, created_at, published_at)
            SELECT md5('bench:city:' || c || ':project:' || p)::uuid, md5('bench:city:' || c)::uuid,
                   md5('bench:city:' || c || ':department')::uuid, jsonb_build_object('fr', 'Projet ' || p || ' de la ville ' || c),
                   '{"fr": "Un projet d''une petite ville."}', 'published', @T0 - interval '60 days', @T0 - interval '60 days'
              FROM (VALUES (@C)) AS v (c), generate_series(1, 2) p;
            INSERT INTO phases (id, city_id, project_id, title, starts_at, ends_at, method, settings)
            SELECT md5('bench:city:' || c || ':phase:' || p)::uuid, md5('bench:city:' || c)::uuid,
                   md5('bench:city:' || c || ':project:' || p)::uuid, '{"fr": "Idées"}', @T0 - interval '30 days', NULL, 'ideation',
                   '{"permissions": {"postIdea": "registered", "comment": "registered", "react": "registered"}, "dislikes": true}'
              FROM (VALUES (@C)) AS v (c), generate_series(1, 2) p;
            INSERT INTO ideas (id, city_id, slug, project_id, phase_id, author_id, title, body, status, created_at, updated_at)
            SELECT md5('bench:city:' || c || ':idea:' || k)::uuid, md5('bench:city:' || c)::uuid, 'idea-' || k,
                   md5('bench:city:' || c || ':project:' || (1 + k % 2))::uuid, md5('bench:city:' || c || ':phase:' || (1 + k % 2))::uuid,
                   md5('bench:city:' || c || ':user:' || (k % 20))::uuid, 'Idée ' || k || ' de la ville ' || c,
                   '<p>Une idée d''habitant pour le quartier.</p>', 'proposed',
                   @T0 - make_interval(secs => k * 3600), @T0 - make_interval(secs => k * 3600)
              FROM (VALUES (@C)) AS v (c), generate_series(1, 50) k;
            INSERT INTO idea_reactions (city_id, idea_id, user_id, kind, created_at)
            SELECT md5('bench:city:' || c)::uuid, md5('bench:city:' || c || ':idea:' || (1 + r % 50))::uuid,
                   md5('bench:city:' || c || ':user:' || (r / 50 + 1 + r % 7))::uuid, 'like', @T0 - interval '1 day'
              FROM (VALUES (@C)) AS v (c), generate_series(0, 99) r;
            INSERT INTO comments (id, city_id, idea_id, author_id, body, created_at)
            SELECT md5('bench:city:' || c || ':comment:' || k)::uuid, md5('bench:city:' || c)::uuid,
                   md5('bench:city:' || c || ':idea:' || (1 + k % 50))::uuid, md5('bench:city:' || c || ':user:' || (k % 20))::uuid,
                   'Bonne idée pour le quartier.', @T0 - interval '2 days'
              FROM (VALUES (@C)) AS v (c), generate_series(1, 20) k;
            UPDATE ideas i
               SET likes_count = coalesce(r.likes, 0), comments_count = coalesce(m.n, 0),
                   trending_score = idea_trending(coalesce(r.likes, 0)::int, 0, coalesce(m.n, 0)::int, i.created_at, @T0)
              FROM ideas x
              LEFT JOIN (SELECT idea_id, count(*) AS likes FROM idea_reactions
                           WHERE idea_id IN (SELECT md5('bench:city:' || @C || ':idea:' || k)::uuid FROM generate_series(1, 50) k)
                          GROUP BY 1) r ON r.idea_id = x.id
              LEFT JOIN (SELECT idea_id, count(*) AS n FROM comments
                           WHERE idea_id IN (SELECT md5('bench:city:' || @C || ':idea:' || k)::uuid FROM generate_series(1, 50) k)
                          GROUP BY 1) m ON m.idea_id = x.id
             WHERE i.id = x.id AND x.id IN (SELECT md5('bench:city:' || @C || ':idea:' || k)::uuid FROM generate_series(1, 50) k);
            """;
        // One city at a time, in its session setting: set-based within the city.
        for (var c = 1; c <= count; c++)
        {
            await using var cmd = new NpgsqlCommand(sql, db) { CommandTimeout = 3600 };
            cmd.Parameters.AddWithValue("C", c);
            cmd.Parameters.AddWithValue("T0", Seeder.Anchor);
            await cmd.ExecuteNonQueryAsync();
        }
        await using (
            var finish = new NpgsqlCommand(
                """
                INSERT INTO city_domains (host, city_id) VALUES ('127.0.0.1', @Default), ('localhost', @Default);
                RESET participation.city_id;
                ANALYZE;
                """,
                db
            )
            {
                CommandTimeout = 3600,
            }
        )
        {
            finish.Parameters.AddWithValue("Default", DefaultCity);
            await finish.ExecuteNonQueryAsync();
        }
        await using var sizes = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM users WHERE city_id <> @Default), (SELECT count(*) FROM ideas WHERE city_id <> @Default);",
            db
        );
        sizes.Parameters.AddWithValue("Default", DefaultCity);
        await using var r = await sizes.ExecuteReaderAsync();
        await r.ReadAsync();
        return $"{r.GetInt64(0):N0} residents and {r.GetInt64(1):N0} ideas in all";
    }

    /// <summary>Removes every city but the default one and every domain, with their rows.</summary>
    public static async Task RemoveAsync(string connectionString)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var tables = new NpgsqlCommand(
            """
            SELECT string_agg(format('DELETE FROM %I WHERE city_id <> %L;', c.relname, @Default), ' ')
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
             WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
               AND a.attname = 'city_id' AND NOT a.attisdropped;
            """,
            db
        );
        tables.Parameters.AddWithValue("Default", DefaultCity);
        var deletes = (string?)await tables.ExecuteScalarAsync() ?? "";
        await using var cmd = new NpgsqlCommand(
            // Foreign keys between a city's own rows are not checked one by one: all of them go (replica role skips triggers).
            $"""
            BEGIN;
            SET LOCAL session_replication_role = replica;
            {deletes}
            DELETE FROM city_domains;
            DELETE FROM cities WHERE id <> '{DefaultCity:D}';
            COMMIT;
            """,
            db
        )
        {
            CommandTimeout = 3600,
        };
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Waits (bounded) until the API's host routing, refreshed every few seconds, answers <paramref name="expected"/>.</summary>
    private static async Task WaitForRoutingAsync(Uri api, string host, HttpStatusCode expected)
    {
        using var http = new HttpClient { BaseAddress = api };
        for (var i = 0; i < 100; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/platform");
            request.Headers.Host = host;
            using var response = await http.SendAsync(request);
            if (response.StatusCode == expected)
                return;
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"The API did not answer {(int)expected} for host {host}.");
    }

    /// <summary>Asks every small city for its projects on its own host; how many answered with their own city's.</summary>
    private static async Task<int> TouchEveryCityAsync(Uri api, int count)
    {
        using var http = new HttpClient { BaseAddress = api };
        var ok = 0;
        for (var c = 1; c <= count; c++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects?limit=5");
            request.Headers.Host = $"city-{c}.bench.test";
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode && body.Contains($"de la ville {c}\"", StringComparison.Ordinal))
                ok++;
        }
        return ok;
    }

    private static async Task<long> ApiConnectionsAsync(string connectionString)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'participation-api' AND datname = current_database()",
            db
        );
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), Inv);
    }
}
