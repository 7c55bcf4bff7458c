using System.Linq.Expressions;
using FluentValidation.Results;
using Participation.Api.Infrastructure.Storage;

namespace Participation.Api.Features.Media;

/// <summary>
/// What the re-encoded image uploads (a rich text's image, an avatar) share before their own step: the file's rules,
/// reading it, recognising PNG, JPEG or WebP by content and having it encoded anew; every refusal a 400 on <c>file</c>.
/// </summary>
internal static class ImageUpload
{
    /// <summary>The command's file: attached, not empty, and at most <paramref name="maxBytes"/> by its declared length.</summary>
    public static void ImageFile<T>(
        this AbstractValidator<T> validator,
        Expression<Func<T, Stream?>> file,
        Expression<Func<T, long>> length,
        long maxBytes
    )
    {
        validator.RuleFor(file).NotNull().WithMessage(_ => Messages.Get("attach_image"));
        validator
            .RuleFor(length)
            .GreaterThan(0)
            .WithMessage(_ => Messages.Get("file_empty"))
            .LessThanOrEqualTo(maxBytes)
            .WithMessage(_ => Messages.Get("image_too_large"))
            .OverridePropertyName("file");
    }

    /// <summary>
    /// Reads <paramref name="file"/> (at most <paramref name="maxBytes"/>: the declared length is the client's word), recognises
    /// its type by content and encodes it with <paramref name="encode"/> (null: the bytes are not the image they claim).
    /// </summary>
    public static async Task<(string Extension, string ContentType, ImageReencoder.Encoded Image)> ReadAsync(
        Stream file,
        long maxBytes,
        Func<byte[], string, ImageReencoder.Encoded?> encode,
        CancellationToken ct
    )
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        if (buffer.Length > maxBytes)
            throw Invalid("image_too_large");
        var bytes = buffer.ToArray();
        var type = ImageTypes.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, 16))) ?? throw Invalid("image_not_recognised");
        var image = encode(bytes, type.ContentType) ?? throw Invalid("image_not_recognised");
        return (type.Extension, type.ContentType, image);
    }

    private static ValidationException Invalid(string message) => new([new ValidationFailure("file", Messages.Get(message))]);
}
