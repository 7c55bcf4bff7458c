using Dapper;
using Npgsql;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Enums;

namespace Participation.Demo;

/// <summary>
/// The demo city of `make run` ("Ville de Belleville"): staff of every role, departments, a verified
/// organisation, invitations in every state, projects in every status with phases of each method. Idempotent (fixed ids, ON CONFLICT), so
/// it runs at every
/// start. Later features add their demo data here (ideas, votes, baskets, a survey, twelve weeks of activity for the
/// dashboards).
/// </summary>
public static class DemoSeed
{
    public const string Password = "Demo-password-2026";

    public sealed record DemoUser(string Email, string FirstName, string LastName, string Description);

    private static readonly Guid GreenSpaces = Guid.Parse("0190a000-0000-7000-8000-000000000001");
    private static readonly Guid Culture = Guid.Parse("0190a000-0000-7000-8000-000000000002");
    private static readonly Guid Mobility = Guid.Parse("0190a000-0000-7000-8000-000000000003");
    private static readonly Guid Organisation = Guid.Parse("0190a000-0000-7000-8000-000000000101");
    private static readonly Guid PendingOrganisation = Guid.Parse("0190a000-0000-7000-8000-000000000102");

    public static readonly DemoUser[] Users =
    [
        new("admin@demo.participation.test", "Amélie", "Dubois", "platform admin"),
        new("communication@demo.participation.test", "Karim", "Benali", "communication manager"),
        new("it@demo.participation.test", "Sofie", "Peeters", "IT / webmaster"),
        new("elu@demo.participation.test", "Jean", "Lambert", "elected official (whole platform): lands on its dashboard"),
        new("elue.culture@demo.participation.test", "Hélène", "Moreau", "elected official (Culture): lands on Culture's dashboard"),
        new("chef.espaces-verts@demo.participation.test", "Nathalie", "Leroy", "head of Espaces verts"),
        new("chef.culture@demo.participation.test", "Marc", "Janssens", "head of Culture (joined by invitation)"),
        new("moderation@demo.participation.test", "Thomas", "Claes", "moderator of the Leopold Park and library projects"),
        new("habitante@demo.participation.test", "Fatima", "El Amrani", "resident, owner of a verified organisation"),
        new("habitant@demo.participation.test", "Lucas", "Martin", "resident, member of that organisation"),
    ];

    private static readonly (string Email, Role Role, Guid? Department)[] Grants =
    [
        ("admin@demo.participation.test", Role.Admin, null),
        ("communication@demo.participation.test", Role.CommunicationManager, null),
        ("it@demo.participation.test", Role.ItManager, null),
        ("elu@demo.participation.test", Role.ElectedOfficial, null),
        ("elue.culture@demo.participation.test", Role.ElectedOfficial, Culture),
        ("chef.espaces-verts@demo.participation.test", Role.DepartmentHead, GreenSpaces),
        ("chef.culture@demo.participation.test", Role.DepartmentHead, Culture),
    ];

    private const string UpsertUser = """
        INSERT INTO users (id, email, password_hash, first_name, last_name, email_confirmed_at)
        VALUES (@Id, @Email, @Hash, @FirstName, @LastName, now())
        ON CONFLICT (city_id, email) DO UPDATE SET email = EXCLUDED.email
        RETURNING id;
        """;

    private const string Departments = """
        INSERT INTO departments (id, name) VALUES
            (@GreenSpaces, '{"fr":"Espaces verts","nl":"Groendienst","en":"Green spaces"}'),
            (@Culture, '{"fr":"Culture","nl":"Cultuur","en":"Culture"}'),
            (@Mobility, '{"fr":"Mobilité","nl":"Mobiliteit","en":"Mobility"}')
        ON CONFLICT DO NOTHING;
        """;

    private const string Grant = """
        INSERT INTO user_roles (id, user_id, role, scope_type, scope_id, department_id)
        SELECT @Id, u.id, @Role, CASE WHEN @Department::uuid IS NULL THEN 'platform' ELSE 'department' END, @Department, @Department
          FROM users u WHERE u.email = @Email
        ON CONFLICT ON CONSTRAINT user_roles_unique DO NOTHING;
        """;

