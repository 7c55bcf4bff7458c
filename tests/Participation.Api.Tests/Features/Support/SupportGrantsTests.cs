using System.Net;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Support;

/// <summary>
/// Support with consent, the city's side (issue 19): an admin grants the vendor's support a time-limited access (48 hours by
/// default, 1 to 168), extends it by granting again, revokes it; the history says who did what; each step is in the audit log.
/// </summary>
[Collection(ApiCollection.B)]
public sealed class SupportGrantsTests(ApiFactory api) : ApiTest(api)
{
    private async Task<(HttpClient Client, TestUser User)> AdminAsync()
    {
        var admin = await Api.CreateUserAsync(firstName: "Ada", lastName: "Admin", role: "admin");
        return (Api.ClientFor(admin.Id), admin);
    }

    [Fact]
    public async Task An_admin_grants_support_access_for_48_hours_by_default_and_the_audit_log_shows_it()
    {
        var (admin, user) = await AdminAsync();

        var response = await admin.PostJsonAsync("/api/v1/support/grants", new { reason = "Import des projets bloqué" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var grant = await response.ReadJsonAsync();
        Assert.Equal("active", grant["status"]!.GetValue<string>());
        Assert.Equal("Import des projets bloqué", grant["reason"]!.GetValue<string>());
        Assert.Equal(user.Id, grant["grantedBy"]!["id"]!.GetValue<Guid>());
        var hours = (grant["endsAt"]!.GetValue<DateTimeOffset>() - grant["startsAt"]!.GetValue<DateTimeOffset>()).TotalHours;
        Assert.InRange(hours, 47.99, 48.01);
        var log = await (await admin.GetAsync("/api/v1/audit-log?action=support.")).ReadJsonAsync();
        var entry = Assert.Single(log["items"]!.AsArray());
        Assert.Equal("support.granted", entry!["action"]!.GetValue<string>());
        Assert.Equal("support_grant", entry["targetType"]!.GetValue<string>());
        Assert.False(entry["viaSupport"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Granting_again_while_access_is_open_moves_the_end_of_the_same_grant()
    {
        var (admin, _) = await AdminAsync();
        var first = await (await admin.PostJsonAsync("/api/v1/support/grants", new { hours = 2 })).ReadJsonAsync();

        var second = await (
            await admin.PostJsonAsync("/api/v1/support/grants", new { hours = 72, reason = "Encore un peu" })
        ).ReadJsonAsync();

        Assert.Equal(first["id"]!.GetValue<Guid>(), second["id"]!.GetValue<Guid>());
        Assert.True(second["endsAt"]!.GetValue<DateTimeOffset>() > first["endsAt"]!.GetValue<DateTimeOffset>().AddHours(69));
        var list = await (await admin.GetAsync("/api/v1/support/grants")).ReadJsonAsync();
        Assert.Single(list["items"]!.AsArray());
        Assert.Equal(first["id"]!.GetValue<Guid>(), list["active"]!["id"]!.GetValue<Guid>());
        Assert.Equal(2L, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'support.granted'"));
    }

    [Fact]
    public async Task Revoking_closes_the_grant_once_and_the_history_says_who_granted_and_who_revoked()
    {
        var (admin, user) = await AdminAsync();
        var id = (await (await admin.PostJsonAsync("/api/v1/support/grants", new { hours = 4 })).ReadJsonAsync())["id"]!.GetValue<Guid>();

        var revoked = await admin.DeleteAsync($"/api/v1/support/grants/{id}");
        var again = await admin.DeleteAsync($"/api/v1/support/grants/{id}");
        var unknown = await admin.DeleteAsync($"/api/v1/support/grants/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        var list = await (await admin.GetAsync("/api/v1/support/grants")).ReadJsonAsync();
        Assert.Null(list["active"]);
        var grant = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal("revoked", grant["status"]!.GetValue<string>());
        Assert.Equal(user.Id, grant["revokedBy"]!["id"]!.GetValue<Guid>());
        Assert.Equal(1L, await Api.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'support.revoked'"));

        // A new grant begins afresh; the history keeps both.
        var next = await (await admin.PostJsonAsync("/api/v1/support/grants", new { hours = 1 })).ReadJsonAsync();
        Assert.NotEqual(id, next["id"]!.GetValue<Guid>());
        Assert.Equal(2, (await (await admin.GetAsync("/api/v1/support/grants")).ReadJsonAsync())["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_expired_grant_is_listed_as_expired_and_cannot_be_revoked()
    {
        var (admin, _) = await AdminAsync();
        var id = (await (await admin.PostJsonAsync("/api/v1/support/grants", new { hours = 1 })).ReadJsonAsync())["id"]!.GetValue<Guid>();
        await Api.ScalarAsync<int>(
            """
            UPDATE support_grants SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour'
             WHERE id = @id RETURNING 1
            """,
            new { id }
        );

        var revoke = await admin.DeleteAsync($"/api/v1/support/grants/{id}");

        await revoke.AssertProblemAsync(HttpStatusCode.Conflict);
        var list = await (await admin.GetAsync("/api/v1/support/grants")).ReadJsonAsync();
        Assert.Equal("expired", list["items"]![0]!["status"]!.GetValue<string>());
        Assert.Null(list["active"]);
    }

    [Theory]
    [InlineData("""{"hours":0}""", "hours")]
    [InlineData("""{"hours":169}""", "hours")]
    [InlineData("""{"hours":-5}""", "hours")]
    [InlineData("""{"reason":"a\u0000b"}""", "reason")]
    public async Task Bad_input_is_a_400_with_the_field_and_writes_nothing(string body, string field)
    {
        var (admin, _) = await AdminAsync();

        var response = await admin.PostAsync("/api/v1/support/grants", Http.Json(body));

        await response.AssertFieldErrorsAsync(field);
        Assert.Equal(0L, await Api.CountAsync("support_grants"));
        Assert.Equal(0L, await Api.CountAsync("events"));
    }

    [Fact]
    public async Task A_reason_over_500_characters_or_hours_that_are_not_a_number_are_refused()
    {
        var (admin, _) = await AdminAsync();

        var tooLong = await admin.PostJsonAsync("/api/v1/support/grants", new { reason = new string('x', 501) });
        var notNumber = await admin.PostAsync("/api/v1/support/grants", Http.Json("""{"hours":"beaucoup"}"""));

        await tooLong.AssertFieldErrorsAsync("reason");
        await notNumber.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0L, await Api.CountAsync("support_grants"));
    }
}
