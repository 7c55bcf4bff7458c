using System.Net;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Projects;

[Collection(ApiCollection.B)]
public sealed class ProjectFollowsTests(ApiFactory api) : ApiTest(api)
{
    private static string Follow(Guid project) => $"/api/v1/projects/{project}/follow";

    private static async Task<bool?> FollowedAsync(HttpClient client, Guid project) =>
        (await (await client.GetAsync($"/api/v1/projects/{project}")).ReadJsonAsync())["followedByMe"]?.GetValue<bool>();

    [Fact]
    public async Task A_resident_follows_and_unfollows_a_project_repeating_changes_nothing_and_one_event_each()
    {
        var c = await IdeaCity.CreateAsync(Api);

        Assert.Equal(HttpStatusCode.NoContent, (await c.A.PutAsync(Follow(c.P1), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.A.PutAsync(Follow(c.P1), null)).StatusCode);
        Assert.True(await FollowedAsync(c.A, c.P1));
        Assert.False(await FollowedAsync(c.B, c.P1));
        Assert.Null(await FollowedAsync(Api.CreateClient(), c.P1));
        Assert.False(await FollowedAsync(c.A, c.P2));
        var followed = Assert.Single(await Api.EventsAsync("project.followed"));
        Assert.Equal(c.ResidentA.Id, followed.ActorId);

        Assert.Equal(HttpStatusCode.NoContent, (await c.A.DeleteAsync(Follow(c.P1))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await c.A.DeleteAsync(Follow(c.P1))).StatusCode);
        Assert.False(await FollowedAsync(c.A, c.P1));
        Assert.Single(await Api.EventsAsync("project.unfollowed"));
        Assert.Equal(0, await Api.CountAsync("project_follows"));
    }

    [Fact]
    public async Task Anonymous_is_401_a_draft_or_unknown_project_404_an_archived_one_409_and_nothing_is_written()
    {
        var c = await IdeaCity.CreateAsync(Api, p1Status: "draft");

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CreateClient().PutAsync(Follow(c.P2), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CreateClient().DeleteAsync(Follow(c.P2))).StatusCode);
        await (await c.A.PutAsync(Follow(c.P1), null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await c.Mod1.PutAsync(Follow(c.P1), null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await c.A.PutAsync(Follow(Guid.NewGuid()), null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await c.A.DeleteAsync(Follow(Guid.NewGuid()))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await c.B.PutAsync(Follow(c.P2), null)).StatusCode);
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.Admin.PostJsonAsync($"/api/v1/projects/{c.P2}/status", new { status = "archived" })).StatusCode
        );
        await (await c.A.PutAsync(Follow(c.P2), null)).AssertProblemAsync(HttpStatusCode.Conflict);
        // Leaving an archived project is always possible.
        Assert.Equal(HttpStatusCode.NoContent, (await c.B.DeleteAsync(Follow(c.P2))).StatusCode);
        Assert.Equal(0, await Api.CountAsync("project_follows"));
        Assert.Single(await Api.EventsAsync("project.followed"));
    }

    [Fact]
    public async Task Thirty_parallel_follows_leave_one_row_and_one_event()
    {
        var c = await IdeaCity.CreateAsync(Api);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => c.A.PutAsync(Follow(c.P1), null)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.Equal(1, await Api.CountAsync("project_follows"));
        Assert.Single(await Api.EventsAsync("project.followed"));
    }
}
