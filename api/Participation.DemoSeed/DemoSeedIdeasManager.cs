using Dapper;
using Npgsql;

namespace Participation.Demo;

/// <summary>
/// The ideas manager in the demo city: a few ideas of the Leopold Park project have an assignee (the project's moderator,
/// the head of Espaces verts), and every published project keeps three official feedback templates (under consideration,
/// accepted, rejected). Fixed ids, and assignees set only where none is: safe to run again.
/// </summary>
public static class DemoSeedIdeasManager
{
    private const string Sql = """
        UPDATE ideas i SET assignee_id = u.id
          FROM (VALUES ('0190a000-0000-7000-8000-000000000504'::uuid, 'moderation@demo.participation.test'),
                       ('0190a000-0000-7000-8000-000000000507'::uuid, 'moderation@demo.participation.test'),
                       ('0190a000-0000-7000-8000-000000000506'::uuid, 'chef.espaces-verts@demo.participation.test')) AS v(idea_id, email)
          JOIN users u ON u.email = v.email
         WHERE i.id = v.idea_id AND i.assignee_id IS NULL;

        INSERT INTO feedback_templates (id, project_id, status, title, body, created_by, created_at, updated_at)
        SELECT ('0190a000-0000-7000-8000-0000000008' || p.n || t.n)::uuid, p.id, t.status, t.title, t.body, m.id,
               now() - interval '15 days', now() - interval '15 days'
          FROM (VALUES (1, '0190a000-0000-7000-8000-000000000301'::uuid), (2, '0190a000-0000-7000-8000-000000000302'::uuid),
                       (3, '0190a000-0000-7000-8000-000000000303'::uuid), (4, '0190a000-0000-7000-8000-000000000304'::uuid)) AS p(n, id)
         CROSS JOIN (VALUES
            (1, 'under_consideration', 'À l''étude',
             'Merci pour votre idée ! Le service l''étudie : nous vérifions sa faisabilité, son coût et son calendrier. '
             || 'Nous reviendrons vers vous ici dès que nous aurons une réponse.'),
            (2, 'accepted', 'Retenue',
             'Bonne nouvelle : votre idée est retenue. Elle fera partie du projet ; nous publierons ici les prochaines étapes '
             || 'et le calendrier des travaux.'),
            (3, 'rejected', 'Non retenue',
             'Merci pour votre participation. Après examen, votre idée ne peut pas être retenue dans ce projet. '
             || 'Les raisons sont détaillées ci-dessous ; n''hésitez pas à proposer une autre idée.')
          ) AS t(n, status, title, body)
         CROSS JOIN (SELECT id FROM users WHERE email = 'moderation@demo.participation.test') m
        ON CONFLICT DO NOTHING;
        """;

    public static Task RunAsync(NpgsqlConnection connection, NpgsqlTransaction tx) => connection.ExecuteAsync(Sql, transaction: tx);
}
