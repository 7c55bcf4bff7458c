using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace Participation.Api.Infrastructure.Auth;

/// <summary>Random one-time tokens (256 bits, base64url) and the SHA-256 digest stored instead of them.</summary>
public static class SecureTokens
{
    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
}