    private const string Organisations = """
        INSERT INTO organisations (id, name, description, website, status, created_by, reviewed_at)
        SELECT @Organisation, 'Comité de quartier du Centre',
               'Les habitantes et habitants du centre-ville se réunissent chaque mois pour améliorer la vie du quartier.',
               'https://comite-centre.example', 'verified', u.id, now()
          FROM users u WHERE u.email = 'habitante@demo.participation.test'
        ON CONFLICT DO NOTHING;
        INSERT INTO organisations (id, name, description, status, created_by)
        SELECT @PendingOrganisation, 'Les Amis du Parc Léopold', 'Association pour la protection du parc.', 'pending', u.id
          FROM users u WHERE u.email = 'habitant@demo.participation.test'
        ON CONFLICT DO NOTHING;
        INSERT INTO organisation_members (organisation_id, user_id, role)
        SELECT @Organisation, id, CASE WHEN email = 'habitante@demo.participation.test' THEN 'owner' ELSE 'member' END
          FROM users WHERE email IN ('habitante@demo.participation.test', 'habitant@demo.participation.test')
        UNION ALL
        SELECT @PendingOrganisation, id, 'owner' FROM users WHERE email = 'habitant@demo.participation.test'
        ON CONFLICT DO NOTHING;
        """;

    // Invitations in every state (their links are not usable: demo tokens are random and not kept).
    private const string Invitations = """
        INSERT INTO invitations (id, email, first_name, last_name, locale, role, scope_type, scope_id, department_id, message,
                                 invited_by, created_at, expires_at, accepted_at, accepted_by, revoked_at)
        SELECT v.id, v.email, v.first_name, v.last_name, 'fr', v.role, v.scope_type, v.scope_id, v.department_id, v.message,
               admin.id, now() - v.age, now() - v.age + interval '30 days',
               CASE WHEN v.state = 'accepted' THEN now() - v.age + interval '1 day' END,
               CASE WHEN v.state = 'accepted' THEN (SELECT id FROM users WHERE email = v.email) END,
               CASE WHEN v.state = 'revoked' THEN now() - v.age + interval '2 days' END
          FROM (VALUES
            ('0190a000-0000-7000-8000-000000000201'::uuid, 'nouvel.elu@demo.participation.test', 'Paul', 'Renard', 'elected_official',
             'department', @Culture, @Culture, 'Bienvenue au conseil !', interval '2 days', 'pending'),
            ('0190a000-0000-7000-8000-000000000202'::uuid, 'chef.culture@demo.participation.test', 'Marc', 'Janssens', 'department_head',
             'department', @Culture, @Culture, NULL, interval '20 days', 'accepted'),
            ('0190a000-0000-7000-8000-000000000203'::uuid, 'ancien.it@demo.participation.test', NULL, NULL, 'it_manager', 'platform', NULL,
             NULL, NULL, interval '45 days', 'expired'),
            ('0190a000-0000-7000-8000-000000000204'::uuid, 'erreur@demo.participation.test', NULL, NULL, 'communication_manager',
             'platform', NULL, NULL, NULL, interval '10 days', 'revoked')
          ) AS v(id, email, first_name, last_name, role, scope_type, scope_id, department_id, message, age, state)
         CROSS JOIN (SELECT id FROM users WHERE email = 'admin@demo.participation.test') admin
        ON CONFLICT DO NOTHING;
        INSERT INTO invitation_tokens (token_hash, invitation_id)
        SELECT sha256(gen_random_uuid()::text::bytea), '0190a000-0000-7000-8000-000000000201'
         WHERE NOT EXISTS (SELECT 1 FROM invitation_tokens WHERE invitation_id = '0190a000-0000-7000-8000-000000000201');
        """;

