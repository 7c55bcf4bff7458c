using Dapper;
using Npgsql;

namespace Participation.Demo;

/// <summary>
/// The demo city's survey and poll: "Plan vélo" asks seven questions of every type over two pages and has a few
/// hundred responses (most from visitors, since everyone may answer, some from the demo residents; Fatima and Lucas
/// have not answered yet, so they can try it), published results; the neighbourhood party's poll has one question
/// with its answers. Answers are spread deterministically (hashes of the response and question), so the results
/// look alive and running it again changes nothing.
/// </summary>
public static class DemoSeedSurveys
{
    private const string Survey = "0190a000-0000-7000-8000-000000000405";
    private const string Poll = "0190a000-0000-7000-8000-000000000406";

    private const string Sql = """
        UPDATE phases SET settings = '{"permissions":{"answer":"everyone"},"resultsPublic":true}'
         WHERE id IN ('0190a000-0000-7000-8000-000000000405', '0190a000-0000-7000-8000-000000000406') AND NOT (settings ? 'resultsPublic');

        INSERT INTO surveys (phase_id, project_id, version) VALUES
            ('0190a000-0000-7000-8000-000000000405', '0190a000-0000-7000-8000-000000000303', 1),
            ('0190a000-0000-7000-8000-000000000406', '0190a000-0000-7000-8000-000000000304', 1)
        ON CONFLICT DO NOTHING;

        INSERT INTO survey_sections (id, phase_id, position, title, description) VALUES
            ('0190a000-0000-7000-8000-000000000901', '0190a000-0000-7000-8000-000000000405', 0,
             '{"fr":"Vos trajets","nl":"Uw ritten","en":"Your journeys"}',
             '{"fr":"Comment roulez-vous aujourd''hui ?","nl":"Hoe fietst u vandaag?","en":"How do you ride today?"}'),
            ('0190a000-0000-7000-8000-000000000902', '0190a000-0000-7000-8000-000000000405', 1,
             '{"fr":"Vos priorités","nl":"Uw prioriteiten","en":"Your priorities"}', '{}'),
            ('0190a000-0000-7000-8000-000000000903', '0190a000-0000-7000-8000-000000000406', 0, '{}', '{}')
        ON CONFLICT (id) DO NOTHING;

        INSERT INTO survey_questions (id, phase_id, section_id, position, type, title, help, required, settings) VALUES
            ('0190a000-0000-7000-8000-000000000911', '0190a000-0000-7000-8000-000000000405', '0190a000-0000-7000-8000-000000000901',
             0, 'single_choice',
             '{"fr":"À quelle fréquence roulez-vous à vélo ?","nl":"Hoe vaak fietst u?","en":"How often do you cycle?"}', '{}',
             true, '{}'),
            ('0190a000-0000-7000-8000-000000000912', '0190a000-0000-7000-8000-000000000405', '0190a000-0000-7000-8000-000000000901',
             1, 'multiple_choice',
             '{"fr":"Pour quels trajets ?","nl":"Voor welke ritten?","en":"For which journeys?"}',
             '{"fr":"Trois réponses au plus.","nl":"Maximaal drie antwoorden.","en":"Three answers at most."}', false,
             '{"minSelections":1,"maxSelections":3,"allowOther":true}'),
            ('0190a000-0000-7000-8000-000000000913', '0190a000-0000-7000-8000-000000000405', '0190a000-0000-7000-8000-000000000901',
             2, 'linear_scale',
             '{"fr":"Vous sentez-vous en sécurité à vélo en ville ?","nl":"Voelt u zich veilig op de fiets in de stad?",'
             '"en":"Do you feel safe cycling in town?"}', '{}', true,
             '{"scalePoints":5,"minLabel":{"fr":"Pas du tout","nl":"Helemaal niet","en":"Not at all"},'
             '"maxLabel":{"fr":"Tout à fait","nl":"Helemaal","en":"Completely"}}'),
            ('0190a000-0000-7000-8000-000000000914', '0190a000-0000-7000-8000-000000000405', '0190a000-0000-7000-8000-000000000901',
             3, 'number',
             '{"fr":"Combien de kilomètres roulez-vous par semaine ?","nl":"Hoeveel kilometer fietst u per week?",'
             '"en":"How many kilometres do you ride a week?"}', '{}', false,
             '{"min":0,"max":500,"integerOnly":true}'),
            ('0190a000-0000-7000-8000-000000000915', '0190a000-0000-7000-8000-000000000405', '0190a000-0000-7000-8000-000000000902',
             4, 'ranking',
             '{"fr":"Classez ces aménagements, du plus au moins urgent","nl":"Rangschik deze voorzieningen",'
             '"en":"Rank these improvements, most urgent first"}', '{}', false, '{}'),
            ('0190a000-0000-7000-8000-000000000916', '0190a000-0000-7000-8000-000000000405', '0190a000-0000-7000-8000-000000000902',
             5, 'map_point',
             '{"fr":"Où se trouve le carrefour le plus dangereux selon vous ?","nl":"Waar ligt volgens u het gevaarlijkste kruispunt?",'
             '"en":"Where is the most dangerous crossing, in your view?"}', '{}', false, '{}'),
            ('0190a000-0000-7000-8000-000000000917', '0190a000-0000-7000-8000-000000000405', '0190a000-0000-7000-8000-000000000902',
             6, 'long_text',
             '{"fr":"Autre chose à nous dire ?","nl":"Nog iets kwijt?","en":"Anything else to tell us?"}', '{}',
             false, '{"maxLength":2000}'),
            ('0190a000-0000-7000-8000-000000000918', '0190a000-0000-7000-8000-000000000405', '0190a000-0000-7000-8000-000000000902',
             7, 'short_text',
             '{"fr":"Dans quel quartier habitez-vous ?","nl":"In welke wijk woont u?","en":"Which neighbourhood do you live in?"}',
             '{"fr":"Facultatif : pour voir si chaque quartier est entendu.","nl":"Optioneel.","en":"Optional."}',
             false, '{"maxLength":100}'),
            ('0190a000-0000-7000-8000-000000000921', '0190a000-0000-7000-8000-000000000406', '0190a000-0000-7000-8000-000000000903',
             0, 'single_choice',
             '{"fr":"Quel thème pour la fête de septembre ?","nl":"Welk thema voor het septemberfeest?",'
             '"en":"Which theme for the September party?"}', '{}', true, '{}')
        ON CONFLICT (id) DO NOTHING;

        INSERT INTO survey_options (id, question_id, position, label)
        SELECT v.id::uuid, v.question_id::uuid, v.position, v.label::jsonb
          FROM (VALUES
            ('0190a000-0000-7000-8000-000000000a11', '0190a000-0000-7000-8000-000000000911', 0,
             '{"fr":"Tous les jours","nl":"Elke dag","en":"Every day"}'),
            ('0190a000-0000-7000-8000-000000000a12', '0190a000-0000-7000-8000-000000000911', 1,
             '{"fr":"Plusieurs fois par semaine","nl":"Meermaals per week","en":"Several times a week"}'),
            ('0190a000-0000-7000-8000-000000000a13', '0190a000-0000-7000-8000-000000000911', 2,
             '{"fr":"Quelques fois par mois","nl":"Enkele keren per maand","en":"A few times a month"}'),
            ('0190a000-0000-7000-8000-000000000a14', '0190a000-0000-7000-8000-000000000911', 3,
             '{"fr":"Rarement ou jamais","nl":"Zelden of nooit","en":"Rarely or never"}'),
            ('0190a000-0000-7000-8000-000000000a21', '0190a000-0000-7000-8000-000000000912', 0, '{"fr":"Travail","nl":"Werk","en":"Work"}'),
            ('0190a000-0000-7000-8000-000000000a22', '0190a000-0000-7000-8000-000000000912', 1,
             '{"fr":"École","nl":"School","en":"School"}'),
            ('0190a000-0000-7000-8000-000000000a23', '0190a000-0000-7000-8000-000000000912', 2,
             '{"fr":"Courses","nl":"Boodschappen","en":"Shopping"}'),
            ('0190a000-0000-7000-8000-000000000a24', '0190a000-0000-7000-8000-000000000912', 3,
             '{"fr":"Loisirs","nl":"Vrije tijd","en":"Leisure"}'),
            ('0190a000-0000-7000-8000-000000000a51', '0190a000-0000-7000-8000-000000000915', 0,
             '{"fr":"Pistes cyclables séparées","nl":"Vrijliggende fietspaden","en":"Separated cycle lanes"}'),
            ('0190a000-0000-7000-8000-000000000a52', '0190a000-0000-7000-8000-000000000915', 1,
             '{"fr":"Stationnement vélo","nl":"Fietsenstallingen","en":"Bike parking"}'),
            ('0190a000-0000-7000-8000-000000000a53', '0190a000-0000-7000-8000-000000000915', 2,
             '{"fr":"Zones 30","nl":"Zones 30","en":"20 mph zones"}'),
            ('0190a000-0000-7000-8000-000000000a54', '0190a000-0000-7000-8000-000000000915', 3,
             '{"fr":"Éclairage","nl":"Verlichting","en":"Lighting"}'),
            ('0190a000-0000-7000-8000-000000000b11', '0190a000-0000-7000-8000-000000000921', 0,
             '{"fr":"Musiques du monde","nl":"Wereldmuziek","en":"World music"}'),
            ('0190a000-0000-7000-8000-000000000b12', '0190a000-0000-7000-8000-000000000921', 1,
             '{"fr":"Années 80","nl":"Jaren 80","en":"The eighties"}'),
            ('0190a000-0000-7000-8000-000000000b13', '0190a000-0000-7000-8000-000000000921', 2,
             '{"fr":"Cirque","nl":"Circus","en":"Circus"}'),
            ('0190a000-0000-7000-8000-000000000b14', '0190a000-0000-7000-8000-000000000921', 3,
             '{"fr":"Jeux en bois","nl":"Houten spelen","en":"Wooden games"}')
          ) AS v(id, question_id, position, label)
        ON CONFLICT (id) DO NOTHING;

        -- Respondents: 300 visitors (hashed browser tokens) and the demo residents, over the last days of each phase.
        CREATE TEMP TABLE demo_respondents ON COMMIT DROP AS
        SELECT s.phase_id, md5('demo-response-' || s.phase_id || '-' || coalesce(u.id::text, g::text))::uuid AS id, u.id AS user_id,
               CASE WHEN u.id IS NULL THEN sha256(convert_to('demo-token-' || s.phase_id || '-' || g, 'UTF8')) END AS token_hash,
               now() - make_interval(mins => (abs(hashtext(s.phase_id::text || g::text)) % (60 * 24 * s.days))) AS at
          FROM (VALUES ('0190a000-0000-7000-8000-000000000405'::uuid, 300, 3),
                       ('0190a000-0000-7000-8000-000000000406'::uuid, 80, 1)) AS s(phase_id, visitors, days)
          CROSS JOIN LATERAL (
                SELECT g, NULL::uuid AS email_user FROM generate_series(1, s.visitors) g
                UNION ALL
                SELECT 100000 + row_number() OVER (ORDER BY email), id
                  FROM users WHERE email LIKE 'resident%@demo.participation.test') r(g, email_user)
          LEFT JOIN users u ON u.id = r.email_user;

        INSERT INTO survey_responses (id, phase_id, user_id, token_hash, status, created_at, updated_at, submitted_at)
        SELECT id, phase_id, user_id, token_hash, 'submitted', at - interval '4 minutes', at, at FROM demo_respondents
        ON CONFLICT DO NOTHING;

        -- Survey answers, question by question; `h(q)` is a stable pseudo-random number per response and question.
        WITH r AS (SELECT id, abs(hashtext(id::text)) AS h FROM demo_respondents WHERE phase_id = '0190a000-0000-7000-8000-000000000405')
        INSERT INTO survey_answers (response_id, question_id, option_id, rank, number, text, latitude, longitude)
        -- how often: skewed towards "several times a week"
        SELECT r.id, '0190a000-0000-7000-8000-000000000911'::uuid,
               (ARRAY['0190a000-0000-7000-8000-000000000a11', '0190a000-0000-7000-8000-000000000a12',
                      '0190a000-0000-7000-8000-000000000a12', '0190a000-0000-7000-8000-000000000a13',
                      '0190a000-0000-7000-8000-000000000a14', '0190a000-0000-7000-8000-000000000a11'])[1 + r.h % 6]::uuid,
               NULL::int, NULL::numeric, NULL::text, NULL::float8, NULL::float8 FROM r
        UNION ALL -- journeys: one or two options, and "other" for some (three at most)
        SELECT x.id, '0190a000-0000-7000-8000-000000000912', x.option_id, NULL, NULL, NULL, NULL, NULL
          FROM (SELECT r.id, o.id AS option_id, row_number() OVER (PARTITION BY r.id ORDER BY abs(hashtext(r.id::text || o.id::text))) AS n
                  FROM r JOIN survey_options o ON o.question_id = '0190a000-0000-7000-8000-000000000912') x
         WHERE x.n <= 1 + abs(hashtext(x.id::text)) % 2
        UNION ALL
        SELECT r.id, '0190a000-0000-7000-8000-000000000912', NULL, NULL, NULL,
               (ARRAY['Visites à la famille', 'Sport le dimanche', 'Aller à la gare'])[1 + r.h % 3], NULL, NULL
          FROM r WHERE r.h % 11 = 0
        UNION ALL -- feeling safe, 1 to 5, mostly in the middle
        SELECT r.id, '0190a000-0000-7000-8000-000000000913', NULL, NULL, (ARRAY[1, 2, 2, 3, 3, 3, 4, 4, 5])[1 + r.h % 9], NULL, NULL, NULL
          FROM r
        UNION ALL -- kilometres a week, for two thirds of them
        SELECT r.id, '0190a000-0000-7000-8000-000000000914', NULL, NULL, (r.h % 120) + 5, NULL, NULL, NULL FROM r WHERE r.h % 3 <> 0
        UNION ALL -- ranking: all four options, in an order drawn per response
        SELECT r.id, '0190a000-0000-7000-8000-000000000915', o.id,
               row_number() OVER (PARTITION BY r.id ORDER BY abs(hashtext(r.id::text || o.id::text)) % 10 + o.position * (1 + r.h % 2)),
               NULL, NULL, NULL, NULL
          FROM r JOIN survey_options o ON o.question_id = '0190a000-0000-7000-8000-000000000915' WHERE r.h % 4 <> 0
        UNION ALL -- the most dangerous crossing: around three hot spots of the town centre
        SELECT r.id, '0190a000-0000-7000-8000-000000000916', NULL, NULL, NULL, NULL,
               (ARRAY[50.8466, 50.8503, 50.8420])[1 + r.h % 3] + ((r.h / 7) % 100 - 50) / 40000.0,
               (ARRAY[4.3528, 4.3488, 4.3601])[1 + r.h % 3] + ((r.h / 13) % 100 - 50) / 30000.0
          FROM r WHERE r.h % 2 = 0
        UNION ALL -- a few words from some of them
        SELECT r.id, '0190a000-0000-7000-8000-000000000917', NULL, NULL, NULL,
               (ARRAY['Plus d''arceaux près de la gare, s''il vous plaît.',
                      'Le carrefour Royale-Marché est vraiment dangereux aux heures de pointe.',
                      'Merci pour cette consultation !',
                      'Il faudrait des pistes séparées jusqu''aux écoles.',
                      'L''éclairage du parc est insuffisant en hiver.'])[1 + r.h % 5], NULL, NULL
          FROM r WHERE r.h % 4 = 1
        UNION ALL
        SELECT r.id, '0190a000-0000-7000-8000-000000000918', NULL, NULL, NULL,
               (ARRAY['Centre', 'Gare', 'Parc Léopold', 'Les Tilleuls', 'Moulin', 'Saint-Jean'])[1 + (r.h / 3) % 6], NULL, NULL
          FROM r WHERE r.h % 3 <> 1
        ON CONFLICT DO NOTHING;

        -- Poll answers: the circus leads, then the eighties.
        INSERT INTO survey_answers (response_id, question_id, option_id)
        SELECT r.id, '0190a000-0000-7000-8000-000000000921',
               (ARRAY['0190a000-0000-7000-8000-000000000b13', '0190a000-0000-7000-8000-000000000b12',
                      '0190a000-0000-7000-8000-000000000b13', '0190a000-0000-7000-8000-000000000b11',
                      '0190a000-0000-7000-8000-000000000b14', '0190a000-0000-7000-8000-000000000b12',
                      '0190a000-0000-7000-8000-000000000b13'])[1 + abs(hashtext(r.id::text)) % 7]::uuid
          FROM demo_respondents r WHERE r.phase_id = '0190a000-0000-7000-8000-000000000406'
        ON CONFLICT DO NOTHING;

        UPDATE surveys s SET responses = (SELECT count(*) FROM survey_responses r WHERE r.phase_id = s.phase_id AND r.status = 'submitted')
         WHERE s.phase_id IN ('0190a000-0000-7000-8000-000000000405', '0190a000-0000-7000-8000-000000000406');
        """;

    public static Task RunAsync(NpgsqlConnection connection, NpgsqlTransaction tx) =>
        connection.ExecuteAsync(new CommandDefinition(Sql, transaction: tx));

    /// <summary>The ids the demo's tests and scripts refer to.</summary>
    public static readonly (Guid Survey, Guid Poll) Phases = (Guid.Parse(Survey), Guid.Parse(Poll));
}
