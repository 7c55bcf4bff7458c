using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Participation.Api.Tests.Features.Geocoding;

/// <summary>
/// A geocoder on loopback answering as Nominatim (jsonv2) or Photon (GeoJSON) do, with two places for any search, none
/// for "nulle part", and an address for any point but the far north (none there). Records every request it receives.
/// </summary>
internal sealed class FakeGeocoder : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _kind;

    public FakeGeocoder(string kind)
    {
        _kind = kind;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>A port nobody listens on (for the "geocoder down" case).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var url = context.Request.Url!;
            Requests.Enqueue(url.PathAndQuery);
            var query = System.Web.HttpUtility.ParseQueryString(url.Query);
            var body = (_kind, url.AbsolutePath) switch
            {
                ("nominatim", "/search") => query["q"] == "nulle part" ? "[]" : NominatimSearch,
                ("nominatim", "/reverse") => double.Parse(query["lat"]!, System.Globalization.CultureInfo.InvariantCulture) > 80
                    ? """{"error":"Unable to geocode"}"""
                    : NominatimReverse,
                ("photon", "/api") => query["q"] == "nulle part" ? """{"type":"FeatureCollection","features":[]}""" : PhotonSearch,
                ("photon", "/reverse") => PhotonSearch,
                _ => null,
            };
            context.Response.StatusCode = body is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body ?? "{}");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private const string NominatimSearch = """
        [{"place_id":1,"lat":"50.8466","lon":"4.3676","display_name":"Rue de la Loi 16, 1000 Bruxelles, Belgique"},
         {"place_id":2,"lat":"50.8450123456789","lon":"4.35","display_name":"Rue de la Loi, Ixelles, Belgique"}]
        """;

    private const string NominatimReverse = """
        {"place_id":1,"lat":"50.8466","lon":"4.3676","display_name":"Rue de la Loi 16, 1000 Bruxelles, Belgique"}
        """;

    private const string PhotonSearch = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","geometry":{"type":"Point","coordinates":[4.3676,50.8466]},
           "properties":{"name":"Rue de la Loi","street":"Rue de la Loi","housenumber":"16","postcode":"1000","city":"Bruxelles",
                         "country":"Belgique"}},
          {"type":"Feature","geometry":{"type":"Point","coordinates":[4.352,50.846]},
           "properties":{"name":"Grand-Place","postcode":"1000","city":"Bruxelles","country":"Belgique"}}]}
        """;

    public void Dispose() => _listener.Close();
}
