using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Participation.Api.Features.Geocoding;

/// <summary>A place found by the geocoder: its address as the service writes it, and its point.</summary>
public sealed record GeocodedPlace(string Label, double Latitude, double Longitude);

/// <summary>The geocoder is not configured, or did not answer in time or in its format (→ 503).</summary>
public sealed class GeocoderUnavailableException(bool configured, Exception? inner = null)
    : ServiceUnavailableException(
        configured ? "geocoder_unavailable" : "geocoder_not_configured",
        configured ? "The address search service is unavailable." : "No address search service is configured.",
        inner
    );

/// <summary>Recent answers, shared by every request (the typed client itself is short-lived).</summary>
public sealed class GeocoderCache : IDisposable
{
    public MemoryCache Entries { get; } = new(new MemoryCacheOptions { SizeLimit = 5000 });

    public void Dispose() => Entries.Dispose();
}

/// <summary>
/// Calls the configured geocoder (a typed HttpClient with a short timeout) and reads its answer, Nominatim's JSON or
/// Photon's GeoJSON, as <see cref="GeocodedPlace"/>s. Successful answers are cached for a while.
/// </summary>
public sealed class Geocoder(HttpClient http, IOptions<GeocoderOptions> options, GeocoderCache cache, ILogger<Geocoder> logger)
{
    public const int MaxResults = 6;

    // Photon knows a few languages only; others get its default (the places' local names).
    private static readonly string[] PhotonLanguages = ["de", "en", "fr", "it"];

    public async Task<IReadOnlyList<GeocodedPlace>> SearchAsync(string query, string language, CancellationToken ct)
    {
        var q = Uri.EscapeDataString(query);
        var o = options.Value;
        var path = o.IsPhoton
            ? $"api?q={q}&limit={MaxResults}{PhotonLanguage(language)}"
            : $"search?q={q}&format=jsonv2&addressdetails=0&limit={MaxResults}&accept-language={language}";
        return await CachedAsync($"search|{language}|{query.ToLowerInvariant()}", path, ct);
    }

    public async Task<GeocodedPlace?> ReverseAsync(double latitude, double longitude, string language, CancellationToken ct)
    {
        var lat = latitude.ToString("0.#####", CultureInfo.InvariantCulture);
        var lon = longitude.ToString("0.#####", CultureInfo.InvariantCulture);
        var path = options.Value.IsPhoton
            ? $"reverse?lat={lat}&lon={lon}&limit=1{PhotonLanguage(language)}"
            : $"reverse?lat={lat}&lon={lon}&format=jsonv2&zoom=18&accept-language={language}";
        var places = await CachedAsync($"reverse|{language}|{lat}|{lon}", path, ct);
        return places.Count > 0 ? places[0] : null;
    }

    private static string PhotonLanguage(string language) => PhotonLanguages.Contains(language) ? $"&lang={language}" : "";

