using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Platform;

/// <summary>
/// An admin saves the platform settings (audited: platform.settings_changed, with the fields that changed). The save names
/// the version it read: a stale one is refused (409) so two admins never overwrite each other's work unknowingly.
/// </summary>
public static class UpdatePlatformSettings
{
    public sealed record Request(
        [property: JsonRequired] int Version,
        string? Name,
        IReadOnlyList<string>? Languages,
        string? DefaultLanguage,
        string? PrimaryColour,
        string? TextOnPrimaryColour,
        double? MapLatitude,
        double? MapLongitude,
        int? MapZoom,
        string? MapTileUrl,
        string? MapAttribution,
        string? ContactEmail,
        string? LegalName,
        string? LegalAddress,
        string? EmailFromName,
        string? EmailFromAddress
    );

    public sealed record Command(Guid ActorId, Request Body) : ICommand<GetPlatformSettings.Response>
    {
        public int Version => Body.Version;
        public string? Name => Body.Name;
        public IReadOnlyList<string>? Languages => Body.Languages;
        public string? DefaultLanguage => Body.DefaultLanguage;
        public string? PrimaryColour => Body.PrimaryColour;
        public string? TextOnPrimaryColour => Body.TextOnPrimaryColour;
        public double? MapLatitude => Body.MapLatitude;
        public double? MapLongitude => Body.MapLongitude;
        public int? MapZoom => Body.MapZoom;
        public string? MapTileUrl => Body.MapTileUrl;
        public string? MapAttribution => Body.MapAttribution;
        public string? ContactEmail => Body.ContactEmail;
        public string? LegalName => Body.LegalName;
        public string? LegalAddress => Body.LegalAddress;
        public string? EmailFromName => Body.EmailFromName;
        public string? EmailFromAddress => Body.EmailFromAddress;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body).NotNull().WithMessage(_ => Messages.Get("required"));
            When(c => c.Body is not null, Rules);
        }

        private void Rules()
        {
            RuleFor(c => c.Version).GreaterThanOrEqualTo(1);
            RuleFor(c => c.Name!)
                .Cascade(CascadeMode.Stop)
                .NotEmpty()
                .WithMessage(_ => Messages.Get("required"))
                .Must(n => n.Trim().Length is >= 1 and <= 100)
                .WithMessage(_ => Messages.Get("too_long"))
                .SingleLine();
            RuleFor(c => c.Languages)
                .Cascade(CascadeMode.Stop)
                .Must(l => l is { Count: >= 1 })
                .WithMessage(_ => Messages.Get("platform_languages"))
                .Must(l => l!.All(x => TextRules.Locales.Contains(x)) && l!.Distinct().Count() == l!.Count)
                .WithMessage(_ => Messages.Get("platform_languages"));
            RuleFor(c => c.DefaultLanguage)
                .Cascade(CascadeMode.Stop)
                .NotEmpty()
                .WithMessage(_ => Messages.Get("required"))
                .Must((c, l) => c.Languages is null || c.Languages.Contains(l!))
                .WithMessage(_ => Messages.Get("platform_default_language"));
            RuleFor(c => c.PrimaryColour).Must(Colours.IsColour).WithMessage(_ => Messages.Get("widget_colour"));
            RuleFor(c => c.TextOnPrimaryColour).Must(Colours.IsColour).WithMessage(_ => Messages.Get("widget_colour"));
            RuleFor(c => c.PrimaryColour!)
                .Must(p => Colours.PrimaryAsText(p) >= Colours.MinContrast)
                .When(c => Colours.IsColour(c.PrimaryColour))
                .WithMessage((_, p) => Messages.Get("platform_contrast_primary", Colours.Ratio(Colours.PrimaryAsText(p))));
            RuleFor(c => c.TextOnPrimaryColour!)
                .Must((c, t) => Colours.Contrast(t, c.PrimaryColour!) >= Colours.MinContrast)
                .When(c => Colours.IsColour(c.PrimaryColour) && Colours.IsColour(c.TextOnPrimaryColour))
                .WithMessage((c, t) => Messages.Get("platform_contrast_text", Colours.Ratio(Colours.Contrast(t, c.PrimaryColour!))));

            // The map start: all three or none (none: the configuration's).
            RuleFor(c => c.MapLatitude).InclusiveBetween(-90, 90);
            RuleFor(c => c.MapLongitude).InclusiveBetween(-180, 180);
            RuleFor(c => c.MapZoom).InclusiveBetween(1, 19);
            RuleFor(c => c)
                .Must(c => (c.MapLatitude is null) == (c.MapLongitude is null) && (c.MapLatitude is null) == (c.MapZoom is null))
                .WithMessage(_ => Messages.Get("platform_map_position"))
                .OverridePropertyName("mapLatitude");
            RuleFor(c => c.MapTileUrl).Must(u => u is null || IsTileUrl(u)).WithMessage(_ => Messages.Get("platform_tile_url"));
            RuleFor(c => c.MapAttribution!).MaximumLength(300).WithMessage(_ => Messages.Get("too_long")).SingleLine();
            RuleFor(c => c.MapAttribution)
                .NotEmpty()
                .When(c => c.MapTileUrl is not null)
                .WithMessage(_ => Messages.Get("platform_tile_attribution"));

            RuleFor(c => c.ContactEmail!).EmailAddress().When(c => c.ContactEmail is not null);
            RuleFor(c => c.LegalName!).MaximumLength(200).WithMessage(_ => Messages.Get("too_long")).SingleLine();
            RuleFor(c => c.LegalAddress).PlainText(500);
            RuleFor(c => c.EmailFromName!).MaximumLength(100).WithMessage(_ => Messages.Get("too_long")).SingleLine();
            RuleFor(c => c.EmailFromAddress!).EmailAddress().When(c => c.EmailFromAddress is not null);
        }
    }

    /// <summary>
    /// An https XYZ tile template: {z}, {x} and {y} (optionally {s} and {r}), at most 300 characters, nothing that could
    /// leave an attribute or a URL.
    /// </summary>
    public static bool IsTileUrl(string url)
    {
        if (url.Length > 300 || url.Any(ch => char.IsWhiteSpace(ch) || char.IsControl(ch) || ch is '"' or '\'' or '<' or '>' or '\\'))
            return false;
        if (!url.Contains("{z}", StringComparison.Ordinal) || !url.Contains("{x}", StringComparison.Ordinal))
            return false;
        if (!url.Contains("{y}", StringComparison.Ordinal))
            return false;
        var probe = url.Replace("{z}", "1").Replace("{x}", "1").Replace("{y}", "1").Replace("{s}", "a").Replace("{r}", "");
        if (probe.Contains('{') || probe.Contains('}'))
            return false;
        return Uri.TryCreate(probe, UriKind.Absolute, out var u)
            && u.Scheme == Uri.UriSchemeHttps
            && u.UserInfo.Length == 0
            && u.Host.Contains('.')
            && u.Fragment.Length == 0;
    }

    public sealed class Handler(
        CityDb db,
        EventRecorder events,
        PlatformSettingsStore store,
        IOptions<MapOptions> map,
        IOptions<EmailOptions> email,
        IOptions<Geocoding.GeocoderOptions> geocoder
    ) : ICommandHandler<Command, GetPlatformSettings.Response>
    {
        private const string Sql = """
            UPDATE platform_settings
               SET name = @Name, languages = @Languages, default_language = @DefaultLanguage,
                   primary_colour = @PrimaryColour, text_on_primary_colour = @TextOnPrimaryColour,
                   map_latitude = @MapLatitude, map_longitude = @MapLongitude, map_zoom = @MapZoom,
                   map_tile_url = @MapTileUrl, map_attribution = @MapAttribution, contact_email = @ContactEmail,
                   legal_name = @LegalName, legal_address = @LegalAddress, email_from_name = @EmailFromName,
                   email_from_address = @EmailFromAddress, updated_by = @ActorId, updated_at = now(), version = version + 1
             WHERE id = 1;
            """;

        private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

        public async ValueTask<GetPlatformSettings.Response> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, null, ct))
                throw new ForbiddenException();
            await using var tx = await connection.BeginTransactionAsync(ct);
            var before = await PlatformSettings.ReadAsync(connection, tx, forUpdate: true, ct);
            if (before.Version != c.Version)
                throw new ConflictException(Messages.Get("platform_settings_stale"), "version");
            var languages = TextRules.Locales.Where(l => c.Languages!.Contains(l)).ToArray(); // in the platform's order
            var after = before with
            {
                Name = c.Name!.Trim(),
                Languages = languages,
                DefaultLanguage = c.DefaultLanguage!,
                PrimaryColour = c.PrimaryColour!.ToLowerInvariant(),
                TextOnPrimaryColour = c.TextOnPrimaryColour!.ToLowerInvariant(),
                MapLatitude = c.MapLatitude,
                MapLongitude = c.MapLongitude,
                MapZoom = c.MapZoom,
                MapTileUrl = Clean(c.MapTileUrl),
                MapAttribution = Clean(c.MapTileUrl) is null ? null : Clean(c.MapAttribution),
                ContactEmail = Clean(c.ContactEmail) is { } contact ? TextRules.NormalizeEmail(contact) : null,
                LegalName = Clean(c.LegalName),
                LegalAddress = Clean(c.LegalAddress)?.Replace("\r\n", "\n"),
                EmailFromName = Clean(c.EmailFromName),
                EmailFromAddress = Clean(c.EmailFromAddress) is { } from ? TextRules.NormalizeEmail(from) : null,
            };
            var diff = Changes.Of(
                ("name", before.Name, after.Name),
                ("languages", before.Languages, after.Languages),
                ("defaultLanguage", before.DefaultLanguage, after.DefaultLanguage),
                ("primaryColour", before.PrimaryColour, after.PrimaryColour),
                ("textOnPrimaryColour", before.TextOnPrimaryColour, after.TextOnPrimaryColour),
                ("mapLatitude", before.MapLatitude, after.MapLatitude),
                ("mapLongitude", before.MapLongitude, after.MapLongitude),
                ("mapZoom", before.MapZoom, after.MapZoom),
                ("mapTileUrl", before.MapTileUrl, after.MapTileUrl),
                ("mapAttribution", before.MapAttribution, after.MapAttribution),
                ("contactEmail", before.ContactEmail, after.ContactEmail),
                ("legalName", before.LegalName, after.LegalName),
                ("legalAddress", before.LegalAddress, after.LegalAddress),
                ("emailFromName", before.EmailFromName, after.EmailFromName),
                ("emailFromAddress", before.EmailFromAddress, after.EmailFromAddress)
            );
            if (diff is null)
                // Nothing changed: no new version, no event.
                return GetPlatformSettings.Of(before, map.Value, email.Value, geocoder.Value.Configured);

            var args = new DynamicParameters(after);
            args.Add("ActorId", c.ActorId);
            await connection.ExecuteAsync(new CommandDefinition(Sql, args, tx, cancellationToken: ct));
            await events.RecordAsync(
                tx,
                EventType.PlatformSettingsChanged,
                Actor.User(c.ActorId),
                "platform",
                Scope.Platform,
                diff.Before,
                diff.After,
                null,
                ct
            );
            var saved = await PlatformSettings.ReadAsync(connection, tx, forUpdate: false, ct);
            await tx.CommitAsync(ct);
            store.Invalidate();
            return GetPlatformSettings.Of(saved, map.Value, email.Value, geocoder.Value.Configured);
        }
    }

    [EndpointSummary("Save the platform settings and branding (admins; audited). A stale version is refused with 409.")]
    public static ValueTask<GetPlatformSettings.Response> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, body), ct);
}
