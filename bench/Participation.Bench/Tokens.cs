using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Participation.Bench;

/// <summary>
/// Access tokens as the API mints them (AccessTokens.Issue: HS256, iss/aud "participation", sub, jti, rv), signed
/// with the key the bench API instance is given (Auth__SigningKey), valid for the whole run.
/// </summary>
public static class Tokens
{
    public static string Mint(
        string signingKey,
        Guid userId,
        int roleVersion = 1,
        string issuer = "participation",
        string audience = "participation"
    )
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = B64(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["alg"] = "HS256", ["typ"] = "JWT" }));
        var payload = B64(
            JsonSerializer.SerializeToUtf8Bytes(
                new Dictionary<string, object>
                {
                    ["iss"] = issuer,
                    ["aud"] = audience,
                    ["iat"] = now,
                    ["nbf"] = now,
                    ["exp"] = now + 4 * 3600,
                    ["sub"] = userId.ToString(),
                    ["jti"] = Guid.NewGuid().ToString("N"),
                    ["rv"] = roleVersion,
                }
            )
        );
        var signature = B64(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes(header + "." + payload)));
        return header + "." + payload + "." + signature;
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// The password hash every bench user shares: ASP.NET Core Identity's V3 format, as the API's Passwords.Hash
/// writes it (PBKDF2-HMAC-SHA512, 100,000 iterations, 16-byte salt, 32-byte subkey), with a fixed salt so the
/// data set is the same on every run. Bench users can log in with <see cref="Password"/>.
/// </summary>
public static class BenchPassword
{
    public const string Password = "Bench-password-2026";

    public static string Hash()
    {
        var salt = SHA256.HashData(Encoding.UTF8.GetBytes("participation-bench-salt"))[..16];
        var subkey = Rfc2898DeriveBytes.Pbkdf2(Password, salt, 100_000, HashAlgorithmName.SHA512, 32);
        var output = new byte[13 + salt.Length + subkey.Length];
        output[0] = 0x01; // format marker: V3
        WriteBigEndian(output, 1, 2); // PRF: HMAC-SHA512
        WriteBigEndian(output, 5, 100_000); // iterations
        WriteBigEndian(output, 9, (uint)salt.Length);
        salt.CopyTo(output, 13);
        subkey.CopyTo(output, 13 + salt.Length);
        return Convert.ToBase64String(output);
    }

    private static void WriteBigEndian(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }
}
