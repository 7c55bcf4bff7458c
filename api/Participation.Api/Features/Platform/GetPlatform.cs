using Microsoft.Extensions.Options;
using Participation.Api.Features.Geocoding;

namespace Participation.Api.Features.Platform;

/// <summary>
/// What every visitor needs to draw the shell: the platform's name, logo, favicon and colours, its languages, the map
/// settings and the contact and legal details. Never the e-mail sender (operational, not public).
/// </summary>
public static class GetPlatform
{
    public sealed record Query : IQuery<Response>;

    /// <summary>The base map and where it starts; <c>AddressSearch</c>: a geocoder is configured (location pickers offer it).</summary>
    public sealed record MapSettings(string TileUrl, string Attribution, double Latitude, double Longitude, int Zoom, bool AddressSearch);

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

    public sealed class Handler(PlatformSettingsStore store, IOptions<MapOptions> map, IOptions<GeocoderOptions> geocoder)
        : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query q, CancellationToken ct) =>
            Of(await store.GetAsync(ct), map.Value, geocoder.Value.Configured);
    }

    /// <summary>The stored map values, or the configuration's where nothing is stored.</summary>
    public static MapSettings Map(PlatformSettings s, MapOptions m, bool addressSearch) =>
        new(
            s.MapTileUrl ?? m.TileUrl,
            s.MapAttribution ?? m.Attribution,
            s.MapLatitude ?? m.Latitude,
            s.MapLongitude ?? m.Longitude,
            s.MapZoom ?? m.Zoom,
            addressSearch
        );

    public static Response Of(PlatformSettings s, MapOptions m, bool addressSearch) =>
        new(
            s.Name,
            s.Languages,
            s.DefaultLanguage,
            Map(s, m, addressSearch),
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
