using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Participation.Api.Features.Geocoding;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Geocoding;

/// <summary>Address search through the geocoder the city configured: a fake one on loopback, in Nominatim's or Photon's format.</summary>
public sealed class GeocodingTests(ApiFactory api) : ApiTest(api)
{
    private const string Search = "/api/v1/geocoding/search";
    private const string Reverse = "/api/v1/geocoding/reverse";

    // One fake geocoder of each kind and one API configured with it, for the whole class (an API host takes seconds to
    // start on a busy machine); each test starts with their requests and the answers' cache emptied.
    private static readonly FakeGeocoder Nominatim = new("nominatim");
    private static readonly FakeGeocoder Photon = new("photon");
    private static readonly Dictionary<FakeGeocoder, WebApplicationFactory<Program>> Configured = [];

    /// <summary>The API with a geocoder at <paramref name="url"/> (the shared one has none).</summary>
    private WebApplicationFactory<Program> With(string url, string kind = "nominatim") =>
        Api.WithWebHostBuilder(b => b.UseSetting("Geocoder:Url", url).UseSetting("Geocoder:Kind", kind));

    private WebApplicationFactory<Program> With(FakeGeocoder fake)
    {
        lock (Configured)
        {
            if (!Configured.TryGetValue(fake, out var factory))
                Configured[fake] = factory = With(fake.Url, fake == Photon ? "photon" : "nominatim");
            fake.Requests.Clear();
            factory.Services.GetRequiredService<GeocoderCache>().Entries.Clear();
            return factory;
        }
    }

