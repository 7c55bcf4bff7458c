using FluentValidation.Results;
using Participation.Api.Features.Events;
using Participation.Api.Features.Media;
using Participation.Api.Infrastructure.Storage;

namespace Participation.Api.Features.Ideas;

/// <summary>
/// A photo or PDF added to an idea by its author (while they may edit it) or its staff. Recognised by content, never by
/// name or declared type (a declared type that contradicts the content is refused): images are decoded and encoded anew
/// (no EXIF, so no GPS position), at most 40 megapixels, with a thumbnail and a required alt text; PDFs must parse, and be
/// neither encrypted nor scripted. At most <see cref="AttachmentLimits.MaxPerIdea"/> per idea, counted under the idea's lock.
/// </summary>
public static class AddIdeaAttachment
{
    public sealed record Command(Guid ActorId, Guid IdeaId, Stream? File, long Length, string? FileName, string? DeclaredType, string? Alt)
        : ICommand<IdeaAttachment>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.File).NotNull().WithMessage(_ => Messages.Get("attach_file"));
            RuleFor(c => c.Length)
                .GreaterThan(0)
                .WithMessage(_ => Messages.Get("file_empty"))
                .LessThanOrEqualTo(Math.Max(AttachmentLimits.MaxImageBytes, AttachmentLimits.MaxPdfBytes))
                .WithMessage(_ => Messages.Get("attachment_too_large", AttachmentLimits.MaxImageBytes / (1024 * 1024)))
                .OverridePropertyName("file");
            RuleFor(c => c.Alt).PlainText(AttachmentLimits.MaxAltLength);
        }
    }

    public sealed class Handler(CityDb db, IFileStorage storage, EventRecorder events, AttachmentLinks links)
        : ICommandHandler<Command, IdeaAttachment>
    {
        private const string CountSql =
            "SELECT count(*)::int AS total, coalesce(max(position) + 1, 0) AS next FROM idea_attachments " + "WHERE idea_id = @IdeaId;";

        private const string InsertSql = """
            INSERT INTO idea_attachments (id, idea_id, kind, content_type, alt_text, file_name, size_bytes, width, height, position,
                                          uploaded_by)
            VALUES (@Id, @IdeaId, @Kind, @ContentType, @Alt, @FileName, @SizeBytes, @Width, @Height, @Position, @ActorId);
            """;

        // A statement of its own: the list function sees the rows as they were when its statement started.
        internal const string ListSql = "SELECT idea_attachment_list(@IdeaId);";

        private sealed record Count(int Total, int Next);

        private sealed record Prepared(string Kind, string ContentType, byte[] File, byte[]? Thumbnail, int? Width, int? Height);

        public async ValueTask<IdeaAttachment> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            // Who may, and whether there is room, before any decoding; both again under the lock below.
            await using (var check = await connection.BeginTransactionAsync(ct))
            {
                await AttachmentEditors.RequireAsync(connection, check, c.ActorId, c.IdeaId, ct);
                await RequireRoomAsync(connection, check, c.IdeaId, ct);
            }
            var file = await PrepareAsync(c, ct);
            var id = Guid.NewGuid();
            var key = AttachmentLinks.StorageKey(c.IdeaId, id, file.ContentType, false);
            var thumbKey = AttachmentLinks.StorageKey(c.IdeaId, id, file.ContentType, true);
            await storage.SaveAsync(key, new MemoryStream(file.File), ct);
            try
            {
                if (file.Thumbnail is not null)
                    await storage.SaveAsync(thumbKey, new MemoryStream(file.Thumbnail), ct);
                await using var tx = await connection.BeginTransactionAsync(ct);
                var idea = await AttachmentEditors.RequireAsync(connection, tx, c.ActorId, c.IdeaId, ct);
                var position = await RequireRoomAsync(connection, tx, c.IdeaId, ct);
                var fileName = file.Kind == "pdf" ? CleanName(c.FileName) : null;
                var alt = file.Kind == "image" ? c.Alt!.Trim() : null;
                await connection.ExecuteAsync(
                    new CommandDefinition(
                        InsertSql,
                        new
                        {
                            Id = id,
                            c.IdeaId,
                            file.Kind,
                            file.ContentType,
                            Alt = alt,
                            FileName = fileName,
                            SizeBytes = file.File.Length,
                            file.Width,
                            file.Height,
                            Position = position,
                            c.ActorId,
                        },
                        tx,
                        cancellationToken: ct
                    )
                );
                var list = await connection.QuerySingleAsync<string>(
                    new CommandDefinition(ListSql, new { c.IdeaId }, tx, cancellationToken: ct)
                );
                await events.RecordAsync(
                    tx,
                    EventType.IdeaAttachmentAdded,
                    Actor.User(c.ActorId),
                    c.IdeaId,
                    new Scope(idea.ProjectId, idea.PhaseId),
                    after: new
                    {
                        attachmentId = id,
                        kind = file.Kind,
                        contentType = file.ContentType,
                        sizeBytes = file.File.Length,
                    },
                    ct: ct
                );
                await tx.CommitAsync(ct);
                var signed = !idea.Listed || idea.ProjectStatus == "draft";
                var all = signed ? links.ReadSigned(c.IdeaId, list) : AttachmentLinks.Read(c.IdeaId, list);
                return all.Single(a => a.Id == id);
            }
            catch
            {
                await storage.DeleteAsync(key, CancellationToken.None);
                await storage.DeleteAsync(thumbKey, CancellationToken.None);
                throw;
            }
        }

        private static async Task<int> RequireRoomAsync(
            NpgsqlConnection connection,
            NpgsqlTransaction tx,
            Guid ideaId,
            CancellationToken ct
        )
        {
            var count = await connection.QuerySingleAsync<Count>(
                new CommandDefinition(CountSql, new { IdeaId = ideaId }, tx, cancellationToken: ct)
            );
            if (count.Total >= AttachmentLimits.MaxPerIdea)
                throw new ConflictException(Messages.Get("attachments_full", AttachmentLimits.MaxPerIdea));
            return count.Next;
        }

        private static async Task<Prepared> PrepareAsync(Command c, CancellationToken ct)
        {
            var limit = Math.Max(AttachmentLimits.MaxImageBytes, AttachmentLimits.MaxPdfBytes);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await c.File!.ReadAsync(chunk, ct)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit) // the declared length is the client's word
                    throw Invalid("file", "attachment_too_large");
            }
            var bytes = buffer.ToArray();
            var head = bytes.AsSpan(0, Math.Min(bytes.Length, 16));
            if (ImageTypes.Detect(head) is { } type)
            {
                if (c.DeclaredType is not null && IsKnown(c.DeclaredType) && c.DeclaredType != type.ContentType)
                    throw Invalid("file", "attachment_type_mismatch");
                if (bytes.Length > AttachmentLimits.MaxImageBytes)
                    throw Invalid("file", "attachment_too_large");
                if (string.IsNullOrWhiteSpace(c.Alt))
                    throw Invalid("alt", "alt_required");
                var image = ImageReencoder.Reencode(bytes, type.ContentType, strict: true)
                    ?? throw Invalid("file", "attachment_image_invalid");
                var thumbnail = ImageReencoder.Reencode(image.Bytes, type.ContentType, AttachmentLimits.ThumbnailEdge, strict: true)
                    ?? throw Invalid("file", "attachment_image_invalid");
                return new Prepared("image", type.ContentType, image.Bytes, thumbnail.Bytes, image.Width, image.Height);
            }
            if (PdfCheck.IsPdf(head))
            {
                if (c.DeclaredType is not null && IsKnown(c.DeclaredType) && c.DeclaredType != "application/pdf")
                    throw Invalid("file", "attachment_type_mismatch");
                if (bytes.Length > AttachmentLimits.MaxPdfBytes)
                    throw Invalid("file", "attachment_too_large");
                if (!PdfCheck.IsAcceptable(bytes))
                    throw Invalid("file", "attachment_pdf_invalid");
                return new Prepared("pdf", "application/pdf", bytes, null, null, null);
            }
            throw Invalid("file", "attachment_not_recognised");
        }

        /// <summary>Types the check knows; anything else (octet-stream, none) leaves the decision to the content.</summary>
        private static bool IsKnown(string type) => type is "image/png" or "image/jpeg" or "image/webp" or "application/pdf";

        /// <summary>The sent file name without any path, control or direction characters, at most 200 characters.</summary>
        private static string CleanName(string? name)
        {
            var clean = new string(
                Path.GetFileName((name ?? "").Replace('\\', '/'))
                    .Where(ch => !char.IsControl(ch) && ch is not (>= '\u202A' and <= '\u202E') and not (>= '\u2066' and <= '\u2069'))
                    .ToArray()
            ).Trim();
            if (clean.Length == 0)
                clean = "document.pdf";
            return clean.Length <= 200 ? clean : clean[..196] + ".pdf";
        }

        private static ValidationException Invalid(string field, string message) =>
            new([new ValidationFailure(field, Messages.Get(message, AttachmentLimits.MaxImageBytes / (1024 * 1024)))]);
    }

    [EndpointSummary(
        "Attach a photo (PNG, JPEG or WebP, with its alt text) or a PDF to an idea (its author while they may edit it, or its "
            + "staff). Photos lose their metadata and get a thumbnail; see the limits."
    )]
    public static async Task<Created<IdeaAttachment>> Endpoint(
        Guid id,
        IFormFile? file,
        [Microsoft.AspNetCore.Mvc.FromForm] string? alt,
        Caller caller,
        ISender sender,
        CancellationToken ct
    )
    {
        await using var stream = file?.OpenReadStream();
        var added = await sender.Send(
            new Command(caller.UserId, id, stream, file?.Length ?? 0, file?.FileName, file?.ContentType, alt),
            ct
        );
        return TypedResults.Created(added.Url, added);
    }
}
