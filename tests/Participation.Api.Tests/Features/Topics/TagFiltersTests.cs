using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Features.CalendarEvents;
using Participation.Api.Tests.Features.Campaigns;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Topics;

/// <summary>Areas derived from an idea's place, events filtered by their project's tags, and the area campaign segment.</summary>
[Collection(ApiCollection.C)]
public sealed class TagFiltersTests(ApiFactory api) : ApiTest(api)
{
    private const double Lon = 4.30;
    private const double Lat = 50.80;
    private const double Unit = 0.01;

    /// <summary>A "U" (concave): a notch from the top between x = 1 and x = 2, down to y = 1 (in units from the corner).</summary>
    private static readonly object U = new
    {
        type = "Polygon",
        coordinates = new[] { new[] { P(0, 0), P(3, 0), P(3, 3), P(2, 3), P(2, 1), P(1, 1), P(1, 3), P(0, 3), P(0, 0) } },
    };

    private static double[] P(double x, double y) => [Lon + x * Unit, Lat + y * Unit];

    [Theory]
    [InlineData(0.5, 2, true)] // in the left arm
    [InlineData(2.5, 2.9, true)] // in the right arm
    [InlineData(1.5, 2, false)] // in the notch: inside the box, outside the polygon
    [InlineData(1.5, 0.5, true)] // below the notch
    [InlineData(1.5, 0, true)] // on the bottom edge
    [InlineData(1, 2, true)] // on the notch's left edge
    [InlineData(1.5, 1, true)] // on the notch's bottom edge
    [InlineData(3, 3, true)] // a corner
    [InlineData(3.001, 1, false)] // just beyond the right edge
    [InlineData(1.5, 1.001, false)] // just inside the notch
    public async Task The_area_of_a_place_is_the_polygon_holding_it_borders_included(double x, double y, bool inside)
    {
        var admin = Api.ClientFor((await Api.CreateUserAsync(role: "admin")).Id);
        var area = await CreateAsync(admin, "areas", new { name = new { fr = "Quartier en U" }, geometry = U });
        var found = await Api.ScalarAsync<Guid?>("SELECT area_at(@Lon, @Lat)", new { Lon = Lon + x * Unit, Lat = Lat + y * Unit });
        Assert.Equal(inside ? area : null, found);
    }

    [Fact]
    public async Task An_idea_placed_without_an_area_gets_the_area_of_its_place_when_posted_and_when_moved()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var u = await CreateAsync(c.Admin, "areas", new { name = new { fr = "Quartier en U" }, geometry = U });
        var other = await CreateAsync(c.Admin, "areas", new { name = new { fr = "Ailleurs" } });

        var inArm = await c.IdeaAsync(c.A, body: Placed("Dans le bras", 0.5, 2));
        var inNotch = await c.IdeaAsync(c.A, body: Placed("Dans l'encoche", 1.5, 2));
        var chosen = await c.IdeaAsync(c.A, body: Placed("Choisi", 0.5, 2, other));
        var unplaced = await c.IdeaAsync(c.A, body: new { title = "Sans lieu", body = "<p>Texte</p>" });

        Assert.Equal(u, await AreaOfAsync(inArm));
        Assert.Null(await AreaOfAsync(inNotch));
        Assert.Equal(other, await AreaOfAsync(chosen));
        Assert.Null(await AreaOfAsync(unplaced));