    private async Task<IReadOnlyList<GeocodedPlace>> CachedAsync(string key, string path, CancellationToken ct)
    {
        var o = options.Value;
        var baseUri = o.BaseUri() ?? throw new GeocoderUnavailableException(configured: false);
        key = $"{o.IsPhoton}|{baseUri}|{key}";
        if (cache.Entries.TryGetValue(key, out IReadOnlyList<GeocodedPlace>? cached) && cached is not null)
            return cached;
        var places = await FetchAsync(new Uri(baseUri, path), o.IsPhoton, ct);
        if (o.CacheMinutes > 0)
            cache.Entries.Set(
                key,
                places,
                new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(o.CacheMinutes) }
            );
        return places;
    }

    private async Task<IReadOnlyList<GeocodedPlace>> FetchAsync(Uri uri, bool photon, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.UserAgent.ParseAdd(options.Value.UserAgent);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            // Nominatim answers a reverse lookup over the sea with 200 and an "error" member; Photon with no features.
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"The geocoder answered {(int)response.StatusCode}.");
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: ct);
            return photon ? ReadPhoton(json.RootElement) : ReadNominatim(json.RootElement);
        }
        catch (Exception ex)
            when (ex is HttpRequestException or JsonException or InvalidOperationException or FormatException
                || (ex is OperationCanceledException && !ct.IsCancellationRequested)
            )
        {
            logger.LogWarning(ex, "The geocoder at {Host} could not be reached or read", uri.Host);
            throw new GeocoderUnavailableException(configured: true, ex);
        }
    }

    /// <summary>Nominatim (format=jsonv2): an array of places (search) or one place (reverse), lat/lon as strings.</summary>
    internal static IReadOnlyList<GeocodedPlace> ReadNominatim(JsonElement root)
    {
        var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
        return items
            .Where(i => i.ValueKind == JsonValueKind.Object && !i.TryGetProperty("error", out _))
            .Select(i => Place(Text(i, "display_name"), Number(i, "lat"), Number(i, "lon")))
            .OfType<GeocodedPlace>()
            .Take(MaxResults)
            .ToList();
    }

    /// <summary>Photon: a GeoJSON FeatureCollection; the label is put together from the feature's properties.</summary>
    internal static IReadOnlyList<GeocodedPlace> ReadPhoton(JsonElement root)
    {
        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            throw new FormatException("Not a FeatureCollection.");
        return features
            .EnumerateArray()
            .Select(f =>
            {
                var p = f.TryGetProperty("properties", out var props) ? props : default;
                var c = f.GetProperty("geometry").GetProperty("coordinates");
                var street = Join(" ", Text(p, "street"), Text(p, "housenumber"));
                var name = Text(p, "name");
                var town = Join(" ", Text(p, "postcode"), Text(p, "city") ?? Text(p, "town") ?? Text(p, "village"));
                // A street's own feature is named after it: the name would only repeat the street.
                var label = Join(", ", name == Text(p, "street") ? null : name, street, town, Text(p, "country"));
                return Place(label, c[1].GetDouble(), c[0].GetDouble());
            })
            .OfType<GeocodedPlace>()
            .Take(MaxResults)
            .ToList();
    }

    private static GeocodedPlace? Place(string? label, double? lat, double? lon) =>
        !string.IsNullOrWhiteSpace(label) && lat is >= -90 and <= 90 && lon is >= -180 and <= 180
            ? new GeocodedPlace(Clip(label.Trim()), Math.Round(lat.Value, 6), Math.Round(lon.Value, 6))
            : null;

    // An idea's address holds 200 characters at most; control characters never come through.
    private static string Clip(string label)
    {
        var clean = new string(
            label.Where(c => !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format).ToArray()
        );
        return clean.Length <= 200 ? clean : clean[..200];
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() is { Length: > 0 } s
                ? s
                : null
            : null;

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.Number => v.GetDouble(),
                JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                _ => null,
            }
            : null;

    private static string? Join(string separator, params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        return present.Length == 0 ? null : string.Join(separator, present);
    }
}

public static class GeocodingSetup
{
    /// <summary>The geocoder's options (an http(s) URL or none, checked at start-up), its cache and its typed client.</summary>
    public static IServiceCollection AddGeocoding(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<GeocoderOptions>()
            .Bind(configuration.GetSection(GeocoderOptions.Section))
            .Validate(o => !o.Configured || o.BaseUri() is not null, "Geocoder:Url must be an absolute http:// or https:// URL.")
            .Validate(o => o.TimeoutSeconds is > 0 and <= 60, "Geocoder:TimeoutSeconds must be between 1 and 60.")
            .Validate(o => o.KindKnown, "Geocoder:Kind must be nominatim or photon.")
            .ValidateOnStart();
        services.AddSingleton<GeocoderCache>();
        services
            .AddHttpClient<Geocoder>(
                (sp, client) =>
                    client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<GeocoderOptions>>().Value.TimeoutSeconds)
            )
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        return services;
    }
}
