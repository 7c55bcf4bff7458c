using Microsoft.Extensions.Options;

namespace Participation.Api.Features.Platform;

/// <summary>
/// What every visitor needs to draw the shell: the platform's name, logo, favicon and colours, its languages, the map
/// settings and the contact and legal details. Never the e-mail sender (operational, not public).
/// </summary>
public static class GetPlatform
{
    public sealed record Query : IQuery<Response>;

    public sealed record MapSettings(string TileUrl, string Attribution, double Latitude, double Longitude, int Zoom);

    /// <summary>The primary colour (header, buttons, links) and the text colour shown on it.</summary>
    public sealed record ColourSettings(string Primary, string TextOnPrimary);

    public sealed record Response(
        string Name,
        IReadOnlyList<string> Languages,
        string DefaultLanguage,
        MapSettings Map,
        ColourSettings Colours,
        string? LogoUrl,
        string? FaviconUrl,
        string? ContactEmail,
        string? LegalName,
        string? LegalAddress
    );

    public sealed class Handler(PlatformSettingsStore store, IOptions<MapOptions> map) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query q, CancellationToken ct) => Of(await store.GetAsync(ct), map.Value);
    }

    /// <summary>The stored map values, or the configuration's where nothing is stored.</summary>
    public static MapSettings Map(PlatformSettings s, MapOptions m) =>
        new(
            s.MapTileUrl ?? m.TileUrl,
            s.MapAttribution ?? m.Attribution,
            s.MapLatitude ?? m.Latitude,
            s.MapLongitude ?? m.Longitude,
            s.MapZoom ?? m.Zoom
        );

    public static Response Of(PlatformSettings s, MapOptions m) =>
        new(
            s.Name,
            s.Languages,
            s.DefaultLanguage,
            Map(s, m),
            new ColourSettings(s.PrimaryColour, s.TextOnPrimaryColour),
            s.LogoUrl,
            s.FaviconUrl,
            s.ContactEmail,
            s.LegalName,
            s.LegalAddress
        );

    [EndpointSummary("The platform's public settings: name, logo, colours, languages, map, contact and legal details.")]
    public static ValueTask<Response> Endpoint(ISender sender, CancellationToken ct) => sender.Send(new Query(), ct);
}
