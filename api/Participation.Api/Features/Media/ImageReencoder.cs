using SkiaSharp;

namespace Participation.Api.Features.Media;

/// <summary>
/// Decodes an uploaded image and encodes it anew in the same format: what is stored is pixels only (no EXIF — no GPS
/// position, no camera serial — no comments, no trailing bytes), turned upright by its EXIF orientation, and at most
/// <see cref="MaxEdge"/> pixels on its longer side. Returns null when the bytes do not decode as the format they claim.
/// </summary>
public static class ImageReencoder
{
    /// <summary>Larger images are scaled down: a text column never needs more.</summary>
    public const int MaxEdge = 2400;

    /// <summary>Refused before decoding (a small file can claim a huge canvas).</summary>
    public const long MaxPixels = 40_000_000;

    public sealed record Encoded(byte[] Bytes, int Width, int Height);

    /// <param name="maxEdge">The longer side's limit (a thumbnail's is smaller).</param>
    /// <param name="strict">Refuses a truncated image too (rich texts' images accept one, grey where the bytes end).</param>
    public static Encoded? Reencode(byte[] bytes, string contentType, int maxEdge = MaxEdge, bool strict = false)
    {
        var format = FormatOf(contentType);
        using var upright = DecodeUpright(bytes, format, strict);
        if (upright is null)
            return null;
        using var scaled = Scale(upright, maxEdge);
        using var image = SKImage.FromBitmap(scaled);
        using var encoded = image.Encode(format, 85);
        return encoded is null ? null : new Encoded(encoded.ToArray(), scaled.Width, scaled.Height);
    }

    /// <summary>
    /// The same checks and clean-up as <see cref="Reencode"/> (strict: a truncated image is refused), then the centre
    /// square of the upright image scaled to <paramref name="edge"/> pixels (a smaller image keeps its size): an avatar.
    /// </summary>
    public static Encoded? Square(byte[] bytes, string contentType, int edge)
    {
        var format = FormatOf(contentType);
        using var upright = DecodeUpright(bytes, format, strict: true);
        if (upright is null)
            return null;
        var side = Math.Min(upright.Width, upright.Height);
        var size = Math.Min(side, edge);
        using var square = new SKBitmap(new SKImageInfo(size, size, upright.ColorType, upright.AlphaType));
        using (var canvas = new SKCanvas(square))
        {
            var from = SKRect.Create((upright.Width - side) / 2f, (upright.Height - side) / 2f, side, side);
            using var image = SKImage.FromBitmap(upright);
            canvas.DrawImage(image, from, SKRect.Create(0, 0, size, size), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        using var result = SKImage.FromBitmap(square);
        using var encoded = result.Encode(format, 85);
        return encoded is null ? null : new Encoded(encoded.ToArray(), size, size);
    }

    /// <summary>
    /// The pixels of <paramref name="bytes"/>, turned upright, when they decode as <paramref name="format"/> within
    /// <see cref="MaxPixels"/>; else null. A truncated image decodes (grey where the bytes end) unless <paramref name="strict"/>.
    /// </summary>
    private static SKBitmap? DecodeUpright(byte[] bytes, SKEncodedImageFormat format, bool strict)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || (long)codec.Info.Width * codec.Info.Height is 0 or > MaxPixels || codec.EncodedFormat != format)
            return null;
        var info = codec.Info.WithColorType(SKImageInfo.PlatformColorType).WithAlphaType(SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput) || (strict && result != SKCodecResult.Success))
            return null;
        return Orient(decoded, codec.EncodedOrigin);
    }

    private static SKEncodedImageFormat FormatOf(string contentType) =>
        contentType switch
        {
            "image/png" => SKEncodedImageFormat.Png,
            "image/jpeg" => SKEncodedImageFormat.Jpeg,
            _ => SKEncodedImageFormat.Webp,
        };

    private static SKBitmap Scale(SKBitmap source, int maxEdge)
    {
        var longer = Math.Max(source.Width, source.Height);
        if (longer <= maxEdge)
            return source.Copy();
        var ratio = (double)maxEdge / longer;
        var size = new SKImageInfo(
            Math.Max(1, (int)Math.Round(source.Width * ratio)),
            Math.Max(1, (int)Math.Round(source.Height * ratio)),
            source.ColorType,
            source.AlphaType
        );
        return source.Resize(size, new SKSamplingOptions(SKCubicResampler.Mitchell));
    }

    /// <summary>Applies the EXIF orientation, which re-encoding drops (a phone's portrait photo would lie on its side).</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
            return source.Copy();
        var (w, h) = (source.Width, source.Height);
        var swaps =
            origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var target = new SKBitmap(new SKImageInfo(swaps ? h : w, swaps ? w : h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(target);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight:
                canvas.Translate(w, 0);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.BottomRight:
                canvas.Translate(w, h);
                canvas.RotateDegrees(180);
                break;
            case SKEncodedOrigin.BottomLeft:
                canvas.Translate(0, h);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.LeftTop:
                canvas.Scale(-1, 1);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightTop:
                canvas.Translate(h, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom:
                canvas.Translate(h, w);
                canvas.Scale(1, -1);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.LeftBottom:
                canvas.Translate(0, w);
                canvas.RotateDegrees(-90);
                break;
        }
        canvas.DrawBitmap(source, 0, 0);
        return target;
    }
}