    // Projects in every status across the departments, with phases of each method (dates relative to the first seed).
    private const string Projects = """
        INSERT INTO projects (id, department_id, title, summary, description, goals, target_audience, topics, status,
                              published_at, created_by)
        SELECT v.id, v.department_id, v.title::jsonb, v.summary::jsonb, v.description::jsonb, v.goals::jsonb, v.audience::jsonb,
               v.topics, v.status,
               CASE WHEN v.status <> 'draft' THEN now() - interval '20 days' END, admin.id
          FROM (VALUES
            ('0190a000-0000-7000-8000-000000000301'::uuid, @GreenSpaces,
             '{"fr":"Réaménagement du parc Léopold","nl":"Heraanleg van het Leopoldpark","en":"Redesigning Leopold Park"}',
             '{"fr":"Imaginons ensemble le parc de demain : jeux, ombre, eau et biodiversité.","nl":"Samen het park van morgen bedenken.",'
             '"en":"Let us imagine tomorrow''s park together."}',
             '{"fr":"<p>Le parc Léopold sera rénové en 2027. <strong>Vos idées</strong> guideront les architectes '
             'paysagistes.</p><ul><li>Aires de jeux</li><li>Plantations</li></ul>"}',
             '{"fr":"<p>Recueillir au moins 200 idées, puis voter pour les priorités.</p>"}',
             '{"fr":"Habitants du quartier, familles, écoles"}', ARRAY['nature', 'parc', 'quartier'], 'published'),
            ('0190a000-0000-7000-8000-000000000302'::uuid, @Mobility,
             '{"fr":"Budget participatif 2027","nl":"Participatief budget 2027","en":"Participatory budget 2027"}',
             '{"fr":"250 000 € pour des projets proposés par les habitants.","nl":"250.000 euro voor projecten van inwoners.",'
             '"en":"EUR 250,000 for residents'' projects."}',
             '{"fr":"<p>Composez votre panier de projets dans la limite du budget.</p>"}', '{}',
             '{"fr":"Tous les habitants de 16 ans et plus"}',
             ARRAY['budget', 'mobilité'], 'published'),
            ('0190a000-0000-7000-8000-000000000303'::uuid, @Mobility,
             '{"fr":"Plan vélo : votre avis","nl":"Fietsplan: uw mening","en":"Cycling plan: your opinion"}',
             '{"fr":"Une enquête sur vos trajets à vélo.","nl":"Een enquête over uw fietsritten.",'
             '"en":"A survey on your bike journeys."}',
             '{"fr":"<p>Aidez-nous à tracer le futur réseau cyclable.</p>"}', '{}', '{}', ARRAY['mobilité', 'vélo'], 'published'),
            ('0190a000-0000-7000-8000-000000000304'::uuid, @Culture,
             '{"fr":"Fête de quartier : choisissez le thème","nl":"Buurtfeest: kies het thema",'
             '"en":"Neighbourhood party: choose the theme"}',
             '{"fr":"Un sondage éclair pour la fête de septembre."}', '{"fr":"<p>Un clic suffit.</p>"}', '{}', '{}',
             ARRAY['culture', 'fête'], 'published'),
            ('0190a000-0000-7000-8000-000000000305'::uuid, @Culture,
             '{"fr":"La bibliothèque du futur","nl":"De bibliotheek van de toekomst"}',
             '{"fr":"Quels services pour la nouvelle bibliothèque ?"}', '{"fr":"<p>Projet en préparation.</p>"}', '{}', '{}',
             ARRAY['culture', 'lecture'], 'draft'),
            ('0190a000-0000-7000-8000-000000000306'::uuid, @GreenSpaces,
             '{"fr":"Rénovation de la place communale","nl":"Renovatie van het gemeenteplein","en":"Renovating the town square"}',
             '{"fr":"Consultation terminée : merci pour vos 312 idées !"}', '{"fr":"<p>Les travaux commencent au printemps.</p>"}',
             '{}', '{}',
             ARRAY['quartier', 'place'], 'archived')
          ) AS v(id, department_id, title, summary, description, goals, audience, topics, status)
         CROSS JOIN (SELECT id FROM users WHERE email = 'admin@demo.participation.test') admin
        ON CONFLICT DO NOTHING;

        INSERT INTO phases (id, project_id, title, description, starts_at, ends_at, method, settings)
        SELECT v.id, v.project_id, v.title::jsonb, '{}', now() + v.starts, now() + v.ends, v.method, v.settings::jsonb
          FROM (VALUES
            ('0190a000-0000-7000-8000-000000000401'::uuid, '0190a000-0000-7000-8000-000000000301'::uuid,
             '{"fr":"Information","nl":"Informatie","en":"Information"}', interval '-30 days', interval '-14 days', 'information', '{}'),
            ('0190a000-0000-7000-8000-000000000402'::uuid, '0190a000-0000-7000-8000-000000000301'::uuid,
             '{"fr":"Vos idées","nl":"Uw ideeën","en":"Your ideas"}', interval '-14 days', interval '21 days', 'ideation',
             '{"permissions":{"postIdea":"confirmed_email","comment":"confirmed_email","react":"registered"},'
             '"ideasPerUser":5,"dislikes":false,"map":true,"preModeration":false}'),
            ('0190a000-0000-7000-8000-000000000403'::uuid, '0190a000-0000-7000-8000-000000000301'::uuid,
             '{"fr":"Vote des priorités","nl":"Stemming","en":"Vote"}', interval '21 days', interval '42 days', 'voting',
             '{"permissions":{"vote":"confirmed_email","comment":"confirmed_email"},"votesPerUser":3}'),
            ('0190a000-0000-7000-8000-000000000404'::uuid, '0190a000-0000-7000-8000-000000000302'::uuid,
             '{"fr":"Composez votre panier","nl":"Stel uw mandje samen","en":"Fill your basket"}', interval '-7 days',
             interval '30 days', 'budgeting',
             '{"permissions":{"vote":"confirmed_email","comment":"confirmed_email"},"budgetAmount":250000,"budgetCurrency":"EUR"}'),
            ('0190a000-0000-7000-8000-000000000405'::uuid, '0190a000-0000-7000-8000-000000000303'::uuid,
             '{"fr":"Enquête","nl":"Enquête","en":"Survey"}', interval '-3 days', interval '25 days', 'survey',
             '{"permissions":{"answer":"registered"}}'),
            ('0190a000-0000-7000-8000-000000000406'::uuid, '0190a000-0000-7000-8000-000000000304'::uuid,
             '{"fr":"Sondage","nl":"Peiling","en":"Poll"}', interval '-1 days', interval '9 days', 'poll',
             '{"permissions":{"answer":"everyone"}}'),
            ('0190a000-0000-7000-8000-000000000407'::uuid, '0190a000-0000-7000-8000-000000000305'::uuid,
             '{"fr":"Idées pour la bibliothèque"}', interval '14 days', NULL, 'ideation',
             '{"permissions":{"postIdea":"registered","comment":"registered","react":"registered"},'
             '"dislikes":true,"map":false,"preModeration":true}'),
            ('0190a000-0000-7000-8000-000000000408'::uuid, '0190a000-0000-7000-8000-000000000306'::uuid, '{"fr":"Idées","en":"Ideas"}',
             interval '-120 days', interval '-80 days', 'ideation',
             '{"permissions":{"postIdea":"confirmed_email","comment":"confirmed_email","react":"registered"},'
             '"dislikes":false,"map":false,"preModeration":false}'),
            ('0190a000-0000-7000-8000-000000000409'::uuid, '0190a000-0000-7000-8000-000000000306'::uuid, '{"fr":"Vote","en":"Vote"}',
             interval '-80 days', interval '-60 days', 'voting',
             '{"permissions":{"vote":"confirmed_email","comment":"confirmed_email"},"votesPerUser":3}')
          ) AS v(id, project_id, title, starts, ends, method, settings)
        ON CONFLICT DO NOTHING;

        INSERT INTO user_roles (id, user_id, role, scope_type, scope_id, project_id)
        SELECT gen_random_uuid(), u.id, 'project_moderator', 'project', p.id, p.id
          FROM users u CROSS JOIN (VALUES ('0190a000-0000-7000-8000-000000000301'::uuid),
                                          ('0190a000-0000-7000-8000-000000000305'::uuid)) AS p(id)
         WHERE u.email = 'moderation@demo.participation.test'
        ON CONFLICT ON CONSTRAINT user_roles_unique DO NOTHING;
        """;

