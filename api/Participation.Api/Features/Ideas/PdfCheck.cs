using UglyToad.PdfPig;

namespace Participation.Api.Features.Ideas;

/// <summary>
/// Whether bytes are a PDF that residents may open safely: a PDF by content (header and end marker), that PdfPig opens
/// strictly with at least one readable page, not encrypted, and naming no script, launch action or embedded file.
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
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return false;
        }
    }
}
