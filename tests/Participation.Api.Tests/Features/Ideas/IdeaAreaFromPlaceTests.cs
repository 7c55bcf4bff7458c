using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Ideas;

/// <summary>An idea's area derived from its place follows the place when the idea is edited; an area its author chose stays.</summary>
public sealed class IdeaAreaFromPlaceTests(ApiFactory api) : ApiTest(api)
{
    private static object Box(double west, double south, double east, double north) =>
        new
        {
            type = "Polygon",
            coordinates = new[]
            {
                new[] { new[] { west, south }, new[] { east, south }, new[] { east, north }, new[] { west, north }, new[] { west, south } },
            },
        };

    private static async Task<Guid> AreaAsync(HttpClient admin, string name, object geometry)
    {
        var response = await admin.PostJsonAsync("/api/v1/areas", new { name = new { fr = name }, geometry });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }

    private static object Fields(double lat, double lon, Guid? areaId) =>
        new
        {
            title = "Un banc ici",
            body = "<p>Un banc</p>",
            latitude = lat,
            longitude = lon,
            locationLabel = "Quelque part",
            areaId,
        };

    private static async Task<JsonNode> EditAsync(HttpClient client, Guid idea, object body)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/ideas/{idea}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static Guid? AreaOf(JsonNode idea) => idea["areaId"]?.GetValue<Guid>();

    [Fact]
    public async Task A_derived_area_is_derived_again_when_the_point_moves_even_when_the_form_sends_it_back()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var west = await AreaAsync(c.Admin, "Ouest", Box(4.30, 50.80, 4.34, 50.84));
        var east = await AreaAsync(c.Admin, "Est", Box(4.35, 50.85, 4.39, 50.89));
        var idea = await c.IdeaAsync(c.A, body: Fields(50.82, 4.32, null));
        Assert.Equal(west, AreaOf(await c.GetIdeaAsync(c.A, idea)));

        Assert.Equal(east, AreaOf(await EditAsync(c.A, idea, Fields(50.87, 4.37, west))));
        Assert.Null(AreaOf(await EditAsync(c.A, idea, Fields(50.70, 4.20, east))));
        Assert.Equal(west, AreaOf(await EditAsync(c.A, idea, Fields(50.81, 4.31, null))));
        Assert.False(await Api.ScalarAsync<bool>("SELECT area_chosen FROM ideas WHERE id = @idea", new { idea }));
    }

    [Fact]
    public async Task An_area_the_author_chose_stays_when_the_point_moves()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var west = await AreaAsync(c.Admin, "Ouest", Box(4.30, 50.80, 4.34, 50.84));
        var east = await AreaAsync(c.Admin, "Est", Box(4.35, 50.85, 4.39, 50.89));
        var idea = await c.IdeaAsync(c.A, body: Fields(50.82, 4.32, east)); // in the west, but the author says east

        Assert.Equal(east, AreaOf(await EditAsync(c.A, idea, Fields(50.81, 4.31, east))));
        Assert.True(await Api.ScalarAsync<bool>("SELECT area_chosen FROM ideas WHERE id = @idea", new { idea }));

        // Derived now, then the author picks the area the place gives: it is theirs from then on (chosen when it differs).
        Assert.Equal(west, AreaOf(await EditAsync(c.A, idea, Fields(50.81, 4.31, null))));
        Assert.Equal(east, AreaOf(await EditAsync(c.A, idea, Fields(50.81, 4.31, east))));
        Assert.Equal(east, AreaOf(await EditAsync(c.A, idea, Fields(50.70, 4.20, east))));
    }
}
