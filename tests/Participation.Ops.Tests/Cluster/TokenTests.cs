using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Participation.Ops.Tests.Cluster;

/// <summary>Tokens are the cluster's, not an instance's: signed with the shared key, sessions in the database.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TokenTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_token_issued_by_one_instance_works_on_the_other_which_refreshes_it()
    {
        var email = await ClusterHttp.RegisterAsync(cluster.A.Client, "token");
        using var login = await cluster.A.Client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ClusterHttp.Password });
        var issued = await ClusterHttp.JsonAsync(login);

        using var meOnB = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        meOnB.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issued.GetProperty("accessToken").GetString());
        using var me = await cluster.B.Client.SendAsync(meOnB);
        Assert.Equal(email, (await ClusterHttp.JsonAsync(me)).GetProperty("email").GetString());

        using var refresh = await cluster.B.Client.PostAsJsonAsync(
            "/api/v1/auth/refresh",
            new { refreshToken = issued.GetProperty("refreshToken").GetString() }
        );
        var refreshed = await ClusterHttp.JsonAsync(refresh);
        using var meOnA = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        meOnA.Headers.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.GetProperty("accessToken").GetString());
        using var again = await cluster.A.Client.SendAsync(meOnA);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        // The refresh token B rotated is spent on A too.
        using var reused = await cluster.A.Client.PostAsJsonAsync(
            "/api/v1/auth/refresh",
            new { refreshToken = issued.GetProperty("refreshToken").GetString() }
        );
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
    }
}
