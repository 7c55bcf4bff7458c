using System.Data;
using System.Globalization;
using Microsoft.Extensions.Options;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Platform;

/// <summary>
/// The stored row of <c>platform_settings</c> (one row, id 1). Null map and sender values mean "the configuration's
/// default" (<see cref="MapOptions"/>, <see cref="EmailOptions"/>).
/// </summary>
public sealed record PlatformSettings
{
    public int Version { get; init; }
    public string Name { get; init; } = "";
    public string[] Languages { get; init; } = [];
    public string DefaultLanguage { get; init; } = "";
    public string PrimaryColour { get; init; } = "";
    public string TextOnPrimaryColour { get; init; } = "";
    public string? LogoKey { get; init; }
    public string? FaviconKey { get; init; }
    public double? MapLatitude { get; init; }
    public double? MapLongitude { get; init; }
    public int? MapZoom { get; init; }
    public string? MapTileUrl { get; init; }
    public string? MapAttribution { get; init; }
    public string? ContactEmail { get; init; }
    public string? LegalName { get; init; }
    public string? LegalAddress { get; init; }
    public string? EmailFromName { get; init; }
    public string? EmailFromAddress { get; init; }
    public int? InactiveAccountRetentionMonths { get; init; }
    public DateTime UpdatedAt { get; init; }

    private const string Columns = """
        version, name, languages, default_language, primary_colour, text_on_primary_colour, logo_key, favicon_key,
        map_latitude, map_longitude, map_zoom, map_tile_url, map_attribution, contact_email, legal_name, legal_address,
        email_from_name, email_from_address, inactive_account_retention_months, updated_at
        """;

    public const string SelectSql = $"SELECT {Columns} FROM platform_settings WHERE id = 1";

    /// <summary>The row as it is now (in <paramref name="tx"/>, locked for update when asked).</summary>
    public static async Task<PlatformSettings> ReadAsync(
        IDbConnection connection,
        IDbTransaction? tx,
        bool forUpdate,
        CancellationToken ct
    ) =>
        await connection.QuerySingleAsync<PlatformSettings>(
            new CommandDefinition(SelectSql + (forUpdate ? " FOR UPDATE;" : ";"), transaction: tx, cancellationToken: ct)
        );

    /// <summary>The public URL of the logo or favicon: its random key's name is the version, so it may be cached forever.</summary>
    public static string? ImageUrl(string? key, string kind) =>
        key is null ? null : $"/api/v1/platform/{kind}?v={Uri.EscapeDataString(Path.GetFileNameWithoutExtension(key))}";

    public string? LogoUrl => ImageUrl(LogoKey, "logo");
    public string? FaviconUrl => ImageUrl(FaviconKey, "favicon");
}

/// <summary>Colours: #rrggbb, and the WCAG 2.x contrast between them.</summary>
public static class Colours
{
    public const double MinContrast = 4.5;
    public const string White = "#ffffff";

    /// <summary>The page background the primary colour is shown on as link text (web-client: --color-bg).</summary>
    public const string PageBackground = "#f5f7fa";

    public static bool IsColour(string? value) => value is { Length: 7 } && value[0] == '#' && value.Skip(1).All(char.IsAsciiHexDigit);

