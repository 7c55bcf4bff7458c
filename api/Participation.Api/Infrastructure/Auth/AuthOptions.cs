namespace Participation.Api.Infrastructure.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";
    public string Issuer { get; set; } = "participation";
    public string Audience { get; set; } = "participation";

    /// <summary>HMAC-SHA256 key, at least 32 bytes. Required outside Development.</summary>
    public string SigningKey { get; set; } = "";
    public int AccessTokenMinutes { get; set; } = 15;
    public int RefreshTokenDays { get; set; } = 30;

    /// <summary>Lifetime of an operator's token (the vendor's console, issue 19): they sign in again after it.</summary>
    public int OperatorTokenMinutes { get; set; } = 60;

    /// <summary>Lifetime of the access tokens the OAuth 2.0 token endpoint issues to API clients.</summary>
    public int ClientTokenMinutes { get; set; } = 15;

    /// <summary>
    /// The token endpoint answers over HTTPS only (RFC 6749 §3.2), behind a trusted proxy too (X-Forwarded-Proto). Null:
    /// required except in the Development and Testing environments.
    /// </summary>
    public bool? ClientTokensRequireHttps { get; set; }

    /// <summary>
    /// How long an instance trusts a user's role version it has read (0: asked on every request). Only while it listens
    /// for the database's notifications of changes (a direct session; not through a pooler in transaction mode).
    /// </summary>
    public int RoleVersionCacheSeconds { get; set; } = 60;
}
