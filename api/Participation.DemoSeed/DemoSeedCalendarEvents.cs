using Dapper;
using Npgsql;

namespace Participation.Demo;

/// <summary>
/// The demo city's events: a guided walk in Leopold Park with registration (25 places, two residents registered), a
/// cycling-plan webinar online, a platform-wide neighbourhood party and a budget workshop without a limit. Dates are
/// counted from the day the demo is first seeded. Fixed ids: safe to run again (a staff member's edits are kept).
/// </summary>
public static class DemoSeedCalendarEvents
{
    private const string Sql = """
        WITH staff AS (SELECT id FROM users WHERE email = 'communication@demo.participation.test'),
        day AS (SELECT date_trunc('day', now() AT TIME ZONE 'Europe/Brussels') AS d),
        added AS (
            INSERT INTO calendar_events (id, project_id, title, description, starts_at, ends_at, place_name, place_address,
                                         latitude, longitude, online_url, registration, capacity, created_by)
            SELECT v.id::uuid, v.project_id::uuid, v.title::jsonb, v.description::jsonb,
                   (day.d + v.starts)::timestamp AT TIME ZONE 'Europe/Brussels',
                   (day.d + v.starts + v.lasts)::timestamp AT TIME ZONE 'Europe/Brussels',
                   v.place_name, v.place_address, v.latitude, v.longitude, v.online_url, v.registration, v.capacity,
                   (SELECT id FROM staff)
              FROM day, (VALUES
                ('0190a000-0000-7000-8000-000000000701', '0190a000-0000-7000-8000-000000000301',
                 '{"fr":"Balade découverte du parc Léopold","nl":"Ontdekkingswandeling in het Leopoldpark",'
                 || '"en":"Discovery walk in Leopold Park"}',
                 '{"fr":"<p>Une balade de deux heures avec l''architecte paysagiste pour voir les lieux que le projet '
                 || 'transformera. <strong>Bonnes chaussures conseillées.</strong></p>",'
                 || '"nl":"<p>Een wandeling van twee uur met de landschapsarchitect langs de plekken die het project '
                 || 'verandert.</p>","en":"<p>A two-hour walk with the landscape architect through the places the '
                 || 'project will change.</p>"}',
                 interval '9 days 10 hours', interval '2 hours', 'Entrée du parc Léopold', 'Rue Belliard 135, 1040 Bruxelles',
                 50.8387::float8, 4.3772::float8, NULL, true, 25),
                ('0190a000-0000-7000-8000-000000000702', '0190a000-0000-7000-8000-000000000303',
                 '{"fr":"Webinaire : le futur réseau cyclable","nl":"Webinar: het toekomstige fietsnetwerk",'
                 || '"en":"Webinar: the future cycling network"}',
                 '{"fr":"<p>Présentation des premiers tracés et questions en direct.</p>",'
                 || '"nl":"<p>Voorstelling van de eerste tracés en live vragen.</p>",'
                 || '"en":"<p>The first routes presented, with live questions.</p>"}',
                 interval '5 days 19 hours', interval '90 minutes', NULL, NULL, NULL, NULL,
                 'https://meet.example.org/belleville-plan-velo', false, NULL),
                ('0190a000-0000-7000-8000-000000000703', NULL,
                 '{"fr":"Fête de quartier de Belleville","nl":"Buurtfeest van Belleville","en":"Belleville neighbourhood party"}',
                 '{"fr":"<p>Stands des services de la ville, musique et goûter pour les enfants.</p>"}',
                 interval '16 days 14 hours', interval '5 hours', 'Place communale', 'Place communale 1, 1040 Bruxelles',
                 50.8336::float8, 4.3932::float8, NULL, false, NULL),
                ('0190a000-0000-7000-8000-000000000704', '0190a000-0000-7000-8000-000000000302',
                 '{"fr":"Atelier : bien choisir son panier","nl":"Workshop: uw mandje goed kiezen","en":"Workshop: choosing your basket"}',
                 '{"fr":"<p>Les agents de la mobilité expliquent les coûts des projets du budget participatif.</p>"}',
                 interval '7 days 18 hours', interval '2 hours', 'Maison communale, salle 2', 'Avenue de la Ville 10, 1040 Bruxelles',
                 NULL, NULL, NULL, true, NULL)
              ) AS v(id, project_id, title, description, starts, lasts, place_name, place_address, latitude, longitude,
                     online_url, registration, capacity)
            ON CONFLICT (id) DO NOTHING
            RETURNING id),
        registered AS (
            INSERT INTO calendar_event_registrations (event_id, user_id, status)
            SELECT a.id, u.id, 'registered'
              FROM added a JOIN users u ON u.email IN ('habitante@demo.participation.test', 'habitant@demo.participation.test')
             WHERE a.id = '0190a000-0000-7000-8000-000000000701'
            RETURNING event_id)
        SELECT count(*) FROM registered;
        """;

    // A statement does not see the rows its own CTEs insert: the counter is set from a recount afterwards.
    private const string CountSql = """
        UPDATE calendar_events e
           SET registered_count = (SELECT count(*) FROM calendar_event_registrations r
                                    WHERE r.event_id = e.id AND r.status = 'registered')
         WHERE e.id = '0190a000-0000-7000-8000-000000000701';
        """;

    public static async Task RunAsync(NpgsqlConnection connection, NpgsqlTransaction tx)
    {
        await connection.ExecuteAsync(Sql, transaction: tx);
        await connection.ExecuteAsync(CountSql, transaction: tx);
    }
}
