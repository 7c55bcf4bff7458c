using System.Text;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.WebUtilities;

namespace Participation.Api.Infrastructure.Pagination;

/// <summary>
/// Keyset pagination: an opaque cursor (base64url JSON of the last row's sort key) and a page size of
/// 1 to 100 (20 by default). A tampered or garbage cursor is a 400, never a 500.
/// </summary>
public static class Cursor
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static string Encode<T>(T key) => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(key));

    public static T? Decode<T>(string? cursor) where T : class
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(WebEncoders.Base64UrlDecode(cursor))
                ?? throw new FormatException();
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException or NotSupportedException)
        {
            throw Invalid();
        }
    }

    /// <summary>The 400 for a cursor that does not belong to this list or sort.</summary>
    public static ValidationException Invalid() =>
        new([new ValidationFailure("cursor", "This cursor is not valid: start again from the first page.")]);

    public static IRuleBuilderOptions<T, int?> PageSize<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, MaxLimit).WithMessage($"Between 1 and {MaxLimit}.");

    /// <summary>Read one row more than asked to know whether a next page exists.</summary>
    public static (IReadOnlyList<TRow> Items, string? Next) Page<TRow, TKey>(IReadOnlyList<TRow> rows, int limit, Func<TRow, TKey> key)
    {
        if (rows.Count <= limit) return (rows, null);
        var items = rows.Take(limit).ToList();
        return (items, Encode(key(items[^1])));
    }
}