    private static double Channel(string colour, int start) =>
        int.Parse(colour.AsSpan(start, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;

    /// <summary>WCAG 2.x relative luminance of a #rrggbb colour.</summary>
    public static double Luminance(string colour)
    {
        static double Linear(double c) => c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        return 0.2126 * Linear(Channel(colour, 1)) + 0.7152 * Linear(Channel(colour, 3)) + 0.0722 * Linear(Channel(colour, 5));
    }

    /// <summary>The WCAG contrast ratio of two #rrggbb colours (1 to 21).</summary>
    public static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>
    /// The soft tint the web client derives from the primary colour (CSS <c>color-mix(in srgb, primary 10%, white)</c>),
    /// on which the primary colour is shown as text (badges, table headers).
    /// </summary>
    public static string Tint(string colour)
    {
        string Mix(int start) =>
            ((int)Math.Round(Channel(colour, start) * 255 * 0.1 + 255 * 0.9)).ToString("x2", CultureInfo.InvariantCulture);
        return $"#{Mix(1)}{Mix(3)}{Mix(5)}";
    }

    /// <summary>The lowest contrast of the primary colour as text on what it is shown on: white, the page, its own tint.</summary>
    public static double PrimaryAsText(string primary) =>
        new[] { White, PageBackground, Tint(primary) }.Min(background => Contrast(primary, background));

    /// <summary>The ratio as people read it, rounded down to one decimal (4.49 is not 4.5).</summary>
    public static string Ratio(double contrast) => (Math.Floor(contrast * 10) / 10).ToString("0.0", CultureInfo.InvariantCulture);
}

/// <summary>
/// The settings as read on hot paths (the public platform read, every e-mail sent, the widget page): kept in process for
/// at most <see cref="MaxAge"/> and dropped on save on this instance, so another instance shows a change within that bound.
/// </summary>
public sealed class PlatformSettingsStore(CityDb db, TimeProvider clock, IOptions<EmailOptions> email) : IEmailBranding
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    /// <summary>An image's bytes, by the key the settings point to.</summary>
    public sealed record StoredImage(string Key, string ContentType, byte[] Content);

    private sealed record Entry(PlatformSettings Settings, DateTimeOffset ReadAt, StoredImage? Logo, StoredImage? Favicon);

    private const string ImagesSql = "SELECT key, content_type, content FROM platform_images WHERE key = ANY(@Keys);";

    // One entry per city: each city has its own settings (issue 19).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Entry> _entries = new();

    public async ValueTask<PlatformSettings> GetAsync(CancellationToken ct) => (await EntryAsync(ct)).Settings;

    public async ValueTask<StoredImage?> ImageAsync(PlatformImageKind kind, CancellationToken ct)
    {
        var entry = await EntryAsync(ct);
        return kind == PlatformImageKind.Logo ? entry.Logo : entry.Favicon;
    }

    /// <summary>Forgets the kept settings (after a save on this instance).</summary>
    public void Invalidate() => _entries.TryRemove(CityScope.CurrentOrDefault, out _);

    private async ValueTask<Entry> EntryAsync(CancellationToken ct)
    {
        var city = CityScope.CurrentOrDefault;
        var entry = _entries.GetValueOrDefault(city);
        if (entry is not null && clock.GetUtcNow() - entry.ReadAt < MaxAge)
            return entry;
        var readAt = clock.GetUtcNow();
        await using var connection = await db.OpenConnectionAsync(ct);
        var settings = await PlatformSettings.ReadAsync(connection, null, false, ct);
        // The images are read again only when their key changed (a new key is a new image).
        var logo = entry?.Logo is { } l && l.Key == settings.LogoKey ? l : null;
        var favicon = entry?.Favicon is { } f && f.Key == settings.FaviconKey ? f : null;
        string[] missing = new[] { logo is null ? settings.LogoKey : null, favicon is null ? settings.FaviconKey : null }
            .OfType<string>()
            .ToArray();
        if (missing.Length > 0)
        {
            var read = (
                await connection.QueryAsync<StoredImage>(new CommandDefinition(ImagesSql, new { Keys = missing }, cancellationToken: ct))
            ).ToDictionary(i => i.Key);
            logo ??= settings.LogoKey is { } lk ? read.GetValueOrDefault(lk) : null;
            favicon ??= settings.FaviconKey is { } fk ? read.GetValueOrDefault(fk) : null;
        }
        entry = new Entry(settings, readAt, logo, favicon);
        _entries[city] = entry;
        return entry;
    }

    public async Task<EmailBrand> CurrentAsync(CancellationToken ct)
    {
        var entry = await EntryAsync(ct);
        var s = entry.Settings;
        var o = email.Value;
        return new EmailBrand(
            s.Name,
            s.PrimaryColour,
            s.TextOnPrimaryColour,
            entry.Logo is { } logo ? new InlineImage(EmailLayout.LogoContentId, logo.Key, logo.ContentType, logo.Content) : null,
            s.ContactEmail,
            s.LegalName,
            s.LegalAddress,
            s.EmailFromName ?? o.FromName,
            s.EmailFromAddress ?? o.FromAddress
        );
    }
}

public static class PlatformSetup
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MapOptions>(configuration.GetSection(MapOptions.Section));
        services.AddSingleton<PlatformSettingsStore>();
        services.AddSingleton<IEmailBranding>(sp => sp.GetRequiredService<PlatformSettingsStore>());
        return services;
    }
}
