using System.Text.Json;
using FluentValidation.Results;
using Microsoft.AspNetCore.WebUtilities;

namespace Participation.Api.Infrastructure.Pagination;

/// <summary>
/// Keyset pagination: an opaque cursor (base64url JSON of the last row's sort key) and a page size of
/// 1 to 100 (20 by default). A tampered or garbage cursor is a 400, never a 500: the key is checked when
/// decoded (its JSON types, no NUL in text, no null where the key has none, and the list's own range check),
/// since it comes back from the client and goes into SQL parameters.
/// </summary>
public static class Cursor
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    private static readonly JsonSerializerOptions Json = Hardened();

    public static string Encode<T>(T key) => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(key, Json));

    /// <summary>The key of <paramref name="cursor"/>, or null without one; a 400 when it does not decode or <paramref name="fits"/> refuses
    /// it.</summary>
    public static T? Decode<T>(string? cursor, Func<T, bool>? fits = null)
        where T : class
    {
        if (string.IsNullOrEmpty(cursor))
            return null;
        T key;
        try
        {
            key = JsonSerializer.Deserialize<T>(WebEncoders.Base64UrlDecode(cursor), Json) ?? throw new FormatException();
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException or NotSupportedException)
        {
            throw Invalid();
        }
        if (Validation.NonNullableMembers.Find(key).Count > 0 || (fits is not null && !fits(key)))
            throw Invalid();
        return key;
    }

    private static JsonSerializerOptions Hardened()
    {
        var options = new JsonSerializerOptions();
        Security.HttpHardening.Configure(options); // refuses NUL in text, which PostgreSQL cannot take
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>The 400 for a cursor that does not belong to this list or sort.</summary>
    public static ValidationException Invalid() =>
        new([new ValidationFailure("cursor", "This cursor is not valid: start again from the first page.")]);

    public static IRuleBuilderOptions<T, int?> PageSize<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, MaxLimit).WithMessage($"Between 1 and {MaxLimit}.");

    private static readonly int[] ReadSizes = [6, 11, DefaultLimit + 1, 51, MaxLimit + 1];

    /// <summary>
    /// How many rows to read for a page of <paramref name="limit"/>, as a constant to write in a statement: one more than
    /// asked (to know whether a next page exists), rounded up to one of five sizes. With the limit written, PostgreSQL can
    /// keep one generic plan for the statement; with <c>LIMIT @Take</c> its generic plan assumes a tenth of the table and
    /// is never kept (make bench, README « Benchmarks »). <see cref="Page"/> keeps the page asked from what was read.
    /// </summary>
    public static int ReadSize(int limit) => ReadSizes.First(r => r > limit);

    /// <summary>Read one row more than asked to know whether a next page exists.</summary>
    public static (IReadOnlyList<TRow> Items, string? Next) Page<TRow, TKey>(IReadOnlyList<TRow> rows, int limit, Func<TRow, TKey> key)
    {
        if (rows.Count <= limit)
            return (rows, null);
        var items = rows.Take(limit).ToList();
        return (items, Encode(key(items[^1])));
    }
}
