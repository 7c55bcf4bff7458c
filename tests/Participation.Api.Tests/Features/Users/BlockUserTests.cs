using System.Net;
using System.Net.Http.Json;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Users;

public sealed class BlockUserTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Blocking_again_and_unblocking_record_the_block_before_and_after()
    {
        var admin = await Api.CreateUserAsync(role: "admin");
        var client = Api.ClientFor(admin.Id);
        var user = await Api.CreateUserAsync(email: "troll@example.org");
        var first = new DateTimeOffset(2099, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var second = first.AddDays(30);

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await client.PutAsJsonAsync($"/api/v1/users/{user.Id}/block", new { until = first, reason = " Spam " })).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await client.PutAsJsonAsync($"/api/v1/users/{user.Id}/block", new { until = second, reason = "Insultes" })).StatusCode
        );
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/users/{user.Id}/block")).StatusCode);
        // nothing to end: no event
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/users/{user.Id}/block")).StatusCode);
        await (
            await client.PutAsJsonAsync($"/api/v1/users/{Guid.NewGuid()}/block", new { until = first, reason = "Spam" })
        ).AssertProblemAsync(HttpStatusCode.NotFound);

        var none = await Api.JsonbAsync(new { until = (DateTimeOffset?)null, reason = (string?)null });
        var blocked = await Api.EventsAsync("user.blocked");
        Assert.Equal(2, blocked.Count);
        Assert.Equal(none, blocked[0].Before);
        Assert.Equal(await Api.JsonbAsync(new { until = first, reason = "Spam" }), blocked[0].After);
        Assert.Equal(blocked[0].After, blocked[1].Before);
        Assert.Equal(await Api.JsonbAsync(new { until = second, reason = "Insultes" }), blocked[1].After);
        var unblocked = Assert.Single(await Api.EventsAsync("user.unblocked"));
        Assert.Equal((blocked[1].After, none, "{}"), (unblocked.Before, unblocked.After, unblocked.Data));
        Assert.All(blocked.Append(unblocked), e =>
            Assert.Equal(
                ("user", admin.Id, "user", user.Id.ToString(), (Guid?)null),
                (e.ActorType, e.ActorId, e.SubjectType, e.SubjectId, e.DepartmentId)
            )
        );

        // The audit log keeps its data: the period (as PostgreSQL writes a timestamp in JSON) and the reason.
        var data = (
            await Api.ScalarAsync<string>("SELECT string_agg(data::text, ' | ' ORDER BY id) FROM audit_log WHERE action = 'user.blocked'")
        );
        Assert.Equal(
            await Api.ScalarAsync<string>(
                "SELECT jsonb_build_object('until', @first, 'reason', 'Spam')::text || ' | ' || "
                    + "jsonb_build_object('until', @second, 'reason', 'Insultes')::text",
                new { first, second }
            ),
            data
        );
        Assert.Equal(
            1,
            await Api.ScalarAsync<long>(
                "SELECT count(*) FROM audit_log WHERE action = 'user.unblocked' AND target_id = @id",
                new { id = user.Id.ToString() }
            )
        );
    }
}
