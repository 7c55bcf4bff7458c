using Participation.Api.Infrastructure.Security;

namespace Participation.Api.Features.Geocoding;

/// <summary>
/// Address search for the location pickers, through the geocoder the city configured (GeocoderOptions). Signed-in people
/// only, and rate-limited per person: the platform relays their lookups, it is no open proxy. API clients have no scope here.
/// </summary>
public static class GeocodingEndpoints
{
    public static RouteGroupBuilder MapGeocodingEndpoints(this RouteGroupBuilder api)
    {
        // The route table, laid out by hand (CSharpier leaves it): verb, path, handler, name; then access, limits, problems.
        // csharpier-ignore-start
        var g = api.MapGroup("/geocoding").WithTags("Geocoding");
        g.MapGet("/search", SearchAddresses.Endpoint).WithName(nameof(SearchAddresses))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Geocoding).ProducesProblems(400, 401, 403, 429, 503); // signed in
        g.MapGet("/reverse", ReverseGeocode.Endpoint).WithName(nameof(ReverseGeocode))
            .RequireAuthorization().RequireRateLimiting(RateLimits.Geocoding).ProducesProblems(400, 401, 403, 404, 429, 503); // signed in
        // csharpier-ignore-end
        return api;
    }
}
