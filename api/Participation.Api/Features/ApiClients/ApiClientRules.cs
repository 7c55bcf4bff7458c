using System.Data;
using Microsoft.AspNetCore.WebUtilities;

namespace Participation.Api.Features.ApiClients;

/// <summary>Who manages API clients, what a client looks like to them, and how secrets are made and kept.</summary>
public static class ApiClientRules
{
    public const int NameMax = 100;
    public const int DescriptionMax = 1000;
    public const int DefaultRateLimit = 600;
    public const int MaxOverlapHours = 168;

    /// <summary>Secrets start with this prefix, so a leaked one is recognisable by secret scanners.</summary>
    public const string SecretPrefix = "pcs_";

    private const string ManagerSql = """
        SELECT EXISTS (SELECT 1 FROM user_roles WHERE user_id = @ActorId AND role IN ('admin', 'it_manager'));
        """;

    /// <summary>Admins and the IT manager manage API clients (and their webhooks); anybody else gets 403.</summary>
    public static async Task EnsureManagerAsync(IDbConnection connection, Guid actorId, IDbTransaction? tx, CancellationToken ct)
    {
        if (
            !await connection.ExecuteScalarAsync<bool>(
                new CommandDefinition(ManagerSql, new { ActorId = actorId }, tx, cancellationToken: ct)
            )
        )
            throw new ForbiddenException();
    }

    /// <summary>A new secret (256 random bits) and what is stored of it: its digest and its last four characters.</summary>
    public static (string Secret, byte[] Hash, string Hint) NewSecret()
    {
        var secret = SecretPrefix + WebEncoders.Base64UrlEncode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        return (secret, SecureTokens.Hash(secret), secret[^4..]);
    }

    public static IRuleBuilderOptions<T, IReadOnlyList<ClientScope>?> ClientScopes<T>(
        this IRuleBuilder<T, IReadOnlyList<ClientScope>?> rule
    ) => rule.Must(s => s is { Count: > 0 and <= 20 } && s.All(Enum.IsDefined)).WithMessage(_ => Messages.Get("api_client_scopes"));

    public static IRuleBuilderOptions<T, int?> RateLimit<T>(this IRuleBuilder<T, int?> rule) =>
        rule.Must(r => r is null or >= 1 and <= 100_000).WithMessage(_ => Messages.Get("api_client_rate_limit"));

    /// <summary>The scopes as stored (wire names, each once, in the catalogue's order).</summary>
    public static string[] ToWire(IEnumerable<ClientScope> scopes) => scopes.Distinct().Order().Select(s => s.ToWire()).ToArray();
}

/// <summary>One of a client's secrets, as its managers see it: never the secret, only its last characters.</summary>
/// <param name="Active">Usable now: not expired (a rotated-out secret stays usable until its end) and the client not revoked.</param>
public sealed record ApiClientSecret(
    Guid Id,
    string Hint,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    bool Active
);

/// <summary>An API client as admins and the IT manager see it.</summary>
/// <param name="RateLimitPerMinute">Requests per minute this client may make (429 with Retry-After beyond).</param>
/// <param name="LastUsedAt">The last time the client obtained a token or called the API (to the minute).</param>
public sealed record ApiClient(
    Guid Id,
    string Name,
    string Description,
    IReadOnlyList<ClientScope> Scopes,
    int RateLimitPerMinute,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt,
    IReadOnlyList<ApiClientSecret> Secrets
);

/// <summary>Reads clients with their secrets in one statement.</summary>
public static class ApiClientReader
{
    private const string Sql = """
        SELECT c.id, c.name, c.description, c.scopes, c.rate_limit_per_minute, c.created_at, c.updated_at, c.revoked_at,
               c.last_used_at,
               coalesce((SELECT json_agg(json_build_object(
                                   'id', s.id, 'hint', s.hint, 'createdAt', s.created_at, 'expiresAt', s.expires_at,
                                   'lastUsedAt', s.last_used_at,
                                   'active', c.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now()))
                                 ORDER BY s.created_at DESC)
                           FROM api_client_secrets s WHERE s.client_id = c.id), '[]')::text AS secrets
          FROM api_clients c
         WHERE (@Id::uuid IS NULL OR c.id = @Id)
         ORDER BY c.revoked_at IS NOT NULL, lower(c.name), c.id
         LIMIT 500;
        """;

    // A class with setters: Dapper cannot bind a text[] column to a record's constructor parameter.
    private sealed class Row
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Description { get; init; } = "";
        public string[] Scopes { get; init; } = [];
        public int RateLimitPerMinute { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public DateTime? RevokedAt { get; init; }
        public DateTime? LastUsedAt { get; init; }
        public string Secrets { get; init; } = "[]";
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>Every client (a city has a handful; 500 at most), live ones first, by name; or the one with
    /// <paramref name="id"/>.</summary>
    public static async Task<IReadOnlyList<ApiClient>> ReadAsync(
        IDbConnection connection,
        Guid? id,
        IDbTransaction? tx,
        CancellationToken ct
    )
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, new { Id = id }, tx, cancellationToken: ct));
        return rows.Select(r => new ApiClient(
                r.Id,
                r.Name,
                r.Description,
                r.Scopes.Select(s => s.ToEnum<ClientScope>()).ToList(),
                r.RateLimitPerMinute,
                r.CreatedAt.AsUtc(),
                r.UpdatedAt.AsUtc(),
                r.RevokedAt?.AsUtc(),
                r.LastUsedAt?.AsUtc(),
                System.Text.Json.JsonSerializer.Deserialize<List<ApiClientSecret>>(r.Secrets, Json)!
            ))
            .ToList();
    }

    public static async Task<ApiClient> ReadOneAsync(IDbConnection connection, Guid id, IDbTransaction? tx, CancellationToken ct) =>
        (await ReadAsync(connection, id, tx, ct)).SingleOrDefault() ?? throw new NotFoundException();
}
