using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Participation.Ops.Tests.Infrastructure;

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

    [Fact]
    public async Task An_account_deleted_through_one_instance_is_refused_by_the_other_which_had_its_role_version_kept()
    {
        var email = await ClusterHttp.RegisterAsync(cluster.A.Client, "erased");
        using var login = await cluster.A.Client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ClusterHttp.Password });
        var token = (await ClusterHttp.JsonAsync(login)).GetProperty("accessToken").GetString();
        async Task<HttpStatusCode> MeAsync(ApiProcess instance)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await instance.Client.SendAsync(request);
            return response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await MeAsync(cluster.B)); // B reads the version, and keeps it

        using var deletion = new HttpRequestMessage(HttpMethod.Post, "/api/v1/me/deletion")
        {
            Content = JsonContent.Create(new { password = ClusterHttp.Password }),
        };
        deletion.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using (var deleted = await cluster.A.Client.SendAsync(deletion))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        // A, which deleted it, refuses the token at once; B as soon as the database's notification reaches it.
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(cluster.A));
        var onB = HttpStatusCode.OK;
        for (var i = 0; i < 300 && onB != HttpStatusCode.Unauthorized; i++)
        {
            onB = await MeAsync(cluster.B);
            if (onB != HttpStatusCode.Unauthorized)
                await Task.Delay(100);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, onB);
    }
}
