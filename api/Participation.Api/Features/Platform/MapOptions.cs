namespace Participation.Api.Features.Platform;

/// <summary>Where maps start and which tile server draws them (configuration section "Map").</summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    /// <summary>An XYZ tile URL template; any server the city licenses (OpenStreetMap by default).</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public string Attribution { get; set; } = "© OpenStreetMap contributors";
    public double Latitude { get; set; } = 50.8466;
    public double Longitude { get; set; } = 4.3528;
    public int Zoom { get; set; } = 13;
}
