using System.Text.RegularExpressions;

namespace Participation.Api.Features.Users;

/// <summary>Where a person's avatar lives and how it is addressed (see migration 0034).</summary>
public static partial class Avatars
{
    /// <summary>The longer side of what is kept: a square of this many pixels.</summary>
    public const int Edge = 256;

    /// <summary>What a person may send (the picture is cut and scaled down on the server).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public const string UrlPrefix = "/api/v1/avatars/";

    public static string StorageKey(string key) => $"avatars/{key}";

    /// <summary>The public address of an avatar, or null without one.</summary>
    public static string? UrlOf(string? key) => key is null ? null : UrlPrefix + key;

    /// <summary>Keys are generated (32 hex digits and the format's extension); anything else names no avatar.</summary>
    public static bool IsKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    [GeneratedRegex("^[0-9a-f]{32}\\.(png|jpg|webp)$")]
    private static partial Regex KeyPattern();
}
