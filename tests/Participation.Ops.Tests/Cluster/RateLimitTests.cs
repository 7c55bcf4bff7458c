using System.Net;
using Participation.Ops.Tests.Infrastructure;

namespace Participation.Ops.Tests.Cluster;

/// <summary>Rate limits are counted in the shared database: a limit holds across instances, not once per instance.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RateLimitTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Sign_ins_split_over_both_instances_are_refused_from_the_configured_total()
    {
        const string ip = "127.0.0.5"; // this test's own client address: its own per-IP window
        using var toA = NginxProxy.ClientFrom(ip, cluster.A.BaseAddress);
        using var toB = NginxProxy.ClientFrom(ip, cluster.B.BaseAddress);
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 2 * ClusterFixture.AuthPermits; i++)
        {
            using var response = await (i % 2 == 0 ? toA : toB).SendAsync(ClusterHttp.Login($"limit{i}-{Guid.NewGuid():N}@example.org"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                Assert.True(response.Headers.RetryAfter is not null, "429 without Retry-After");
        }

        Assert.Equal(ClusterFixture.AuthPermits, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(ClusterFixture.AuthPermits, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.All(statuses.Skip(ClusterFixture.AuthPermits), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        var counters = await ClusterHttp.CountersAsync(cluster.Database, "login");
        // One shared count: the permitted sign-ins, then one refusal per instance (refused, a key stays refused on that
        // instance until its window ends, without asking the database again).
        Assert.Equal(ClusterFixture.AuthPermits + 2, counters[$"login:{ip}"]);
    }

    [Fact]
    public async Task Parallel_sign_ins_on_both_instances_never_get_more_than_the_limit_through()
    {
        const string ip = "127.0.0.8";
        using var toA = NginxProxy.ClientFrom(ip, cluster.A.BaseAddress);
        using var toB = NginxProxy.ClientFrom(ip, cluster.B.BaseAddress);

        var responses = await Task.WhenAll(
            Enumerable
                .Range(0, 20)
                .Select(i => (i % 2 == 0 ? toA : toB).SendAsync(ClusterHttp.Login($"par{i}-{Guid.NewGuid():N}@example.org")))
        );

        Assert.Equal(ClusterFixture.AuthPermits, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(20 - ClusterFixture.AuthPermits, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        foreach (var response in responses)
            response.Dispose();
    }
}
