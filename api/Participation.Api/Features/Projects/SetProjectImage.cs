using FluentValidation.Results;
using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Storage;

namespace Participation.Api.Features.Projects;

/// <summary>
/// The project's header image: PNG, JPEG or WebP recognised by content, at most 5 MB, stored under a
/// random key. Its URL carries that key (?v=...), so a draft's image is reachable only by those who can
/// see the draft's data.
/// </summary>
public static class SetProjectImage
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public sealed record Command(Guid ActorId, Guid Id, Stream? File, long Length) : ICommand<Response>;

    public sealed record Response(string ImageUrl);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.File).NotNull().WithMessage(_ => Messages.Get("attach_image"));
            RuleFor(c => c.Length)
                .GreaterThan(0)
                .WithMessage(_ => Messages.Get("file_empty"))
                .LessThanOrEqualTo(MaxBytes)
                .WithMessage(_ => Messages.Get("image_too_large"))
                .OverridePropertyName("file");
        }
    }

    public sealed class Handler(CityDb db, IFileStorage storage, EventRecorder events) : ICommandHandler<Command, Response>
    {
        private const string Sql = """
            WITH previous AS (SELECT id, image_key FROM projects WHERE id = @Id FOR UPDATE)
            UPDATE projects p SET image_key = @Key, updated_at = now() FROM previous WHERE p.id = previous.id
            RETURNING previous.image_key AS previous;
            """;

        private sealed record Changed(string? Previous);

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await StaffAccess.RequireStaffAsync(connection, c.ActorId, c.Id, ct);

            using var buffer = new MemoryStream();
            await c.File!.CopyToAsync(buffer, ct);
            var type = ImageTypes.Detect(buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, 16)))
                ?? throw new ValidationException([new ValidationFailure("file", "Only PNG, JPEG or WebP images are accepted.")]);
            var key = $"projects/{c.Id:N}/{Guid.NewGuid():N}.{type.Extension}";
            buffer.Position = 0;
            await storage.SaveAsync(key, buffer, ct);
            string? previous;
            try
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                var changed = await connection.QuerySingleOrDefaultAsync<Changed>(
                    new CommandDefinition(Sql, new { c.Id, Key = key }, tx, cancellationToken: ct)
                );
                previous = changed?.Previous;
                // The image's key is in its URL, which opens a draft's image: the event says only whether there was one.
                if (changed is not null)
                    await events.RecordAsync(
                        tx,
                        EventType.ProjectImageChanged,
                        Actor.User(c.ActorId),
                        c.Id,
                        Scope.Project(c.Id),
                        new { hasImage = previous is not null },
                        new { hasImage = true },
                        ct: ct
                    );
                await tx.CommitAsync(ct);
            }
            catch
            {
                await storage.DeleteAsync(key, CancellationToken.None);
                throw;
            }
            if (previous is not null)
                await storage.DeleteAsync(previous, CancellationToken.None);
            return new Response(GetProjectImage.UrlOf(c.Id, key)!);
        }
    }

    [EndpointSummary("Set the project's header image (PNG, JPEG or WebP, at most 5 MB; its staff).")]
    public static async Task<Response> Endpoint(Guid id, IFormFile? file, Caller caller, ISender sender, CancellationToken ct)
    {
        await using var stream = file?.OpenReadStream();
        return await sender.Send(new Command(caller.UserId, id, stream, file?.Length ?? 0), ct);
    }
}
