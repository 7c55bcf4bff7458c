using Dapper;
using Npgsql;
using Participation.Api.Infrastructure.Auth;

namespace Participation.Api.Infrastructure.Cli;

/// <summary>
/// The demo city of `make run` ("Ville de Belleville"): staff of every role, departments, a verified
/// organisation, invitations in every state. Idempotent (fixed ids, ON CONFLICT), so it runs at every
/// start. Later features add their demo data here (projects, ideas, votes, a survey).
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
        new("elu@demo.participation.test", "Jean", "Lambert", "elected official (whole platform)"),
        new("elue.culture@demo.participation.test", "Hélène", "Moreau", "elected official (Culture)"),
        new("chef.espaces-verts@demo.participation.test", "Nathalie", "Leroy", "head of Espaces verts"),
        new("chef.culture@demo.participation.test", "Marc", "Janssens", "head of Culture (joined by invitation)"),
        new("moderation@demo.participation.test", "Thomas", "Claes", "project moderator (projects arrive next)"),
        new("habitante@demo.participation.test", "Fatima", "El Amrani", "resident, owner of a verified organisation"),
        new("habitant@demo.participation.test", "Lucas", "Martin", "resident, member of that organisation"),
    ];

    private static readonly (string Email, string Role, Guid? Department)[] Grants =
    [
        ("admin@demo.participation.test", Roles.Admin, null),
        ("communication@demo.participation.test", Roles.CommunicationManager, null),
        ("it@demo.participation.test", Roles.ItManager, null),
        ("elu@demo.participation.test", Roles.ElectedOfficial, null),
        ("elue.culture@demo.participation.test", Roles.ElectedOfficial, Culture),
        ("chef.espaces-verts@demo.participation.test", Roles.DepartmentHead, GreenSpaces),
        ("chef.culture@demo.participation.test", Roles.DepartmentHead, Culture),
    ];

    private const string UpsertUser = """
        INSERT INTO users (id, email, password_hash, first_name, last_name, email_confirmed_at)
        VALUES (@Id, @Email, @Hash, @FirstName, @LastName, now())
        ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email
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
            ('0190a000-0000-7000-8000-000000000201'::uuid, 'nouvel.elu@demo.participation.test', 'Paul', 'Renard', 'elected_official', 'department', @Culture, @Culture, 'Bienvenue au conseil !', interval '2 days', 'pending'),
            ('0190a000-0000-7000-8000-000000000202'::uuid, 'chef.culture@demo.participation.test', 'Marc', 'Janssens', 'department_head', 'department', @Culture, @Culture, NULL, interval '20 days', 'accepted'),
            ('0190a000-0000-7000-8000-000000000203'::uuid, 'ancien.it@demo.participation.test', NULL, NULL, 'it_manager', 'platform', NULL, NULL, NULL, interval '45 days', 'expired'),
            ('0190a000-0000-7000-8000-000000000204'::uuid, 'erreur@demo.participation.test', NULL, NULL, 'communication_manager', 'platform', NULL, NULL, NULL, interval '10 days', 'revoked')
          ) AS v(id, email, first_name, last_name, role, scope_type, scope_id, department_id, message, age, state)
         CROSS JOIN (SELECT id FROM users WHERE email = 'admin@demo.participation.test') admin
        ON CONFLICT DO NOTHING;
        INSERT INTO invitation_tokens (token_hash, invitation_id)
        SELECT sha256(gen_random_uuid()::text::bytea), '0190a000-0000-7000-8000-000000000201'
         WHERE NOT EXISTS (SELECT 1 FROM invitation_tokens WHERE invitation_id = '0190a000-0000-7000-8000-000000000201');
        """;

    public static async Task RunAsync(NpgsqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("UPDATE platform_settings SET name = 'Ville de Belleville' WHERE id = 1 AND name = 'Participation';", transaction: tx);
        var hash = Passwords.Hash(Password);
        foreach (var u in Users)
            await connection.ExecuteAsync(UpsertUser, new { Id = Guid.CreateVersion7(), u.Email, Hash = hash, u.FirstName, u.LastName }, tx);
        await connection.ExecuteAsync(Departments, new { GreenSpaces, Culture, Mobility }, tx);
        foreach (var (email, role, department) in Grants)
            await connection.ExecuteAsync(Grant, new { Id = Guid.CreateVersion7(), Email = email, Role = role, Department = department }, tx);
        await connection.ExecuteAsync(Organisations, new { Organisation, PendingOrganisation }, tx);
        await connection.ExecuteAsync(Invitations, new { Culture }, tx);
        await tx.CommitAsync();
        Console.WriteLine("Demo data ready.");
    }
}
