using Dapper;
using Npgsql;

namespace Participation.Demo;

/// <summary>
/// The demo city's conversation: residents, ideas in every status (with official feedback and locations
/// around the park), reactions, comments and replies, follows, a few flagged items waiting for the
/// moderator, and notifications. Fixed ids and recomputed counters make it safe to run again.
/// </summary>
public static class DemoSeedIdeas
{
    private const string Sql = """
        -- Twenty more residents (same demo password) who react and comment.
        INSERT INTO users (id, email, password_hash, first_name, last_name, email_confirmed_at)
        SELECT ('0190a000-0000-7000-8000-0000000010' || lpad(g::text, 2, '0'))::uuid,
               'resident' || lpad(g::text, 2, '0') || '@demo.participation.test', @Hash,
               (ARRAY['Emma','Louis','Léa','Noah','Chloé','Hugo','Inès','Arthur','Zoé','Jules','Lina','Adam','Mila','Sacha','Nora',
                      'Yanis','Elise','Victor','Lou','Milan'])[g],
               (ARRAY['Lemaire','Wouters','Diallo','Maes','Renard','Jacobs','Benoit','Willems','Haddad','Declercq','Simon','Mertens',
                      'Laurent','Goossens','Fontaine','Aerts','Michel','De Smet','Girard','Claes'])[g],
               now() - interval '60 days'
          FROM generate_series(1, 20) g
        ON CONFLICT DO NOTHING;

        INSERT INTO ideas (id, project_id, phase_id, author_id, organisation_id, title, body, topics, latitude, longitude,
                           location_label, status, created_at)
        SELECT v.id, v.project_id, v.phase_id, u.id, v.organisation_id, v.title, v.body, v.topics, v.lat, v.lng, v.label,
               v.status, now() - v.age
          FROM (VALUES
            ('0190a000-0000-7000-8000-000000000501'::uuid, '0190a000-0000-7000-8000-000000000301'::uuid,
             '0190a000-0000-7000-8000-000000000402'::uuid, 'habitante@demo.participation.test', NULL::uuid,
             'Une aire de jeux inclusive',
             '<p>Des jeux accessibles aux enfants en fauteuil roulant, avec un sol souple et des bancs pour les parents.</p>',
             ARRAY['jeux', 'inclusion'], 50.8452, 4.3571, 'Près de l''entrée rue Belliard', 'accepted', interval '13 days'),
            ('0190a000-0000-7000-8000-000000000502'::uuid, '0190a000-0000-7000-8000-000000000301'::uuid,
             '0190a000-0000-7000-8000-000000000402'::uuid, 'habitant@demo.participation.test', '0190a000-0000-7000-8000-000000000101'::uuid,
             'Un potager partagé',
             '<p>Le comité de quartier propose de gérer <strong>un potager collectif</strong> avec l''école voisine.</p>',
             ARRAY['nature', 'école'], 50.8439, 4.3602, 'Pelouse est', 'under_consideration', interval '12 days'),
            ('0190a000-0000-7000-8000-000000000503'::uuid, '0190a000-0000-7000-8000-000000000301'::uuid,
             '0190a000-0000-7000-8000-000000000402'::uuid, 'resident01@demo.participation.test', NULL,
             'Des fontaines à eau potable', '<p>Deux fontaines, une près des jeux et une près de l''étang.</p>', ARRAY['eau'], 50.8446,
             4.3588, 'Étang', 'implemented', interval '12 days'),
            ('0190a000-0000-7000-8000-000000000504'::uuid, '0190a000-0000-7000-8000-000000000301'::uuid,
             '0190a000-0000-7000-8000-000000000402'::uuid, 'resident02@demo.participation.test', NULL,
             'Éclairage doux le soir', '<p>Un éclairage qui respecte la faune mais rassure les promeneurs jusqu''à 22 h.</p>',
             ARRAY['sécurité'], 50.8458, 4.3594, 'Allée centrale', 'proposed', interval '9 days'),
            ('0190a000-0000-7000-8000-000000000505'::uuid, '0190a000-0000-7000-8000-000000000301'::uuid,
             '0190a000-0000-7000-8000-000000000402'::uuid, 'resident03@demo.participation.test', NULL,
             'Un parking pour voitures', '<p>Transformer la pelouse nord en parking.</p>', ARRAY['mobilité'], 50.8464, 4.3579,
             'Pelouse nord', 'rejected', interval '8 days'),
            ('0190a000-0000-7000-8000-000000000506'::uuid, '0190a000-0000-7000-8000-000000000301'::uuid,
             '0190a000-0000-7000-8000-000000000402'::uuid, 'resident04@demo.participation.test', NULL,
             'Des nichoirs et un hôtel à insectes', '<p>Avec les classes de l''école communale.</p>', ARRAY['nature', 'biodiversité'],
             50.8433, 4.3566, 'Bosquet sud', 'proposed', interval '6 days'),
            ('0190a000-0000-7000-8000-000000000507'::uuid, '0190a000-0000-7000-8000-000000000301'::uuid,
             '0190a000-0000-7000-8000-000000000402'::uuid, 'resident05@demo.participation.test', NULL,
             'Un kiosque pour les concerts d''été', '<p>Un petit kiosque en bois pour la musique le dimanche.</p>', ARRAY['culture'],
             50.8449, 4.3611, 'Clairière', 'proposed', interval '4 days'),
            ('0190a000-0000-7000-8000-000000000508'::uuid, '0190a000-0000-7000-8000-000000000301'::uuid,
             '0190a000-0000-7000-8000-000000000402'::uuid, 'resident06@demo.participation.test', NULL,
             'Plus de poubelles de tri', '<p>Des poubelles PMC et papier à chaque entrée.</p>', ARRAY['propreté'], 50.8441, 4.3580,
             'Entrées', 'proposed', interval '2 days'),
            ('0190a000-0000-7000-8000-000000000509'::uuid, '0190a000-0000-7000-8000-000000000301'::uuid,
             '0190a000-0000-7000-8000-000000000402'::uuid, 'resident07@demo.participation.test', NULL,
             'Un espace pour chiens en liberté', '<p>Un enclos clôturé pour que les chiens puissent courir.</p>', ARRAY['animaux'],
             50.8462, 4.3560, 'Coin ouest', 'proposed', interval '1 day'),
            ('0190a000-0000-7000-8000-000000000510'::uuid, '0190a000-0000-7000-8000-000000000301'::uuid,
             '0190a000-0000-7000-8000-000000000402'::uuid, 'resident08@demo.participation.test', NULL,
             'ACHETEZ DES MONTRES PAS CHÈRES', '<p>Visitez mon site pour des promotions incroyables.</p>', ARRAY['divers'], NULL, NULL,
             NULL, 'proposed', interval '20 hours'),
            ('0190a000-0000-7000-8000-000000000511'::uuid, '0190a000-0000-7000-8000-000000000306'::uuid,
             '0190a000-0000-7000-8000-000000000408'::uuid, 'habitante@demo.participation.test', NULL,
             'Des terrasses sur la place', '<p>Laisser les cafés installer des terrasses en été.</p>', ARRAY['commerce'], NULL, NULL,
             NULL, 'implemented', interval '110 days'),
            ('0190a000-0000-7000-8000-000000000512'::uuid, '0190a000-0000-7000-8000-000000000306'::uuid,
             '0190a000-0000-7000-8000-000000000408'::uuid, 'resident09@demo.participation.test', NULL,
             'Un marché bio le samedi', '<p>Un marché de producteurs locaux chaque samedi matin.</p>', ARRAY['commerce', 'alimentation'],
             NULL, NULL, NULL, 'accepted', interval '100 days'),
            ('0190a000-0000-7000-8000-000000000513'::uuid, '0190a000-0000-7000-8000-000000000305'::uuid,
             '0190a000-0000-7000-8000-000000000407'::uuid, 'habitant@demo.participation.test', NULL,
             'Un coin jeux vidéo', '<p>Des consoles en accès libre pour les ados.</p>', ARRAY['jeunesse'], NULL, NULL, NULL,
             'prescreening', interval '1 day')
          ) AS v(id, project_id, phase_id, email, organisation_id, title, body, topics, lat, lng, label, status, age)
          JOIN users u ON u.email = v.email
        ON CONFLICT DO NOTHING;

        -- Status history: the posting, then the city's answers signed by a service.
        INSERT INTO idea_status_changes (idea_id, from_status, to_status, feedback, signed_as, changed_by, created_at)
        SELECT i.id, NULL, CASE WHEN i.status = 'prescreening' THEN 'prescreening' ELSE 'proposed' END, NULL, NULL,
               i.author_id, i.created_at
          FROM ideas i
         WHERE i.id BETWEEN '0190a000-0000-7000-8000-000000000501' AND '0190a000-0000-7000-8000-000000000513'
           AND NOT EXISTS (SELECT 1 FROM idea_status_changes c WHERE c.idea_id = i.id);
        INSERT INTO idea_status_changes (idea_id, from_status, to_status, feedback, signed_as, changed_by, created_at)
        SELECT v.id, 'proposed', v.status, v.feedback, v.signed, m.id, now() - v.age
          FROM (VALUES
            ('0190a000-0000-7000-8000-000000000501'::uuid, 'accepted',
             'Merci ! L''aire de jeux inclusive fera partie du projet. Les plans seront présentés en mars.',
             'Service Espaces verts', interval '5 days'),
            ('0190a000-0000-7000-8000-000000000502'::uuid, 'under_consideration',
             'Nous étudions avec l''école la gestion du potager et l''accès à l''eau.', 'Service Espaces verts', interval '4 days'),
            ('0190a000-0000-7000-8000-000000000503'::uuid, 'implemented', 'Les deux fontaines sont en service depuis le 1er juin.',
             'Service Travaux', interval '3 days'),
            ('0190a000-0000-7000-8000-000000000505'::uuid, 'rejected',
             'Le parc reste un espace vert : le plan de mobilité prévoit un parking à vélos à la place.',
             'Service Mobilité', interval '2 days'),
            ('0190a000-0000-7000-8000-000000000511'::uuid, 'implemented', 'Les terrasses sont autorisées d''avril à octobre.',
             'Service Commerce', interval '70 days'),
            ('0190a000-0000-7000-8000-000000000512'::uuid, 'accepted', 'Le marché ouvrira au printemps.',
             'Service Commerce', interval '75 days')
          ) AS v(id, status, feedback, signed, age)
         CROSS JOIN (SELECT id FROM users WHERE email = 'moderation@demo.participation.test') m
         WHERE NOT EXISTS (SELECT 1 FROM idea_status_changes c WHERE c.idea_id = v.id AND c.to_status = v.status
                           AND c.from_status IS NOT NULL);

        -- Reactions: popular ideas get more likes; every resident reacts at most once per idea. Picked from the e-mail, not
        -- the id (the demo's login accounts get new ids at each seed): the same likes every time, e.g. the demo resident does
        -- not like "Un espace pour chiens en liberté" (the run-cluster journey likes it).
        INSERT INTO idea_reactions (idea_id, user_id, kind, phase_id, created_at)
        SELECT i.id, u.id, 'like', i.phase_id, i.created_at + interval '1 hour'
          FROM ideas i
          JOIN users u ON u.email LIKE 'resident%@demo.participation.test' OR u.email LIKE 'habitant%@demo.participation.test'
         WHERE i.id BETWEEN '0190a000-0000-7000-8000-000000000501' AND '0190a000-0000-7000-8000-000000000512'
           AND i.status <> 'prescreening' AND u.id <> i.author_id
           AND abs(hashtext(i.id::text || u.email)) % 20 < (20 - (right(i.id::text, 2)::int - 1) * 2) % 21
        ON CONFLICT DO NOTHING;

        INSERT INTO idea_follows (idea_id, user_id)
        SELECT i.id, i.author_id FROM ideas i WHERE i.id BETWEEN '0190a000-0000-7000-8000-000000000501'
               AND '0190a000-0000-7000-8000-000000000512'
        ON CONFLICT DO NOTHING;

        INSERT INTO comments (id, idea_id, parent_id, author_id, body, created_at)
        SELECT v.id, v.idea_id, v.parent_id, u.id, v.body, now() - v.age
          FROM (VALUES
            ('0190a000-0000-7000-8000-000000000601'::uuid, '0190a000-0000-7000-8000-000000000501'::uuid, NULL::uuid,
             'resident10@demo.participation.test', 'Excellente idée, mon fils est en fauteuil et nous n''avons aucun parc adapté.',
             interval '12 days'),
            ('0190a000-0000-7000-8000-000000000602'::uuid, '0190a000-0000-7000-8000-000000000501'::uuid,
             '0190a000-0000-7000-8000-000000000601'::uuid, 'habitante@demo.participation.test',
             'Merci ! C''est exactement pour ça que je l''ai proposée.', interval '11 days'),
            ('0190a000-0000-7000-8000-000000000603'::uuid, '0190a000-0000-7000-8000-000000000501'::uuid, NULL,
             'resident11@demo.participation.test', 'Pensez aussi à l''ombre : les jeux métalliques chauffent en été.',
             interval '10 days'),
            ('0190a000-0000-7000-8000-000000000604'::uuid, '0190a000-0000-7000-8000-000000000502'::uuid, NULL,
             'resident12@demo.participation.test', 'Je suis partante pour arroser pendant les vacances.', interval '9 days'),
            ('0190a000-0000-7000-8000-000000000605'::uuid, '0190a000-0000-7000-8000-000000000505'::uuid, NULL,
             'resident13@demo.participation.test', 'Non merci, il y a déjà trop de voitures dans le quartier.', interval '7 days'),
            ('0190a000-0000-7000-8000-000000000606'::uuid, '0190a000-0000-7000-8000-000000000504'::uuid, NULL,
             'resident14@demo.participation.test', 'Attention aux chauves-souris : un éclairage ambré serait mieux.', interval '5 days'),
            ('0190a000-0000-7000-8000-000000000607'::uuid, '0190a000-0000-7000-8000-000000000504'::uuid, NULL,
             'resident15@demo.participation.test', 'Les promeneurs de chiens vont tous venir ici, quelle bande d''égoïstes.',
             interval '3 days'),
            ('0190a000-0000-7000-8000-000000000608'::uuid, '0190a000-0000-7000-8000-000000000507'::uuid, NULL,
             'habitant@demo.participation.test', 'Le comité de quartier peut aider à programmer les concerts.', interval '2 days')
          ) AS v(id, idea_id, parent_id, email, body, age)
          JOIN users u ON u.email = v.email
        ON CONFLICT DO NOTHING;

        -- Flags waiting for the moderator: a rude comment (two flags) and a spam idea (three: hidden provisionally).
        INSERT INTO content_flags (id, project_id, idea_id, comment_id, user_id, reason, details, created_at)
        SELECT ('0190a000-0000-7000-8000-0000000007' || lpad(v.n::text, 2, '0'))::uuid, '0190a000-0000-7000-8000-000000000301', v.idea_id,
               v.comment_id, u.id, v.reason, v.details, now() - interval '1 day'
          FROM (VALUES
            (1, '0190a000-0000-7000-8000-000000000504'::uuid, '0190a000-0000-7000-8000-000000000607'::uuid,
             'resident16@demo.participation.test', 'inappropriate', 'Propos insultants envers les propriétaires de chiens.'),
            (2, '0190a000-0000-7000-8000-000000000504'::uuid, '0190a000-0000-7000-8000-000000000607'::uuid,
             'resident17@demo.participation.test', 'other', 'Ce n''est pas constructif.'),
            (3, '0190a000-0000-7000-8000-000000000510'::uuid, NULL, 'resident16@demo.participation.test', 'spam', NULL),
            (4, '0190a000-0000-7000-8000-000000000510'::uuid, NULL, 'resident17@demo.participation.test', 'spam', NULL),
            (5, '0190a000-0000-7000-8000-000000000510'::uuid, NULL, 'resident18@demo.participation.test', 'spam', 'Publicité.')
          ) AS v(n, idea_id, comment_id, email, reason, details)
          JOIN users u ON u.email = v.email
        ON CONFLICT DO NOTHING;
        UPDATE ideas SET hidden_at = coalesce(hidden_at, now() - interval '20 hours'), hidden_by_flags = true
         WHERE id = '0190a000-0000-7000-8000-000000000510' AND hidden_reason IS NULL;

        -- Counters and scores equal recomputation.
        UPDATE comments c SET open_flags = (SELECT count(*) FROM content_flags f WHERE f.comment_id = c.id AND f.resolved_at IS NULL),
                              replies_count = (SELECT count(*) FROM comments r WHERE r.parent_id = c.id AND r.deleted_at IS NULL
                                               AND r.hidden_at IS NULL)
         WHERE c.id BETWEEN '0190a000-0000-7000-8000-000000000601' AND '0190a000-0000-7000-8000-000000000608';
        UPDATE ideas i SET likes_count = (SELECT count(*) FROM idea_reactions r WHERE r.idea_id = i.id AND r.kind = 'like'),
                           dislikes_count = (SELECT count(*) FROM idea_reactions r WHERE r.idea_id = i.id AND r.kind = 'dislike'),
                           comments_count = (SELECT count(*) FROM comments c WHERE c.idea_id = i.id AND c.deleted_at IS NULL
                                             AND c.hidden_at IS NULL),
                           open_flags = (SELECT count(*) FROM content_flags f WHERE f.idea_id = i.id AND f.comment_id IS NULL
                                         AND f.resolved_at IS NULL)
         WHERE i.id BETWEEN '0190a000-0000-7000-8000-000000000501' AND '0190a000-0000-7000-8000-000000000513';
        UPDATE ideas SET trending_score = idea_trending(likes_count, dislikes_count, comments_count, created_at, now())
         WHERE id BETWEEN '0190a000-0000-7000-8000-000000000501' AND '0190a000-0000-7000-8000-000000000513';
        INSERT INTO phase_participants (phase_id, user_id, ideas, reactions)
        SELECT p.phase_id, p.user_id, sum(p.ideas), sum(p.reactions) FROM (
            SELECT phase_id, author_id AS user_id, 1 AS ideas, 0 AS reactions
              FROM ideas WHERE phase_id IS NOT NULL AND author_id IS NOT NULL
            UNION ALL SELECT phase_id, user_id, 0, 1 FROM idea_reactions WHERE phase_id IS NOT NULL) p
         GROUP BY p.phase_id, p.user_id
        ON CONFLICT (phase_id, user_id) DO UPDATE SET ideas = EXCLUDED.ideas, reactions = EXCLUDED.reactions;

        -- What the residents and the moderator find in their notification menus.
        INSERT INTO notifications (user_id, category, event_key, project_id, idea_id, comment_id, data, created_at)
        SELECT u.id, v.category, v.event_key, '0190a000-0000-7000-8000-000000000301', v.idea_id, v.comment_id, v.data::jsonb, now() - v.age
          FROM (VALUES
            ('habitante@demo.participation.test', 'idea_status_mine', 'demo:status:501',
             '0190a000-0000-7000-8000-000000000501'::uuid, NULL::uuid,
             '{"ideaTitle":"Une aire de jeux inclusive","status":"accepted","previousStatus":"proposed",'
             '"feedback":"Merci ! L''aire de jeux inclusive fera partie du projet. Les plans seront présentés en mars.",'
             '"signedAs":"Service Espaces verts"}', interval '5 days'),
            ('habitante@demo.participation.test', 'comment_on_my_idea', 'demo:comment:601', '0190a000-0000-7000-8000-000000000501'::uuid,
             '0190a000-0000-7000-8000-000000000601'::uuid,
             '{"ideaTitle":"Une aire de jeux inclusive","actorName":"Lina Simon",'
             '"excerpt":"Excellente idée, mon fils est en fauteuil et nous n''avons aucun parc adapté."}', interval '12 days'),
            ('habitant@demo.participation.test', 'idea_status_mine', 'demo:status:502', '0190a000-0000-7000-8000-000000000502'::uuid, NULL,
             '{"ideaTitle":"Un potager partagé","status":"under_consideration","previousStatus":"proposed",'
             '"feedback":"Nous étudions avec l''école la gestion du potager et l''accès à l''eau.","signedAs":"Service Espaces verts"}',
             interval '4 days'),
            ('moderation@demo.participation.test', 'new_idea_to_moderate', 'demo:new:509',
             '0190a000-0000-7000-8000-000000000509'::uuid, NULL,
             '{"ideaTitle":"Un espace pour chiens en liberté","actorName":"Sacha Goossens","status":"proposed"}', interval '1 day')
          ) AS v(email, category, event_key, idea_id, comment_id, data, age)
          JOIN users u ON u.email = v.email
        ON CONFLICT DO NOTHING;
        """;

    public static Task RunAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string passwordHash) =>
        connection.ExecuteAsync(new CommandDefinition(Sql, new { Hash = passwordHash }, tx));
}