    private HttpClient ClientFor(WebApplicationFactory<Program> factory, Guid userId)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = Api.ClientFor(userId).DefaultRequestHeaders.Authorization;
        return client;
    }

    [Theory]
    [InlineData(Search + "?q=rue+de+la+loi")]
    [InlineData(Reverse + "?latitude=50.8466&longitude=4.3676")]
    public async Task Anonymous_visitors_cannot_use_the_geocoder(string url)
    {
        var fake = Nominatim;
        var factory = With(fake);

        await (await factory.CreateClient().GetAsync(url)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Without_a_configured_geocoder_lookups_are_a_503_and_the_platform_says_there_is_no_address_search()
    {
        var user = await Api.CreateUserAsync();
        var client = Api.ClientFor(user.Id);

        var problem = await (await client.GetAsync(Search + "?q=rue+de+la+loi")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("geocoder_not_configured", problem["reason"]!.GetValue<string>());
        await (await client.GetAsync(Reverse + "?latitude=50.8&longitude=4.3")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        var platform = await (await Api.CreateClient().GetAsync("/api/v1/platform")).ReadJsonAsync();
        Assert.False(platform["map"]!["addressSearch"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_resident_searches_addresses_through_a_Nominatim_service_in_their_language_answers_cached()
    {
        var fake = Nominatim;
        var factory = With(fake);
        var user = await Api.CreateUserAsync();
        var client = ClientFor(factory, user.Id);

        var found = await (await client.GetAsync(Search + "?q=Rue%20de%20la%20Loi&language=nl")).ReadJsonAsync();

        var places = found["places"]!.AsArray();
        Assert.Equal(2, places.Count);
        Assert.Equal("Rue de la Loi 16, 1000 Bruxelles, Belgique", places[0]!["label"]!.GetValue<string>());
        Assert.Equal(50.8466, places[0]!["latitude"]!.GetValue<double>());
        Assert.Equal(4.3676, places[0]!["longitude"]!.GetValue<double>());
        Assert.Equal(50.845012, places[1]!["latitude"]!.GetValue<double>()); // 6 decimals are enough
        var sent = Assert.Single(fake.Requests);
        Assert.StartsWith("/search?q=Rue%20de%20la%20Loi&format=jsonv2", sent);
        Assert.Contains("accept-language=nl", sent);

        await client.GetAsync(Search + "?q=rue%20de%20la%20loi&language=nl"); // the same search again: from the cache
        Assert.Single(fake.Requests);
        var none = await (await client.GetAsync(Search + "?q=nulle%20part")).ReadJsonAsync();
        Assert.Empty(none["places"]!.AsArray());

        var platform = await (await factory.CreateClient().GetAsync("/api/v1/platform")).ReadJsonAsync();
        Assert.True(platform["map"]!["addressSearch"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_point_gets_its_address_by_reverse_geocoding_or_a_404_where_the_service_knows_none()
    {
        var fake = Nominatim;
        var factory = With(fake);
        var user = await Api.CreateUserAsync();
        var client = ClientFor(factory, user.Id);

        var place = await (await client.GetAsync(Reverse + "?latitude=50.84661&longitude=4.36759")).ReadJsonAsync();

        Assert.Equal("Rue de la Loi 16, 1000 Bruxelles, Belgique", place["label"]!.GetValue<string>());
        Assert.Contains("/reverse?lat=50.84661&lon=4.36759&format=jsonv2", fake.Requests.Single());
        Assert.Contains("accept-language=fr", fake.Requests.Single()); // the request's language by default
        await (await client.GetAsync(Reverse + "?latitude=89&longitude=0")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_Photon_service_answers_are_read_as_the_same_places()
    {
        var fake = Photon;
        var factory = With(fake);
        var user = await Api.CreateUserAsync();
        var client = ClientFor(factory, user.Id);

        var found = await (await client.GetAsync(Search + "?q=loi&language=en")).ReadJsonAsync();
        var reverse = await (await client.GetAsync(Reverse + "?latitude=50.8466&longitude=4.3676")).ReadJsonAsync();

        var places = found["places"]!.AsArray();
        Assert.Equal("Rue de la Loi 16, 1000 Bruxelles, Belgique", places[0]!["label"]!.GetValue<string>());
        Assert.Equal(50.8466, places[0]!["latitude"]!.GetValue<double>());
        Assert.Equal(4.3676, places[0]!["longitude"]!.GetValue<double>());
        Assert.Equal("Grand-Place, 1000 Bruxelles, Belgique", places[1]!["label"]!.GetValue<string>());
        Assert.Equal("Rue de la Loi 16, 1000 Bruxelles, Belgique", reverse["label"]!.GetValue<string>());
        Assert.StartsWith("/api?q=loi&limit=6&lang=en", fake.Requests.First());
    }

    [Fact]
    public async Task A_geocoder_that_is_down_is_a_503_and_ideas_are_still_posted_with_their_place()
    {
        using var factory = With($"http://127.0.0.1:{FakeGeocoder.FreePort()}");
        var c = await IdeaCity.CreateAsync(Api);
        var client = ClientFor(factory, c.ResidentA.Id);

        var problem = await (await client.GetAsync(Search + "?q=rue+de+la+loi")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("geocoder_unavailable", problem["reason"]!.GetValue<string>());
        await (await client.GetAsync(Reverse + "?latitude=50.8&longitude=4.3")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);

        var posted = await client.PostJsonAsync(
            $"/api/v1/projects/{c.P1}/ideas",
            new
            {
                title = "Un banc ici",
                body = "<p>Un banc</p>",
                latitude = 50.8466,
                longitude = 4.3676,
                locationLabel = "Devant la gare",
            }
        );
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var location = (await posted.ReadJsonAsync())["location"]!;
        Assert.Equal("Devant la gare", location["label"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(Search, "q")]
    [InlineData(Search + "?q=", "q")]
    [InlineData(Search + "?q=ab", "q")]
    [InlineData(Search + "?q=%E2%80%AEabc", "q")]
    [InlineData(Search + "?q=rue&language=de", "language")]
    [InlineData(Reverse + "?longitude=4.3", "latitude")]
    [InlineData(Reverse + "?latitude=91&longitude=4.3", "latitude")]
    [InlineData(Reverse + "?latitude=50&longitude=-181", "longitude")]
    [InlineData(Reverse + "?latitude=50&longitude=4&language=xx", "language")]
    public async Task Bad_input_is_a_400_naming_the_field_and_never_reaches_the_geocoder(string url, string field)
    {
        var fake = Nominatim;
        var factory = With(fake);
        var user = await Api.CreateUserAsync();

        await (await ClientFor(factory, user.Id).GetAsync(url)).AssertFieldErrorsAsync(field);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task A_coordinate_that_is_not_a_number_is_a_400()
    {
        var user = await Api.CreateUserAsync();
        await (await Api.ClientFor(user.Id).GetAsync(Reverse + "?latitude=abc&longitude=4")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://geocoder.example")]
    [InlineData("not a url")]
    public void A_geocoder_URL_that_is_not_http_or_https_stops_the_API_at_start_up(string url)
    {
        using var factory = With(url);
        var error = Assert.ThrowsAny<Exception>(() => factory.Services);
        Assert.Contains("Geocoder:Url", error.ToString());
    }
}
