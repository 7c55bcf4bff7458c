using Dapper;
using Npgsql;

namespace Participation.Demo;

/// <summary>
/// Twelve weeks of participation for the dashboards (issue 15): twenty neighbours who joined week after week, and the
/// Culture department's "cultural programme" whose ideas phase has run for twelve weeks, with ideas, likes and comments
/// spread over those weeks, official answers given along the way and ideas still waiting for one. The weekly charts of
/// the platform's and Culture's dashboards (the demo officials' landing pages) show how participation went. Fixed ids,
/// hashed choices and recomputed counters make it safe to run again.
/// </summary>
public static class DemoSeedActivity
{
    /// <summary>How many neighbours join over the twelve weeks (demo password, no role).</summary>
    public const int Neighbours = 20;

    private static readonly Guid Project = Guid.Parse("0190a000-0000-7000-8000-000000000308");
    private static readonly Guid Phase = Guid.Parse("0190a000-0000-7000-8000-000000000412");

    private const string Sql = """
        -- Twenty neighbours: one joins every four days, from twelve weeks ago.
        INSERT INTO users (id, email, password_hash, first_name, last_name, email_confirmed_at, created_at)
        SELECT ('0190a000-0000-7000-8000-0000000011' || lpad(g::text, 2, '0'))::uuid,
               'voisin' || lpad(g::text, 2, '0') || '@demo.participation.test', @Hash,
               (ARRAY['Alice','Bram','Camille','Dries','Eva','Farid','Gaëlle','Hamza','Iris','Jonas','Kenza','Lars','Maya','Nathan',
                      'Olivia','Pieter','Rania','Simon','Tess','Yasmine'])[g],
               (ARRAY['Dupont','Peeters','Lambert','Janssen','Dubois','Vermeulen','Leclercq','Bakker','Rousseau','Hermans',
                      'Mercier','Desmet','Guerin','Verhoeven','Noël','Stevens','Barbier','Cools','Lefèvre','Smets'])[g],
               now() - make_interval(days => 88 - g * 4), now() - make_interval(days => 88 - g * 4)
          FROM generate_series(1, @Neighbours) g
        ON CONFLICT DO NOTHING;

        INSERT INTO projects (id, department_id, title, summary, description, topics, status, published_at, created_by)
        SELECT @Project, @Culture,
               '{"fr":"Programme culturel 2027 : vos envies","nl":"Cultuurprogramma 2027: uw wensen",'
               '"en":"Cultural programme 2027: your wishes"}',
               '{"fr":"Concerts, expositions, ateliers : dites-nous ce que vous aimeriez voir l''an prochain.",'
               '"nl":"Concerten, tentoonstellingen, workshops: wat wilt u volgend jaar zien?",'
               '"en":"Concerts, exhibitions, workshops: tell us what you would like to see next year."}',
               '{"fr":"<p>Le service Culture prépare la saison 2027. Vos idées sont lues chaque semaine.</p>"}',
               ARRAY['culture', 'loisirs'], 'published', now() - interval '90 days', u.id
          FROM users u WHERE u.email = 'admin@demo.participation.test'
        ON CONFLICT DO NOTHING;

        INSERT INTO phases (id, project_id, title, description, starts_at, ends_at, method, settings)
        VALUES (@Phase, @Project, '{"fr":"Vos envies","nl":"Uw wensen","en":"Your wishes"}', '{}',
                now() - interval '88 days', now() + interval '14 days', 'ideation',
                '{"permissions":{"postIdea":"confirmed_email","comment":"confirmed_email","react":"registered"},'
                '"dislikes":false,"map":false,"preModeration":false}')
        ON CONFLICT DO NOTHING;

        -- Twenty-four ideas, one every three and a half days; each by a neighbour who had already joined.
        -- Some got an official answer a week or two later (status and feedback below); the others still wait.
        CREATE TEMP TABLE demo_answers (idea int PRIMARY KEY, status text, feedback text, delay_days int) ON COMMIT DROP;
        INSERT INTO demo_answers VALUES
            (1, 'accepted', 'Oui : trois concerts gratuits au parc Léopold en juillet 2027.', 9),
            (2, 'under_consideration', 'Nous cherchons un lieu couvert pour les ateliers d''hiver.', 12),
            (4, 'implemented', 'La boîte à livres de la place communale est installée.', 15),
            (5, 'rejected', 'Le budget 2027 ne permet pas un second festival ; l''idée est reprise pour 2028.', 8),
            (7, 'accepted', 'Le cinéma en plein air aura lieu les vendredis d''août.', 10),
            (9, 'under_consideration', 'Nous en parlons avec les écoles de musique.', 6),
            (10, 'accepted', 'Deux visites guidées par mois, sur inscription.', 14),
            (13, 'accepted', 'Une scène ouverte chaque premier samedi du mois à la bibliothèque.', 7),
            (15, 'under_consideration', 'Nous étudions les horaires avec le personnel.', 11),
            (18, 'rejected', 'Le parc ne peut pas accueillir d''événement après 22 h.', 5);
        INSERT INTO ideas (id, project_id, phase_id, author_id, title, body, topics, status, created_at)
        SELECT ('0190a000-0000-7000-8000-0000000005' || lpad((40 + g)::text, 2, '0'))::uuid, @Project, @Phase, u.id,
               (ARRAY['Des concerts gratuits au parc', 'Des ateliers créatifs en hiver', 'Une fête de la musique dans chaque quartier',
                      'Une boîte à livres sur la place', 'Un festival de théâtre de rue', 'Des expositions dans les vitrines vides',
                      'Un cinéma en plein air', 'Des contes pour enfants le mercredi', 'Des concerts des écoles de musique',
                      'Des visites guidées du patrimoine', 'Un atelier de réparation de vélos', 'Une fresque sur le mur de la gare',
                      'Une scène ouverte à la bibliothèque', 'Des cours de danse pour les seniors',
                      'La bibliothèque ouverte le dimanche',
                      'Un marché de Noël des artisans', 'Un concours photo sur la ville', 'Un bal populaire au parc',
                      'Des jeux de société au centre culturel', 'Un club de lecture en néerlandais', 'Une journée des jeunes talents',
                      'Du théâtre en anglais pour les écoles', 'Une grainothèque à la bibliothèque',
                      'Un karaoké géant sur la place'])[g],
               '<p>Une idée pour la saison culturelle 2027.</p>', ARRAY['culture'], coalesce(a.status, 'proposed'),
               now() - make_interval(hours => 1992 - (g - 1) * 84)
          FROM generate_series(1, 24) g
          LEFT JOIN demo_answers a ON a.idea = g.g
          JOIN users u ON u.email = 'voisin' || lpad(ceil(g * 20 / 24.0)::int::text, 2, '0') || '@demo.participation.test'
        ON CONFLICT DO NOTHING;

        INSERT INTO idea_status_changes (idea_id, from_status, to_status, feedback, signed_as, changed_by, created_at)
        SELECT i.id, NULL, 'proposed', NULL, NULL, i.author_id, i.created_at FROM ideas i
         WHERE i.phase_id = @Phase AND NOT EXISTS (SELECT 1 FROM idea_status_changes c WHERE c.idea_id = i.id);
        INSERT INTO idea_status_changes (idea_id, from_status, to_status, feedback, signed_as, changed_by, created_at)
        SELECT i.id, 'proposed', a.status, a.feedback, 'Service Culture', head.id, i.created_at + make_interval(days => a.delay_days)
          FROM demo_answers a
          JOIN ideas i ON i.id = ('0190a000-0000-7000-8000-0000000005' || lpad((40 + a.idea)::text, 2, '0'))::uuid
         CROSS JOIN (SELECT id FROM users WHERE email = 'chef.culture@demo.participation.test') head
         WHERE NOT EXISTS (SELECT 1 FROM idea_status_changes c WHERE c.idea_id = i.id AND c.from_status IS NOT NULL);

        -- Likes: residents and neighbours who had joined, some hours to ten days after the idea, never in the future.
        INSERT INTO idea_reactions (idea_id, user_id, kind, phase_id, created_at)
        SELECT r.idea_id, r.user_id, 'like', @Phase, r.at
          FROM (SELECT i.id AS idea_id, u.id AS user_id, u.created_at AS joined,
                       least(now() - interval '1 hour',
                             i.created_at + make_interval(hours => 3 + abs(hashtext(i.id::text || u.id::text)) % 240)) AS at,
                       abs(hashtext(u.id::text || i.id::text)) % 100 AS pick, right(i.id::text, 2)::int AS n
                  FROM ideas i
                  JOIN users u ON (u.email LIKE 'voisin%@demo.participation.test' OR u.email LIKE 'resident%@demo.participation.test')
                 WHERE i.phase_id = @Phase AND u.id <> i.author_id) r
         WHERE r.at > r.joined AND r.pick < 15 + (r.n % 5) * 12
        ON CONFLICT DO NOTHING;

        -- Comments: forty over the weeks, each a day or more after its idea.
        INSERT INTO comments (id, idea_id, author_id, body, created_at)
        SELECT ('0190a000-0000-7000-8000-0000000062' || lpad(n::text, 2, '0'))::uuid, i.id, u.id,
               (ARRAY['Très bonne idée, j''y serai !', 'Pensez aussi aux personnes à mobilité réduite.',
                      'Le dimanche serait idéal pour les familles.', 'Et pourquoi pas avec les écoles du quartier ?',
                      'Je peux aider à l''organisation.', 'Attention au bruit pour les riverains.',
                      'Gratuit, j''espère ?', 'Il faudrait aussi une version pour les ados.'])[1 + n % 8],
               i.created_at + make_interval(hours => 20 + (n * 37) % 300)
          FROM generate_series(1, 40) n
          JOIN ideas i ON i.id = ('0190a000-0000-7000-8000-0000000005' || lpad((40 + 1 + (n * 7) % 24)::text, 2, '0'))::uuid
          JOIN users u ON u.email = 'resident' || lpad((1 + (n * 3) % 20)::text, 2, '0') || '@demo.participation.test'
         WHERE i.created_at + make_interval(hours => 20 + (n * 37) % 300) < now()
        ON CONFLICT DO NOTHING;

        -- Counters and scores equal recomputation.
        UPDATE ideas i SET likes_count = (SELECT count(*) FROM idea_reactions r WHERE r.idea_id = i.id AND r.kind = 'like'),
                           comments_count = (SELECT count(*) FROM comments c WHERE c.idea_id = i.id AND c.deleted_at IS NULL
                                             AND c.hidden_at IS NULL)
         WHERE i.phase_id = @Phase;
        UPDATE ideas SET trending_score = idea_trending(likes_count, dislikes_count, comments_count, created_at, now())
         WHERE phase_id = @Phase;
        INSERT INTO phase_participants (phase_id, user_id, ideas, reactions)
        SELECT @Phase, p.user_id, sum(p.ideas), sum(p.reactions) FROM (
            SELECT author_id AS user_id, 1 AS ideas, 0 AS reactions FROM ideas WHERE phase_id = @Phase AND author_id IS NOT NULL
            UNION ALL SELECT user_id, 0, 1 FROM idea_reactions WHERE phase_id = @Phase) p
         GROUP BY p.user_id
        ON CONFLICT (phase_id, user_id) DO UPDATE SET ideas = EXCLUDED.ideas, reactions = EXCLUDED.reactions;
        """;

    public static Task RunAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string passwordHash, Guid culture) =>
        connection.ExecuteAsync(
            new CommandDefinition(
                Sql,
                new
                {
                    Hash = passwordHash,
                    Culture = culture,
                    Project,
                    Phase,
                    Neighbours,
                },
                tx
            )
        );
}