        // Moved into the right arm with no area chosen: the area follows the place.
        var moved = await c.A.PutAsJsonAsync($"/api/v1/ideas/{inNotch}", Placed("Dans l'encoche", 2.5, 2));
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        Assert.Equal(u, await AreaOfAsync(inNotch));
        var listed = await (await Api.CreateClient().GetAsync($"/api/v1/projects/{c.P1}/ideas?areaId={u}&limit=100")).ReadJsonAsync();
        Assert.Equal(new[] { inArm, inNotch }.Order(), listed["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).Order());
    }

    [Fact]
    public async Task Events_are_filtered_by_their_project_s_topic_and_area_and_bad_ids_are_refused()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var topic = await CreateAsync(c.Admin, "topics", new { name = new { fr = "Patrimoine bâti" } });
        var area = await CreateAsync(c.Admin, "areas", new { name = new { fr = "Centre" } });
        var tagged = await c.Admin.PatchAsJsonAsync(
            $"/api/v1/projects/{c.P1}",
            new { topicIds = new[] { topic }, areaIds = new[] { area } }
        );
        Assert.True(tagged.IsSuccessStatusCode, await tagged.Content.ReadAsStringAsync());
        var inP1 = await CalendarEventTestKit.CreateAsync(c.Admin, CalendarEventTestKit.Body(c.P1, "Concert"));
        await CalendarEventTestKit.CreateAsync(c.Admin, CalendarEventTestKit.Body(c.P2, "Marché"));
        await CalendarEventTestKit.CreateAsync(c.Admin, CalendarEventTestKit.Body(null, "Fête de la ville"));

        var all = await (await Api.CreateClient().GetAsync("/api/v1/events?limit=50")).ReadJsonAsync();
        Assert.Equal(3, all["items"]!.AsArray().Count);
        foreach (var filter in new[] { $"topicId={topic}", $"areaId={area}", $"topicId={topic}&areaId={area}" })
        {
            var page = await (await Api.CreateClient().GetAsync($"/api/v1/events?{filter}&limit=50")).ReadJsonAsync();
            Assert.Equal(inP1, Assert.Single(page["items"]!.AsArray())!["id"]!.GetValue<Guid>());
        }
        var none = await (await Api.CreateClient().GetAsync($"/api/v1/events?topicId={Guid.NewGuid()}")).ReadJsonAsync();
        Assert.Empty(none["items"]!.AsArray());

        foreach (
            var url in new[]
            {
                "/api/v1/events?topicId=culture",
                "/api/v1/events?areaId=1",
                $"/api/v1/events?platformOnly=true&topicId={topic}",
                "/api/v1/projects?topicId=abc",
                "/api/v1/projects?areaId=abc",
                $"/api/v1/projects/{c.P1}/ideas?areaId=abc",
                $"/api/v1/projects/{c.P1}/ideas?topicId=abc",
            }
        )
            await (await Api.CreateClient().GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await c.Mod1.GetAsync($"/api/v1/projects/{c.P1}/ideas/manage?areaId=abc")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_area_segment_reaches_consenting_residents_of_the_area_and_the_count_previewed_is_the_count_sent()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var area = await CreateAsync(c.Admin, "areas", new { name = new { fr = "Quartier en U" }, geometry = U });
        await CampaignTestKit.SetConsentAsync(Api, c.ResidentA.Id, true);
        await CampaignTestKit.SetConsentAsync(Api, c.ResidentB.Id, true);
        var elsewhere = await Api.ResidentAsync(first: "Ailleurs");
        var silent = await Api.ResidentAsync(consented: false, first: "Muet");
        // A: an idea placed in the area (derived). B: a comment in a project covering the area. The others: not there.
        await c.IdeaAsync(c.A, body: Placed("Dans le bras", 0.5, 2));
        (await c.Admin.PatchAsJsonAsync($"/api/v1/projects/{c.P2}", new { areaIds = new[] { area } })).EnsureSuccessStatusCode();
        var p2Idea = await c.IdeaAsync(c.Mod2, c.P2, "Une idée du projet 2");
        await c.CommentAsync(c.B, p2Idea);
        await c.IdeaAsync(Api.ClientFor(elsewhere.Id), body: Placed("Dans l'encoche", 1.5, 2));
        await c.IdeaAsync(Api.ClientFor(silent.Id), body: Placed("Muet mais là", 0.5, 1));

        var segment = new { kind = "area", areaId = area };
        var previewed = await CampaignTestKit.PreviewCountAsync(c.Admin, segment);
        var id = await CampaignTestKit.CreateAsync(c.Admin, CampaignTestKit.Draft(segment: segment));
        var read = await (await c.Admin.GetAsync($"/api/v1/campaigns/{id}")).ReadJsonAsync();
        Assert.Equal(area, read["segment"]!["areaId"]!.GetValue<Guid>());
        await CampaignTestKit.ScheduleAsync(c.Admin, id);
        await Api.SendDueAsync();

        var recipients = await CampaignTestKit.RecipientsAsync(Api, id);
        Assert.Equal(2, previewed);
        Assert.Equal(previewed, recipients.Count);
        Assert.Equal(previewed, await CampaignTestKit.CampaignMailsAsync(Api, id));
        Assert.Equal(new[] { c.ResidentA.Id, c.ResidentB.Id }.Order(), recipients.Order());
    }

    [Fact]
    public async Task A_bad_area_segment_is_refused_with_the_field_and_residents_may_not_preview_it()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var area = await CreateAsync(c.Admin, "areas", new { name = new { fr = "Centre" } });
        var before = await Api.CountAsync("campaigns");
        await (
            await c.Admin.PostJsonAsync("/api/v1/campaigns", CampaignTestKit.Draft(segment: new { kind = "area" }))
        ).AssertFieldErrorsAsync("segment.areaId");
        await (
            await c.Admin.PostJsonAsync("/api/v1/campaigns", CampaignTestKit.Draft(segment: new { kind = "area", areaId = Guid.NewGuid() }))
        ).AssertFieldErrorsAsync("segment.areaId");
        await (
            await c.Admin.PostJsonAsync("/api/v1/campaigns/recipients/preview", new { kind = "area", areaId = Guid.NewGuid() })
        ).AssertFieldErrorsAsync("segment.areaId");
        Assert.Equal(before, await Api.CountAsync("campaigns"));
        await (await c.A.PostJsonAsync("/api/v1/campaigns/recipients/preview", new { kind = "area", areaId = area })).AssertProblemAsync(
            HttpStatusCode.Forbidden
        );
        await (
            await Api.CreateClient().PostJsonAsync("/api/v1/campaigns/recipients/preview", new { kind = "area", areaId = area })
        ).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static object Placed(string title, double x, double y, Guid? areaId = null) =>
        new
        {
            title,
            body = "<p>Texte</p>",
            latitude = Lat + y * Unit,
            longitude = Lon + x * Unit,
            areaId,
        };

    private Task<Guid?> AreaOfAsync(Guid idea) => Api.ScalarAsync<Guid?>("SELECT area_id FROM ideas WHERE id = @idea", new { idea });

    private static async Task<Guid> CreateAsync(HttpClient admin, string list, object body)
    {
        var response = await admin.PostJsonAsync($"/api/v1/{list}", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }
}
