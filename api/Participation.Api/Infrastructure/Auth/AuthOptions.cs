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
}
