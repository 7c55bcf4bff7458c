using System.Data;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Participation.Api.Infrastructure.Content;

/// <summary>
/// Slugs, the readable part of an address (renovation-de-la-place): lowercase letters, digits and single hyphens. Made here
/// for new rows; migration 0028's SQL <c>slugify()</c> made them for the rows that existed, and must give the same (a test
/// compares them): accented Latin letters to their base letter, combining accents dropped, a few letters spelt out
/// (œ → oe, ß → ss, ø → o, ł → l…), every run of other characters → '-', lower case, trimmed, at most 80 characters; an
/// empty result (an emoji title) or one shaped like a GUID gets the fallback word in front.
/// </summary>
public static partial class Slugs
{
    public const int MaxBase = 80;
    public const int MaxLength = 100;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Shape();

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex GuidShape();

    /// <summary>A slug as addresses carry them (and not a GUID, which addresses carry too).</summary>
    public static bool IsValid(string? slug) =>
        slug is not null && slug.Length <= MaxLength && Shape().IsMatch(slug) && !GuidShape().IsMatch(slug);

    /// <summary>
    /// The Latin letters with accents (Latin-1, Extended-A and -B, Extended Additional) and their base letters, as their
    /// canonical decomposition gives them; the same table as slugify() in migration 0028 (the API runs with invariant
    /// globalization, where string normalisation is not available, so both spell it out).
    /// </summary>
    internal const string Accented =
        ""
        + "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéê"
        + "ëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔ"
        + "ĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľ"
        + "ŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭ"
        + "ŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛ"
        + "ǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏ"
        + "ȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇ"
        + "ḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫ"
        + "ḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏ"
        + "ṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳ"
        + "ṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗ"
        + "ẘẙẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀề"
        + "ỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụ"
        + "ỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ";

    internal const string Unaccented =
        ""
        + "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaC"
        + "cCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOo"
        + "RrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuU"
        + "uAaAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOo"
        + "OoYyAaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLl"
        + "LlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUu"
        + "UuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwyAaAaAaAaAaAaAaAaAaAaAa"
        + "AaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUu"
        + "YyYyYyYy";

    private static readonly Dictionary<char, char> Bases = Accented.Zip(Unaccented).ToDictionary(p => p.First, p => p.Second);

    /// <summary>The slug of a title (see the class summary).</summary>
    public static string From(string? title, string fallback)
    {
        var decomposed = title ?? "";
        var s = new StringBuilder(decomposed.Length);
        var hyphen = false;
        void Add(string ascii)
        {
            if (hyphen && s.Length > 0)
                s.Append('-');
            hyphen = false;
            s.Append(ascii.ToLowerInvariant());
        }
        foreach (var c in decomposed)
        {
            if (c is >= '\u0300' and <= '\u036f')
                continue;
            var ascii = Bases.TryGetValue(c, out var letter)
                ? letter.ToString()
                : c switch
                {
                    >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' => c.ToString(),
                    'œ' or 'Œ' => "oe",
                    'æ' or 'Æ' => "ae",
                    'ß' or 'ẞ' => "ss",
                    'ø' or 'Ø' => "o",
                    'đ' or 'Đ' => "d",
                    'ł' or 'Ł' => "l",
                    'ı' => "i",
                    'ħ' or 'Ħ' => "h",
                    _ => null,
                };
            if (ascii is null)
                hyphen = true;
            else
                Add(ascii);
        }
        var slug = s.ToString();
        if (slug.Length > MaxBase)
            slug = slug[..MaxBase].TrimEnd('-');
        if (slug.Length == 0)
            return fallback;
        return GuidShape().IsMatch(slug) ? fallback + "-" + slug : slug;
    }

    /// <summary>The slug of a title in several languages: its French text, else Dutch, else English (as slug_title() in SQL).</summary>
    public static string From(IReadOnlyDictionary<string, string>? title, string fallback)
    {
        string? Text(string language) =>
            title is not null && title.TryGetValue(language, out var t) && !string.IsNullOrWhiteSpace(t) ? t : null;
        return From(Text("fr") ?? Text("nl") ?? Text("en"), fallback);
    }

    /// <summary>The first of base, base-2, base-3… not taken (as slug_with_suffix() in SQL).</summary>
    public static string WithSuffix(string slugBase, IReadOnlySet<string> taken)
    {
        if (!taken.Contains(slugBase))
            return slugBase;
        var n = 2;
        while (taken.Contains(string.Create(CultureInfo.InvariantCulture, $"{slugBase}-{n}")))
            n++;
        return string.Create(CultureInfo.InvariantCulture, $"{slugBase}-{n}");
    }

    /// <summary>
    /// A free slug for a new row, in the caller's transaction: parallel creations of the same base wait for each other on a
    /// transaction-scoped advisory lock (keyed by <paramref name="scope"/> and the base), so the second one sees the first's
    /// slug once it commits and takes the next suffix. <paramref name="takenSql"/> lists the slugs taken among @Base and
    /// those starting with @Prefix (base-…), with the caller's own parameters.
    /// </summary>
    public static async Task<string> FreeAsync(
        IDbConnection connection,
        IDbTransaction tx,
        string scope,
        string slugBase,
        string takenSql,
        object? parameters,
        CancellationToken ct
    )
    {
        await LockAsync(connection, tx, scope, slugBase, ct);
        var p = new DynamicParameters(parameters);
        p.Add("Base", slugBase);
        p.Add("Prefix", slugBase + "-%");
        var taken = await connection.QueryAsync<string>(new CommandDefinition(takenSql, p, tx, cancellationToken: ct));
        return WithSuffix(slugBase, taken.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Serialises, until the transaction ends, the writers of one slug in one scope.</summary>
    public static Task LockAsync(IDbConnection connection, IDbTransaction tx, string scope, string slug, CancellationToken ct) =>
        connection.ExecuteAsync(
            new CommandDefinition(
                "SELECT pg_advisory_xact_lock(hashtextextended(@Key, 0));",
                new { Key = scope + ":" + slug },
                tx,
                cancellationToken: ct
            )
        );
}
