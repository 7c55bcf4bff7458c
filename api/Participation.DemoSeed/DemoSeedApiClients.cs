using Dapper;
using Npgsql;
using Participation.Api.Features.ApiClients;

namespace Participation.Demo;

/// <summary>
/// The demo city's API client: its open data portal, reading projects and ideas. Created once (fixed id); its secret is
/// made then and printed that once, like the staff area shows a new secret once (only its digest is kept). A lost
/// secret: rotate it in the staff area (/admin/api-clients, as it@demo.participation.test).
/// </summary>
public static class DemoSeedApiClients
{
    public static readonly Guid OpenDataPortal = Guid.Parse("0190a000-0000-7000-8000-000000000601");
    public const string Name = "Portail open data";

    private const string Sql = """
        INSERT INTO api_clients (id, name, description, scopes, rate_limit_per_minute, created_by)
        SELECT @Id, @Name, 'Le portail open data de la ville republie les projets et les idées (exemple de la démo).',
               ARRAY['projects:read', 'ideas:read'], 600, u.id
          FROM users u WHERE u.email = 'it@demo.participation.test'
        ON CONFLICT DO NOTHING
        RETURNING id;
        """;

    private const string SecretSql = """
        INSERT INTO api_client_secrets (id, client_id, hash, hint, created_by)
        SELECT @SecretId, @Id, @Hash, @Hint, created_by FROM api_clients WHERE id = @Id;
        """;

    /// <summary>Creates the client when it does not exist yet, and returns its new secret then (null on later runs).</summary>
    public static async Task<string?> RunAsync(NpgsqlConnection connection, NpgsqlTransaction tx)
    {
        var created = await connection.QuerySingleOrDefaultAsync<Guid?>(Sql, new { Id = OpenDataPortal, Name }, tx);
        if (created is null)
            return null;
        var (secret, hash, hint) = ApiClientRules.NewSecret();
        await connection.ExecuteAsync(
            SecretSql,
            new
            {
                SecretId = Guid.CreateVersion7(),
                Id = OpenDataPortal,
                Hash = hash,
                Hint = hint,
            },
            tx
        );
        return secret;
    }

    /// <summary>What the seed prints: the client id always, the secret only when it was just made.</summary>
    public static string Describe(string? newSecret) =>
        newSecret is null
            ? $"API client \"{Name}\": client_id {OpenDataPortal} (its secret was printed when it was created; "
                + "rotate it in /admin/api-clients if lost)."
            : $"API client \"{Name}\": client_id {OpenDataPortal}, client_secret {newSecret} (shown this once).";
}
