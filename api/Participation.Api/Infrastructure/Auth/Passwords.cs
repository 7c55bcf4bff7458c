using Microsoft.AspNetCore.Identity;

namespace Participation.Api.Infrastructure.Auth;

/// <summary>ASP.NET Core Identity's PBKDF2 (HMAC-SHA512, salted, 100,000 iterations) password hashing.</summary>
public static class Passwords
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object Subject = new();

    // Verified when the account does not exist, so both paths cost the same time.
    private static readonly string DummyHash = Hasher.HashPassword(Subject, "not-a-real-password-0000");

    public static string Hash(string password) => Hasher.HashPassword(Subject, password);

    public static bool Verify(string? hash, string password)
    {
        var result = Hasher.VerifyHashedPassword(Subject, hash ?? DummyHash, password);
        return hash is not null && result != PasswordVerificationResult.Failed;
    }
}
