using Dapper;
using Npgsql;
using Participation.Api.Infrastructure.Auth;

namespace Participation.Api.Infrastructure.Cli;

/// <summary>
/// The demo city for `make run`: idempotent, so it runs at every start. Later features add their demo
/// data here (departments, projects, ideas, votes, a survey).
/// </summary>
public static class DemoSeed
{
    public const string Password = "Demo-password-2026";

    public sealed record DemoUser(string Email, string FirstName, string LastName, string? Role, string Description);

    public static readonly DemoUser[] Users =
    [
        new("admin@demo.participation.test", "Amélie", "Dubois", "admin", "platform admin"),
        new("communication@demo.participation.test", "Karim", "Benali", "communication_manager", "communication manager"),
        new("it@demo.participation.test", "Sofie", "Peeters", "it_manager", "IT / webmaster"),
        new("elu@demo.participation.test", "Jean", "Lambert", "elected_official", "elected official"),
        new("chef.espaces-verts@demo.participation.test", "Nathalie", "Leroy", null, "department head (Espaces verts, from the roles issue)"),
        new("moderation@demo.participation.test", "Thomas", "Janssens", null, "project moderator (from the projects issue)"),
        new("habitante@demo.participation.test", "Fatima", "El Amrani", null, "resident"),
        new("habitant@demo.participation.test", "Lucas", "Martin", null, "resident"),
    ];

    private const string UpsertUser = """
        INSERT INTO users (id, email, password_hash, first_name, last_name, email_confirmed_at)
        VALUES (@Id, @Email, @Hash, @FirstName, @LastName, now())
        ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email
        RETURNING id;
        """;

    private const string GrantPlatformRole = """
        INSERT INTO user_roles (id, user_id, role, scope_type) VALUES (@Id, @UserId, @Role, 'platform')
        ON CONFLICT ON CONSTRAINT user_roles_unique DO NOTHING;
        """;

    public static async Task RunAsync(NpgsqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("UPDATE platform_settings SET name = 'Ville de Belleville' WHERE id = 1 AND name = 'Participation';", transaction: tx);
        var hash = Passwords.Hash(Password);
        foreach (var u in Users)
        {
            var id = await connection.QuerySingleAsync<Guid>(UpsertUser, new { Id = Guid.CreateVersion7(), u.Email, Hash = hash, u.FirstName, u.LastName }, tx);
            if (u.Role is not null)
                await connection.ExecuteAsync(GrantPlatformRole, new { Id = Guid.CreateVersion7(), UserId = id, u.Role }, tx);
        }
        await tx.CommitAsync();
        Console.WriteLine("Demo data ready.");
    }
}
