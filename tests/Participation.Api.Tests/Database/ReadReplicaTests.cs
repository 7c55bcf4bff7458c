using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Database;

/// <summary>The read replica's parts that need no standby (the standby itself: tests/Participation.Ops.Tests/Replica).</summary>
public sealed class ReadReplicaTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Without_a_replica_stale_reads_open_the_primary_and_writes_carry_no_read_after_position()
    {
        var reads = Api.Services.GetRequiredService<StaleReads>();
        Assert.False(reads.Configured);
        var primary = new NpgsqlConnectionStringBuilder(Api.ConnectionString);
        await using (var connection = await reads.OpenConnectionAsync())
        {
            Assert.Equal(primary.Port, connection.Port);
            Assert.False(await Dapper.SqlMapper.ExecuteScalarAsync<bool>(connection, "SELECT pg_is_in_recovery()"));
        }

        var response = await Api.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = "nobody@example.org", password = "x" });
        Assert.False(response.Headers.Contains(ReadAfter.Header));
        Assert.False(
            response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(ReadAfter.Cookie))
        );
    }

    [Fact]
    public async Task A_replica_host_that_is_not_a_standby_is_never_read()
    {
        var primary = new NpgsqlConnectionStringBuilder(Api.ConnectionString);
        await using var router = new ReplicaRouter(
            new ReplicaOptions { ReplicaHosts = $"{primary.Host}:{primary.Port}" },
            Api.ConnectionString,
            (CityDataSources)Api.Services.GetService(typeof(CityDataSources))!
        );
        Assert.True(router.Configured);
        await using var source = NpgsqlDataSource.Create(Api.ConnectionString);
        await router.PollAsync(source, CancellationToken.None);
        Assert.False(router.AnyEligible(0)); // the primary answers "not in recovery"
        Assert.Null(router.LagSeconds());
    }

    [Fact]
    public void Read_after_positions_read_both_ways_and_ignore_garbage()
    {
        Assert.Equal("16/B374D848", ReadAfter.Format(ReadAfter.Parse("16/B374D848")));
        Assert.Equal(0UL, ReadAfter.Parse("not a position"));
        Assert.Equal(0UL, ReadAfter.Parse(null));
        Assert.True(ReadAfter.Parse("1/0") > ReadAfter.Parse("0/FFFFFFFF"));
    }
}
