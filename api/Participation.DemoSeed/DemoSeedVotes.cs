using Dapper;
using Npgsql;

namespace Participation.Demo;

/// <summary>
/// The demo city's votes and budget: a project whose voting phase is open (published results), the
/// participatory budget's ideas with their costs and residents' baskets (submitted or not), and the votes of
/// the archived project's past voting phase. Fixed ids and recomputed counters make it safe to run again.
/// </summary>
public static class DemoSeedVotes
{
    private const string Sql = """
        INSERT INTO projects (id, department_id, title, summary, description, topics, status, published_at, created_by)
        SELECT '0190a000-0000-7000-8000-000000000307', @Mobility,
               '{"fr":"Rues scolaires : lesquelles d''abord ?","nl":"Schoolstraten: welke eerst?","en":"School streets: which first?"}',
               '{"fr":"Votez pour les trois rues à fermer aux voitures aux heures d''école.",'
               '"nl":"Stem voor de drie straten die tijdens de schooluren autovrij worden.",'
               '"en":"Vote for the three streets to close to cars at school times."}',
               '{"fr":"<p>Les écoles ont proposé des rues ; à vous de choisir les priorités.</p>"}', ARRAY['mobilité', 'école'],
               'published', now() - interval '40 days', u.id
          FROM users u WHERE u.email = 'admin@demo.participation.test'
        ON CONFLICT DO NOTHING;

        INSERT INTO phases (id, project_id, title, description, starts_at, ends_at, method, settings)
        VALUES ('0190a000-0000-7000-8000-000000000410', '0190a000-0000-7000-8000-000000000307',
                '{"fr":"Propositions des écoles","nl":"Voorstellen van de scholen","en":"Schools'' proposals"}', '{}',
                now() - interval '40 days', now() - interval '10 days', 'ideation',
                '{"permissions":{"postIdea":"staff","comment":"confirmed_email","react":"registered"},'
                '"dislikes":false,"map":false,"preModeration":false}'),
               ('0190a000-0000-7000-8000-000000000411', '0190a000-0000-7000-8000-000000000307',
                '{"fr":"Vote","nl":"Stemming","en":"Vote"}', '{}',
                now() - interval '10 days', now() + interval '20 days', 'voting',
                '{"permissions":{"vote":"confirmed_email","comment":"confirmed_email"},"votesPerUser":3,"resultsPublic":true}')
        ON CONFLICT DO NOTHING;

        INSERT INTO ideas (id, project_id, phase_id, author_id, title, body, topics, status, cost, created_at)
        SELECT v.id, v.project_id, v.phase_id, u.id, v.title, v.body, v.topics, 'proposed', v.cost, now() - interval '30 days'
          FROM (VALUES
            ('0190a000-0000-7000-8000-000000000521'::uuid, '0190a000-0000-7000-8000-000000000307'::uuid,
             '0190a000-0000-7000-8000-000000000410'::uuid, 'Rue de l''École', '<p>Devant l''école communale n° 1 (420 élèves).</p>',
             ARRAY['école'], NULL::numeric),
            ('0190a000-0000-7000-8000-000000000522'::uuid, '0190a000-0000-7000-8000-000000000307'::uuid,
             '0190a000-0000-7000-8000-000000000410'::uuid, 'Avenue des Tilleuls',
             '<p>Devant l''athénée : beaucoup de trafic de transit.</p>', ARRAY['école'], NULL),
            ('0190a000-0000-7000-8000-000000000523'::uuid, '0190a000-0000-7000-8000-000000000307'::uuid,
             '0190a000-0000-7000-8000-000000000410'::uuid, 'Rue du Moulin', '<p>École maternelle du Moulin.</p>', ARRAY['école'], NULL),
            ('0190a000-0000-7000-8000-000000000524'::uuid, '0190a000-0000-7000-8000-000000000307'::uuid,
             '0190a000-0000-7000-8000-000000000410'::uuid, 'Rue Haute', '<p>Deux écoles primaires à 100 m l''une de l''autre.</p>',
             ARRAY['école'], NULL),
            ('0190a000-0000-7000-8000-000000000525'::uuid, '0190a000-0000-7000-8000-000000000307'::uuid,
             '0190a000-0000-7000-8000-000000000410'::uuid, 'Place Saint-Jean', '<p>Le parvis de l''école Saint-Jean.</p>',
             ARRAY['école'], NULL),
            ('0190a000-0000-7000-8000-000000000531'::uuid, '0190a000-0000-7000-8000-000000000302'::uuid,
             '0190a000-0000-7000-8000-000000000404'::uuid, 'Pistes cyclables séparées rue Royale',
             '<p>1,2 km de piste protégée.</p>', ARRAY['vélo'], 120000),
            ('0190a000-0000-7000-8000-000000000532'::uuid, '0190a000-0000-7000-8000-000000000302'::uuid,
             '0190a000-0000-7000-8000-000000000404'::uuid, 'Arceaux vélos dans tous les quartiers', '<p>300 arceaux.</p>',
             ARRAY['vélo'], 45000),
            ('0190a000-0000-7000-8000-000000000533'::uuid, '0190a000-0000-7000-8000-000000000302'::uuid,
             '0190a000-0000-7000-8000-000000000404'::uuid, 'Bancs et ombre aux arrêts de bus', '<p>40 arrêts équipés.</p>',
             ARRAY['mobilité'], 60000),
            ('0190a000-0000-7000-8000-000000000534'::uuid, '0190a000-0000-7000-8000-000000000302'::uuid,
             '0190a000-0000-7000-8000-000000000404'::uuid, 'Trottoirs élargis rue du Marché',
             '<p>Pour les poussettes et les fauteuils.</p>', ARRAY['piétons'], 90000),
            ('0190a000-0000-7000-8000-000000000535'::uuid, '0190a000-0000-7000-8000-000000000302'::uuid,
             '0190a000-0000-7000-8000-000000000404'::uuid, 'Box vélos sécurisés', '<p>20 box de 5 places.</p>', ARRAY['vélo'], 30000),
            ('0190a000-0000-7000-8000-000000000536'::uuid, '0190a000-0000-7000-8000-000000000302'::uuid,
             '0190a000-0000-7000-8000-000000000404'::uuid, 'Passages piétons éclairés', '<p>15 passages devant les écoles.</p>',
             ARRAY['piétons', 'sécurité'], 75000)
          ) AS v(id, project_id, phase_id, title, body, topics, cost)
         CROSS JOIN (SELECT id FROM users WHERE email = 'moderation@demo.participation.test') u
        ON CONFLICT DO NOTHING;
        INSERT INTO idea_status_changes (idea_id, from_status, to_status, changed_by, created_at)
        SELECT i.id, NULL, 'proposed', i.author_id, i.created_at FROM ideas i
         WHERE i.project_id IN ('0190a000-0000-7000-8000-000000000307', '0190a000-0000-7000-8000-000000000302')
           AND NOT EXISTS (SELECT 1 FROM idea_status_changes c WHERE c.idea_id = i.id);

        -- Votes: every demo resident uses some of their three votes; the archived project's past vote too.
        INSERT INTO idea_votes (phase_id, idea_id, user_id, created_at)
        SELECT v.phase_id, v.idea_id, u.id, now() - interval '2 days'
          FROM users u
          JOIN (VALUES
            ('0190a000-0000-7000-8000-000000000411'::uuid, '0190a000-0000-7000-8000-000000000521'::uuid, 0),
            ('0190a000-0000-7000-8000-000000000411'::uuid, '0190a000-0000-7000-8000-000000000522'::uuid, 1),
            ('0190a000-0000-7000-8000-000000000411'::uuid, '0190a000-0000-7000-8000-000000000524'::uuid, 2),
            ('0190a000-0000-7000-8000-000000000409'::uuid, '0190a000-0000-7000-8000-000000000512'::uuid, 0),
            ('0190a000-0000-7000-8000-000000000409'::uuid, '0190a000-0000-7000-8000-000000000511'::uuid, 1)
          ) AS v(phase_id, idea_id, slot) ON abs(hashtext(u.id::text || v.slot::text)) % 3 <> 0
         WHERE u.email LIKE 'resident%@demo.participation.test'
        ON CONFLICT DO NOTHING;

        -- Baskets: most residents submitted theirs; Fatima (habitante) is still filling hers.
        INSERT INTO baskets (id, phase_id, user_id, budget, submitted_at)
        SELECT ('0190a000-0000-7000-8000-0000000008' || lpad((row_number() OVER (ORDER BY u.email))::text, 2, '0'))::uuid,
               '0190a000-0000-7000-8000-000000000404', u.id, 250000,
               CASE WHEN u.email LIKE 'resident%' THEN now() - interval '1 day' END
          FROM users u
         WHERE u.email LIKE 'resident%@demo.participation.test' OR u.email = 'habitante@demo.participation.test'
        ON CONFLICT DO NOTHING;
        INSERT INTO basket_lines (basket_id, idea_id, cost)
        SELECT b.id, i.id, i.cost
          FROM baskets b
          JOIN ideas i ON i.project_id = '0190a000-0000-7000-8000-000000000302' AND i.cost IS NOT NULL
         WHERE b.phase_id = '0190a000-0000-7000-8000-000000000404'
           AND abs(hashtext(b.id::text || i.id::text)) % 5 < (CASE i.title WHEN 'Arceaux vélos dans tous les quartiers' THEN 4
                                                                           WHEN 'Box vélos sécurisés' THEN 3 ELSE 2 END)
        ON CONFLICT DO NOTHING;
        -- Keep each basket within the budget: drop the most expensive lines until it fits.
        DELETE FROM basket_lines l USING (
            SELECT l2.basket_id, l2.idea_id, sum(l2.cost) OVER (PARTITION BY l2.basket_id ORDER BY l2.cost, l2.idea_id) AS running
              FROM basket_lines l2 JOIN baskets b ON b.id = l2.basket_id) r
         WHERE l.basket_id = r.basket_id AND l.idea_id = r.idea_id AND r.running > 250000;
        UPDATE baskets b SET total = coalesce((SELECT sum(cost) FROM basket_lines l WHERE l.basket_id = b.id), 0),
                             items = (SELECT count(*) FROM basket_lines l WHERE l.basket_id = b.id)
         WHERE b.phase_id = '0190a000-0000-7000-8000-000000000404';
        UPDATE baskets SET submitted_at = NULL WHERE items = 0;

        -- Counters equal recomputation.
        INSERT INTO vote_tallies (phase_id, idea_id, votes)
        SELECT phase_id, idea_id, count(*) FROM idea_votes GROUP BY phase_id, idea_id
        ON CONFLICT (phase_id, idea_id) DO UPDATE SET votes = EXCLUDED.votes;
        INSERT INTO phase_participants (phase_id, user_id, votes)
        SELECT phase_id, user_id, count(*) FROM idea_votes GROUP BY phase_id, user_id
        ON CONFLICT (phase_id, user_id) DO UPDATE SET votes = EXCLUDED.votes;
        UPDATE ideas SET trending_score = idea_trending(likes_count, dislikes_count, comments_count, created_at, now())
         WHERE project_id IN ('0190a000-0000-7000-8000-000000000307', '0190a000-0000-7000-8000-000000000302');
        """;

    public static Task RunAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid mobility) =>
        connection.ExecuteAsync(new CommandDefinition(Sql, new { Mobility = mobility }, tx));
}
