using System.Net;
using System.Net.Http.Headers;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Participation.Api.Features.Support;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Support;

/// <summary>
/// A support grant that simply ends is closed like a revoked one (issue 19): the job's pass takes the support user's admin
/// role back (the staff list no longer shows them), records the end once even when two instances pass at once, and leaves
/// the roles alone while another grant of the city is open.
/// </summary>
public sealed class SupportExpiryTests(SupportCitiesApiFactory api) : IClassFixture<SupportCitiesApiFactory>, IAsyncLifetime
{
    private const string SupportRoles = """
        SELECT count(*) FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.support_operator_id IS NOT NULL
        """;

    public async Task InitializeAsync()
    {
        await using var connection = await api.OpenAsync();
        await connection.ExecuteAsync("DELETE FROM support_grants;"); // the owner's connection: every city's
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient On(string host, string? token = null)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Host = host;
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>An admin of city A grants access; support opens a session there (its city user becomes an admin).</summary>
    private async Task<(HttpClient Admin, Guid Grant, Guid SupportUser)> GrantAndOpenAsync()
    {
        var user = await api.CreateUserAsync(firstName: "Ada", lastName: "Admin", role: "admin");
        var admin = api.ClientFor(user.Id);
        admin.DefaultRequestHeaders.Host = "a.test";
        var grant = (await (await admin.PostJsonAsync("/api/v1/support/grants", new { hours = 2 })).ReadJsonAsync())[
            "id"
        ]!.GetValue<Guid>();
        var console = On(
            "console.test",
            api.Services.GetRequiredService<OperatorTokens>().Issue(SupportCitiesApiFactory.SupportPerson, "support", 1, false).Token
        );
        var session = await console.PostJsonAsync("/api/v1/operator/support/sessions", new { cityId = CityScope.DefaultCity });
        Assert.True(session.StatusCode == HttpStatusCode.OK, await session.Content.ReadAsStringAsync());
        return (admin, grant, (await session.ReadJsonAsync())["userId"]!.GetValue<Guid>());
    }

    private Task EndAsync(Guid grant) =>
        api.ScalarAsync<int>(
            """
            UPDATE support_grants SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 second'
             WHERE id = @grant RETURNING 1
            """,
            new { grant }
        );

    private async Task<int[]> TwoParallelPassesAsync()
    {
        var job = api.Services.GetRequiredService<SupportExpiry>();
        using (CityScope.Enter(CityScope.DefaultCity))
            return await Task.WhenAll(Task.Run(() => job.RunOnceAsync(default)), Task.Run(() => job.RunOnceAsync(default)));
    }

    private Task<long> ExpiredEventsAsync(Guid grant) =>
        api.ScalarAsync<long>(
            "SELECT count(*) FROM events WHERE type = 'support.expired' AND subject_id = @id",
            new { id = grant.ToString() }
        );

    private async Task<bool> ListedAsAdminAsync(HttpClient admin, Guid user)
    {
        var admins = await (await admin.GetAsync("/api/v1/users?role=admin&limit=100")).ReadJsonAsync();
        return admins["items"]!.AsArray().Any(u => u!["id"]!.GetValue<Guid>() == user);
    }

    [Fact]
    public async Task An_ended_grant_loses_its_support_admin_once_even_with_two_passes_at_once()
    {
        var (admin, grant, supportUser) = await GrantAndOpenAsync();
        Assert.True(await ListedAsAdminAsync(admin, supportUser));
        await EndAsync(grant);

        var passes = await TwoParallelPassesAsync();
        var third = await TwoParallelPassesAsync();

        Assert.Equal([0, 1], passes.Order());
        Assert.Equal([0, 0], third);
        Assert.Equal(0L, await api.ScalarAsync<long>(SupportRoles));
        Assert.False(await ListedAsAdminAsync(admin, supportUser));
        Assert.Equal(1L, await ExpiredEventsAsync(grant));
        var log = await (await admin.GetAsync("/api/v1/audit-log?action=support.expired")).ReadJsonAsync();
        Assert.Contains(log["items"]!.AsArray(), e => e!["targetId"]!.GetValue<string>() == grant.ToString());
        var list = await (await admin.GetAsync("/api/v1/support/grants")).ReadJsonAsync();
        Assert.Equal("expired", list["items"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task While_another_grant_is_open_the_support_admin_keeps_the_role()
    {
        var (admin, grant, supportUser) = await GrantAndOpenAsync();
        await EndAsync(grant);
        var next = await admin.PostJsonAsync("/api/v1/support/grants", new { hours = 1 });
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);

        var passes = await TwoParallelPassesAsync();

        Assert.Equal(1, passes.Sum());
        Assert.True(await ListedAsAdminAsync(admin, supportUser));
        Assert.Equal(1L, await ExpiredEventsAsync(grant));
    }
}
