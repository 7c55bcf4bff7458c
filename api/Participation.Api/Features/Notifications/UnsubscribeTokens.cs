using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Participation.Api.Features.Notifications;

/// <summary>
/// One-click unsubscribe links (RFC 8058): the token names a person and a category and is signed with a
/// key derived from the platform's signing key, so it needs no table and cannot be forged or widened to
/// another person or category. It only ever turns e-mails of that category off.
/// </summary>
public sealed class UnsubscribeTokens(IOptions<AuthOptions> auth)
{
    private readonly byte[] _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(auth.Value.SigningKey), "participation/unsubscribe/v1"u8);

    public string Issue(Guid userId, string category)
    {
        var payload = Payload(userId, category);
        return WebEncoders.Base64UrlEncode(payload) + "." + WebEncoders.Base64UrlEncode(Mac(payload));
    }

    public (Guid UserId, string Category)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
            return null;
        var parts = token.Split('.');
        if (parts.Length != 2)
            return null;
        try
        {
            var payload = WebEncoders.Base64UrlDecode(parts[0]);
            var mac = WebEncoders.Base64UrlDecode(parts[1]);
            if (payload.Length <= 16 || !CryptographicOperations.FixedTimeEquals(mac, Mac(payload)))
                return null;
            var category = Encoding.UTF8.GetString(payload, 16, payload.Length - 16);
            return NotificationCategories.All.Contains(category) ? (new Guid(payload.AsSpan(0, 16)), category) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] Payload(Guid userId, string category) => [.. userId.ToByteArray(), .. Encoding.UTF8.GetBytes(category)];

    private byte[] Mac(byte[] payload) => HMACSHA256.HashData(_key, payload)[..16];
}
