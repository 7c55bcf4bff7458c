namespace Participation.Api.Features.Geocoding;

/// <summary>
/// Where addresses are looked up (configuration section "Geocoder"). None by default: without a URL the platform offers no
/// address search and places are chosen on the map or by coordinates. Any Nominatim- or Photon-compatible service the city
/// chooses (its own, or a provider it has an agreement with); the URL comes from configuration only, never from users.
/// </summary>
public sealed class GeocoderOptions
{
    public const string Section = "Geocoder";

    /// <summary>The service's base URL, e.g. https://nominatim.example.org or https://photon.example.org; http(s) only.</summary>
    public string? Url { get; set; }

    /// <summary>
    /// The service's API: <c>nominatim</c> (<c>/search</c>, <c>/reverse</c>) or <c>photon</c> (<c>/api</c>, <c>/reverse</c>),
    /// in any case (a string, not an enum: configuration is not part of the HTTP contract).
    /// </summary>
    public string Kind { get; set; } = "nominatim";

    /// <summary>Photon's GeoJSON rather than Nominatim's JSON.</summary>
    public bool IsPhoton => string.Equals(Kind?.Trim(), "photon", StringComparison.OrdinalIgnoreCase);

    public bool KindKnown => IsPhoton || string.Equals(Kind?.Trim(), "nominatim", StringComparison.OrdinalIgnoreCase);

    /// <summary>How long one lookup may take before the service counts as unavailable.</summary>
    public int TimeoutSeconds { get; set; } = 5;

    /// <summary>How long answers are kept (the same searches come back as people type); 0 keeps nothing.</summary>
    public int CacheMinutes { get; set; } = 60;

    /// <summary>Sent with every request (Nominatim's usage policy asks services to be told who calls them).</summary>
    public string UserAgent { get; set; } = "Participation-Geocoder/1";

    public bool Configured => !string.IsNullOrWhiteSpace(Url);

    /// <summary>The URL as an absolute http(s) address, or null when it is not one (refused at start-up).</summary>
    public Uri? BaseUri() =>
        Uri.TryCreate(Url?.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
}