    /// <summary>The demo city's identity: name, green colours, a small logo (Assets/belleville-logo.png), contact and legal
    /// details. Only on a platform nobody has edited yet (version 1), so an admin's changes survive `make run`.</summary>
    private const string Branding = """
        INSERT INTO platform_images (key, content_type, content)
        VALUES ('logo-0190a0000000700080000000000000b1.png', 'image/png', @Logo)
        ON CONFLICT (key) DO NOTHING;
        UPDATE platform_settings
           SET name = 'Ville de Belleville', primary_colour = '#1f5e3a', text_on_primary_colour = '#ffffff',
               logo_key = 'logo-0190a0000000700080000000000000b1.png', contact_email = 'participation@belleville.example',
               legal_name = 'Administration communale de Belleville', legal_address = E'Place de l''Hôtel de Ville 1\n1000 Belleville',
               email_from_name = 'Belleville participe'
         WHERE id = 1 AND version = 1 AND logo_key IS NULL;
        """;

    private static byte[] LogoPng()
    {
        using var stream = typeof(DemoSeed).Assembly.GetManifestResourceStream("belleville-logo.png")
            ?? throw new InvalidOperationException("The demo logo is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>
    /// Seeds the demo city through <paramref name="owner"/>: the database owner's connections with the city's setting
    /// (<see cref="Participation.Api.Infrastructure.Database.CityDataSources.OwnerConnectionStringFor"/>). The data is
    /// written as the API's role, under row-level security; only the topics' staging column is the owner's work.
    /// </summary>
    private const string AsApp = "SET LOCAL ROLE " + Participation.Api.Infrastructure.Database.CityDataSources.AppRole + ";";

    public static async Task RunAsync(NpgsqlDataSource owner, Participation.Api.Infrastructure.Storage.IFileStorage storage)
    {
        await using var connection = await owner.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(AsApp, transaction: tx);
        await connection.ExecuteAsync(Branding, new { Logo = LogoPng() }, transaction: tx);
        var hash = Passwords.Hash(Password);
        foreach (var u in Users)
            await connection.ExecuteAsync(
                UpsertUser,
                new
                {
                    Id = Guid.CreateVersion7(),
                    u.Email,
                    Hash = hash,
                    u.FirstName,
                    u.LastName,
                },
                tx
            );
        await connection.ExecuteAsync(
            Departments,
            new
            {
                GreenSpaces,
                Culture,
                Mobility,
            },
            tx
        );
        foreach (var (email, role, department) in Grants)
            await connection.ExecuteAsync(
                Grant,
                new
                {
                    Id = Guid.CreateVersion7(),
                    Email = email,
                    Role = role.ToWire(),
                    Department = department,
                },
                tx
            );
        await connection.ExecuteAsync(Organisations, new { Organisation, PendingOrganisation }, tx);
        await connection.ExecuteAsync(Invitations, new { Culture }, tx);
        await connection.ExecuteAsync("RESET ROLE;", transaction: tx);
        await DemoSeedTopics.BeforeAsync(connection, tx); // adds its staging columns as the owner, ends as the API's role
        await connection.ExecuteAsync(
            Projects,
            new
            {
                GreenSpaces,
                Culture,
                Mobility,
            },
            tx
        );
        await DemoSeedIdeas.RunAsync(connection, tx, hash);
        await DemoSeedVotes.RunAsync(connection, tx, Mobility);
        await DemoSeedSurveys.RunAsync(connection, tx);
        await DemoSeedActivity.RunAsync(connection, tx, hash, Culture);
        await DemoSeedWidgets.RunAsync(connection, tx);
        await DemoSeedCalendarEvents.RunAsync(connection, tx);
        await DemoSeedIdeasManager.RunAsync(connection, tx);
        await DemoSeedBriefings.RunAsync(connection, tx);
        await DemoSeedTopics.AfterAsync(connection, tx); // drops its staging columns as the owner
        await connection.ExecuteAsync(AsApp, transaction: tx);
        await DemoSeedHomePage.RunAsync(connection, tx, storage);
        var apiClientSecret = await DemoSeedApiClients.RunAsync(connection, tx);
        await connection.ExecuteAsync("RESET ROLE;", transaction: tx);
        await DemoSeedOperators.RunAsync(connection, tx, hash); // the platform's tables: the owner's
        await tx.CommitAsync();
        Console.WriteLine("Demo data ready.");
        Console.WriteLine(DemoSeedApiClients.Describe(apiClientSecret));
    }
}
