using FluentValidation.Results;
using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Storage;

namespace Participation.Api.Features.Platform;

/// <summary>
/// Which of the platform's images: the logo (header, e-mails) or the favicon (the browser tab). A closed pair inside the
/// API, never on the wire (the route names it), hence no enum in the contract.
/// </summary>
public sealed record PlatformImageKind(string Name)
{
    public static readonly PlatformImageKind Logo = new("logo");
    public static readonly PlatformImageKind Favicon = new("favicon");
}

/// <summary>
/// An admin sets the logo (PNG, JPEG or WebP, at most 1 MB; SVG refused: it can carry scripts) or the favicon (PNG or ICO,
/// at most 256 KB), recognised by content and stored under a random key, which is the version in its URL (audited:
/// platform.settings_changed with the old and new version).
/// </summary>
public static class SetPlatformImage
{
    public const int MaxLogoBytes = 1024 * 1024;
    public const int MaxFaviconBytes = 256 * 1024;

    public static int MaxBytes(PlatformImageKind kind) => kind == PlatformImageKind.Logo ? MaxLogoBytes : MaxFaviconBytes;

    public sealed record Command(Guid ActorId, PlatformImageKind Kind, Stream? File, long Length) : ICommand<Response>;

    public sealed record Response(string Url);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.File).NotNull().WithMessage(_ => Messages.Get("attach_image"));
            RuleFor(c => c.Length)
                .GreaterThan(0)
                .WithMessage(_ => Messages.Get("file_empty"))
                .Must((c, length) => length <= MaxBytes(c.Kind))
                .WithMessage(c => Messages.Get("platform_image_too_large", MaxBytes(c.Kind) / 1024))
                .OverridePropertyName("file");
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events, PlatformSettingsStore store) : ICommandHandler<Command, Response>
    {
        private const string InsertSql = "INSERT INTO platform_images (key, content_type, content) VALUES (@Key, @ContentType, @Content);";

        // The column is chosen from the closed kind, never from input text.
        private const string LogoSql = """
            WITH previous AS (SELECT logo_key FROM platform_settings WHERE id = 1 FOR UPDATE)
            UPDATE platform_settings SET logo_key = @Key, updated_by = @ActorId, updated_at = now() FROM previous WHERE id = 1
            RETURNING previous.logo_key;
            """;

        private const string FaviconSql = """
            WITH previous AS (SELECT favicon_key FROM platform_settings WHERE id = 1 FOR UPDATE)
            UPDATE platform_settings SET favicon_key = @Key, updated_by = @ActorId, updated_at = now() FROM previous WHERE id = 1
            RETURNING previous.favicon_key;
            """;

        private const string DeleteSql = "DELETE FROM platform_images WHERE key = @Key;";

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, null, ct))
                throw new ForbiddenException();

            using var buffer = new MemoryStream();
            await c.File!.CopyToAsync(buffer, ct);
            var head = buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, 16));
            var type = c.Kind == PlatformImageKind.Logo ? ImageTypes.Detect(head) : ImageTypes.DetectIcon(head);
            if (type is null)
                throw new ValidationException([
                    new ValidationFailure(
                        "file",
                        Messages.Get(c.Kind == PlatformImageKind.Logo ? "platform_logo_type" : "platform_favicon_type")
                    ),
                ]);
            var kind = c.Kind.Name;
            var key = $"{kind}-{Guid.NewGuid():N}.{type.Value.Extension}";

            await using var tx = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(
                new CommandDefinition(
                    InsertSql,
                    new
                    {
                        Key = key,
                        type.Value.ContentType,
                        Content = buffer.ToArray(),
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            var previous = await connection.QuerySingleOrDefaultAsync<string?>(
                new CommandDefinition(
                    c.Kind == PlatformImageKind.Logo ? LogoSql : FaviconSql,
                    new { Key = key, c.ActorId },
                    tx,
                    cancellationToken: ct
                )
            );
            if (previous is not null)
                await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { Key = previous }, tx, cancellationToken: ct));
            await events.RecordAsync(
                tx,
                EventType.PlatformSettingsChanged,
                Actor.User(c.ActorId),
                "platform",
                Scope.Platform,
                new Dictionary<string, object?> { [kind] = Version(previous) },
                new Dictionary<string, object?> { [kind] = Version(key) },
                null,
                ct
            );
            await tx.CommitAsync(ct);
            store.Invalidate();
            return new Response(PlatformSettings.ImageUrl(key, kind)!);
        }

        private static string? Version(string? key) => key is null ? null : Path.GetFileNameWithoutExtension(key);
    }

    [EndpointSummary("Set the platform's logo (PNG, JPEG or WebP, at most 1 MB; admins; audited).")]
    public static Task<Response> LogoEndpoint(IFormFile? file, Caller caller, ISender sender, CancellationToken ct) =>
        SendAsync(PlatformImageKind.Logo, file, caller, sender, ct);

    [EndpointSummary("Set the platform's favicon (PNG or ICO, at most 256 KB; admins; audited).")]
    public static Task<Response> FaviconEndpoint(IFormFile? file, Caller caller, ISender sender, CancellationToken ct) =>
        SendAsync(PlatformImageKind.Favicon, file, caller, sender, ct);

    private static async Task<Response> SendAsync(
        PlatformImageKind kind,
        IFormFile? file,
        Caller caller,
        ISender sender,
        CancellationToken ct
    )
    {
        await using var stream = file?.OpenReadStream();
        return await sender.Send(new Command(caller.UserId, kind, stream, file?.Length ?? 0), ct);
    }
}
