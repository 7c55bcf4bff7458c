using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Budgets;

/// <summary>Setting an idea's cost records the cost before and after, once per actual change.</summary>
[Collection(ApiCollection.B)]
public sealed class IdeaCostEventsTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Each_change_of_cost_is_recorded_with_the_previous_and_new_cost()
    {
        var c = await IdeaCity.CreateAsync(Api);
        var idea = await c.IdeaAsync(c.A);

        foreach (var cost in new decimal?[] { 1500.50m, 1500.50m, 800m, null })
            Assert.Equal(HttpStatusCode.OK, (await c.Mod1.PutAsJsonAsync($"/api/v1/ideas/{idea}/cost", new { cost })).StatusCode);

        var events = await Api.EventsAsync("idea.cost_set");
        string Compact(string json) => JsonNode.Parse(json)!.ToJsonString();

        Assert.Equal(3, events.Count); // setting the same cost again changes nothing
        // before and after: the stored costs (two decimals); data: the cost as given, as the audit log always had it.
        Assert.All(events, e =>
            Assert.Equal(
                (idea.ToString(), c.Moderator1.Id, c.P1, (Guid?)c.Phase1, c.City.D1),
                (e.SubjectId, e.ActorId, e.ProjectId, e.PhaseId, e.DepartmentId)
            )
        );
        Assert.Equal(new[] { """{"cost":null}""", """{"cost":1500.50}""", """{"cost":800.00}""" }, events.Select(e => Compact(e.Before!)));
        Assert.Equal(new[] { """{"cost":1500.50}""", """{"cost":800.00}""", """{"cost":null}""" }, events.Select(e => Compact(e.After!)));
        Assert.Equal($$"""{"cost":1500.50,"projectId":"{{c.P1}}"}""", Compact(events[0].Data));
        Assert.Equal($$"""{"cost":800,"projectId":"{{c.P1}}"}""", Compact(events[1].Data));
        Assert.Equal($$"""{"cost":null,"projectId":"{{c.P1}}"}""", Compact(events[2].Data));
    }
}
