using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Participation.Api.Features.Ideas;

/// <summary>
/// Whether bytes are a PDF that residents may open safely: a PDF by content (header and end marker), that PdfPig opens
/// strictly with at least one readable page, not encrypted, and naming no script, launch action, embedded file or
/// active form anywhere: neither in its raw bytes nor in any object PdfPig reads, those packed in compressed object
/// streams included (a raw scan cannot see inside them).
/// </summary>
internal static class PdfCheck
{
    private static readonly byte[][] Refused =
    [
        "/JavaScript"u8.ToArray(),
        "/JS"u8.ToArray(),
        "/Launch"u8.ToArray(),
        "/EmbeddedFile"u8.ToArray(),
        "/Encrypt"u8.ToArray(),
    ];

    // The names that make a PDF act rather than show: scripts, launching programs, files inside, rich media, XFA forms
    // and form actions that send or fetch data.
    private static readonly HashSet<string> RefusedNames =
    [
        "JavaScript",
        "JS",
        "Launch",
        "EmbeddedFile",
        "EmbeddedFiles",
        "RichMedia",
        "XFA",
        "SubmitForm",
        "ImportData",
        "Encrypt",
    ];

    public static bool IsPdf(ReadOnlySpan<byte> head) => head.StartsWith("%PDF-"u8);

    public static bool IsAcceptable(byte[] bytes)
    {
        if (!IsPdf(bytes) || bytes.AsSpan(Math.Max(0, bytes.Length - 1024)).IndexOf("%%EOF"u8) < 0)
            return false;
        foreach (var name in Refused)
            if (bytes.AsSpan().IndexOf(name) >= 0)
                return false;
        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = false });
            if (document.IsEncrypted || document.NumberOfPages < 1)
                return false;
            _ = document.GetPage(1).Text;
            return !NamesAnythingRefused(document);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return false;
        }
    }

    /// <summary>Every object of the cross-reference table, read by PdfPig (object streams decompressed): does one name a
    /// refused key or value?</summary>
    private static bool NamesAnythingRefused(PdfDocument document)
    {
        var structure = document.Structure;
        if (Refuses(structure.Catalog.CatalogDictionary))
            return true;
        foreach (var reference in structure.CrossReferenceTable.ObjectOffsets.Keys)
            if (Refuses(structure.GetObject(reference).Data))
                return true;
        return false;
    }

    // Indirect references are not followed: each object is visited once, from the cross-reference table. The depth
    // bound keeps a deeply nested direct object from exhausting the stack.
    private static bool Refuses(IToken token, int depth = 0)
    {
        if (depth > 64)
            return true;
        return token switch
        {
            NameToken name => RefusedNames.Contains(name.Data),
            DictionaryToken dictionary => dictionary.Data.Any(e => RefusedNames.Contains(e.Key) || Refuses(e.Value, depth + 1)),
            ArrayToken array => array.Data.Any(t => Refuses(t, depth + 1)),
            StreamToken stream => Refuses(stream.StreamDictionary, depth + 1),
            _ => false,
        };
    }
}
