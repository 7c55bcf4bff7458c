using Microsoft.Extensions.Options;

namespace Participation.Api.Infrastructure.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for uploaded files (relative to the API's content root).</summary>
    public string Root { get; set; } = "../../.local/uploads";
}

/// <summary>
/// Where uploaded files live; the disk by default, an object store can implement it later. A file appears under its key
/// whole or not at all; when there is no room left, writing throws <see cref="Errors.StorageFullException"/> (507).
/// </summary>
public interface IFileStorage
{
    Task SaveAsync(string key, Stream content, CancellationToken ct);

    /// <summary>
    /// Stores what <paramref name="write"/> writes into the stream it is given (written as it comes, never held in memory);
    /// the file appears under the key only once the writer has finished, and not at all when it throws. Returns its size.
    /// </summary>
    Task<long> WriteAsync(string key, Func<Stream, CancellationToken, Task> write, CancellationToken ct);
    Task<Stream?> OpenAsync(string key, CancellationToken ct);
    Task DeleteAsync(string key, CancellationToken ct);
}

/// <summary>Files on the local disk, under <see cref="StorageOptions.Root"/>; keys are generated, never user input.</summary>
public sealed class DiskFileStorage(IOptions<StorageOptions> options, IHostEnvironment env) : IFileStorage
{
    private string Root => Path.GetFullPath(options.Value.Root, env.ContentRootPath);

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(Root, key));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException("Invalid storage key.", nameof(key));
        return path;
    }

    public Task SaveAsync(string key, Stream content, CancellationToken ct) => WriteAsync(key, content.CopyToAsync, ct);

    public async Task<long> WriteAsync(string key, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        var path = PathOf(key);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            long size;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await write(file, ct);
                await file.FlushAsync(ct);
                size = file.Length;
            }
            File.Move(temp, path, overwrite: true);
            return size;
        }
        catch (IOException ex) when (IsFull(ex))
        {
            throw new StorageFullException(ex);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    // No space left on the device (ENOSPC) or the quota exceeded (EDQUOT): .NET on Linux gives the errno as HResult.
    private static bool IsFull(IOException ex) => ex.HResult is 28 or 122;

    public Task<Stream?> OpenAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        if (File.Exists(path))
            File.Delete(path);
        return Task.CompletedTask;
    }
}

/// <summary>Recognises images by their content (magic bytes), not by name or declared type.</summary>
public static class ImageTypes
{
    public static (string Extension, string ContentType)? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 8 && head[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            return ("png", "image/png");
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
            return ("jpg", "image/jpeg");
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
            return ("webp", "image/webp");
        return null;
    }

    /// <summary>A favicon: PNG or ICO (Windows icon resource: reserved 0, type 1, at least one image).</summary>
    public static (string Extension, string ContentType)? DetectIcon(ReadOnlySpan<byte> head)
    {
        if (Detect(head) is { Extension: "png" } png)
            return png;
        if (head.Length >= 6 && head[0] == 0 && head[1] == 0 && head[2] == 1 && head[3] == 0 && (head[4] | head[5]) != 0)
            return ("ico", "image/x-icon");
        return null;
    }

    public static string ContentTypeOf(string key) =>
        Path.GetExtension(key) switch
        {
            ".png" => "image/png",
            ".jpg" => "image/jpeg",
            ".webp" => "image/webp",
            ".ico" => "image/x-icon",
            _ => "application/octet-stream",
        };
}
