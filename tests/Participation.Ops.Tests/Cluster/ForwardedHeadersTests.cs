using System.Net;
using Participation.Ops.Tests.Infrastructure;

namespace Participation.Ops.Tests.Cluster;

/// <summary>
/// X-Forwarded-For is honoured from the proxy's address only: sent by a client straight to an instance, it is ignored
/// (the per-IP limit and audit addresses cannot be spoofed); through nginx, the client's real address is the one used.
/// The per-IP rate limit's key (rate_limit_counters) shows which address the instance took.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ForwardedHeadersTests(ClusterFixture cluster)
{
    private const string Spoofed = "10.9.9.9";

    [Fact]
    public async Task A_forwarded_for_sent_straight_to_an_instance_is_ignored()
    {
        using var direct = NginxProxy.ClientFrom("127.0.0.6", cluster.A.BaseAddress);

        using var response = await direct.SendAsync(ClusterHttp.Login($"direct-{Guid.NewGuid():N}@example.org", Spoofed));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var counters = await ClusterHttp.CountersAsync(cluster.Database, "login");
        Assert.Equal(1, counters["login:127.0.0.6"]);
        Assert.DoesNotContain($"login:{Spoofed}", counters.Keys);
    }

    [Fact]
    public async Task Through_the_proxy_the_clients_address_is_the_one_used_whatever_it_claims()
    {
        using var viaProxy = NginxProxy.ClientFrom("127.0.0.7", cluster.Proxy.BaseAddress);

        // nginx appends the address it sees to what the client claimed; the instance takes nginx's entry only.
        for (var i = 0; i < 2; i++)
        {
            using var response = await viaProxy.SendAsync(ClusterHttp.Login($"proxied{i}-{Guid.NewGuid():N}@example.org", Spoofed));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var counters = await ClusterHttp.CountersAsync(cluster.Database, "login");
        Assert.Equal(2, counters["login:127.0.0.7"]);
        Assert.DoesNotContain($"login:{Spoofed}", counters.Keys);
        Assert.DoesNotContain($"login:{NginxProxy.Source}", counters.Keys);
    }
}
