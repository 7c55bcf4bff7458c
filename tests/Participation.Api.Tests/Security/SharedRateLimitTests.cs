using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Participation.Api.Infrastructure.Security;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Security;

/// <summary>The API with 10 logins per IP and window, counted in PostgreSQL (rate_limit_counters).</summary>
public sealed class SharedRateLimitApiFactory : ClientIpApiFactory
{
    public SharedRateLimitApiFactory()
    {
        Set("RateLimits:AuthPermits", "10");
        Set("RateLimits:AuthWindowSeconds", "600");
    }
}

/// <summary>The rate limits' shared store: one counter per key in the database, whatever the instance counting.</summary>
public sealed class SharedRateLimitTests(SharedRateLimitApiFactory api) : IClassFixture<SharedRateLimitApiFactory>
{
    private RateLimitStore Store => api.Services.GetRequiredService<RateLimitStore>();

    [Fact]
    public async Task Parallel_hits_on_one_key_never_exceed_the_limit()
    {
        var key = $"test:{Guid.NewGuid():N}";

        var outcomes = await Task.WhenAll(
            Enumerable.Range(0, 40).Select(_ => Task.Run(() => Store.HitAsync(key, 10, TimeSpan.FromMinutes(10), CancellationToken.None)))
        );

        Assert.Equal(10, outcomes.Count(o => o.Allowed));
        Assert.All(outcomes.Where(o => !o.Allowed), o => Assert.InRange(o.RetryAfter.TotalSeconds, 1, 600));
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        Assert.Equal(40, await connection.ExecuteScalarAsync<int>("SELECT hits FROM rate_limit_counters WHERE key = @key", new { key }));
    }

    [Fact]
    public async Task Parallel_hits_on_several_keys_are_counted_per_key()
    {
        var keys = Enumerable.Range(0, 3).Select(i => $"test:several{i}:{Guid.NewGuid():N}").ToArray();

        var outcomes = await Task.WhenAll(
            Enumerable
                .Range(0, 60)
                .Select(i =>
                    Task.Run(async () =>
                        (Key: keys[i % 3], Outcome: await Store.HitAsync(keys[i % 3], 7, TimeSpan.FromMinutes(10), default))
                    )
                )
        );

        await using var connection = new NpgsqlConnection(api.ConnectionString);
        foreach (var key in keys)
        {
            Assert.Equal(7, outcomes.Count(o => o.Key == key && o.Outcome.Allowed));
            Assert.Equal(
                20,
                await connection.ExecuteScalarAsync<int>("SELECT hits FROM rate_limit_counters WHERE key = @key", new { key })
            );
        }
    }

    [Fact]
    public async Task Parallel_logins_from_one_IP_get_exactly_the_permitted_number_through()
    {
        var client = api.CreateClient();

        var responses = await Task.WhenAll(
            Enumerable
                .Range(0, 25)
                .Select(i =>
                    client.SendAsync(
                        new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
                        {
                            Content = Http.Json($$"""{"email":"parallel{{i}}@example.org","password":"wrong password!"}"""),
                            Headers = { { ClientIpApiFactory.Header, "10.40.0.1" } },
                        }
                    )
                )
        );

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(15, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        foreach (var limited in responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests))
        {
            var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
            var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single());
            Assert.InRange(retryAfter, 1, 600);
            Assert.Equal(retryAfter, problem["retryAfter"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task An_ended_window_starts_again_and_the_cleanup_deletes_old_windows_only()
    {
        var ended = $"test:ended:{Guid.NewGuid():N}";
        var old = $"test:old:{Guid.NewGuid():N}";
        var current = $"test:current:{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.ExecuteAsync(
            """
            INSERT INTO rate_limit_counters (key, hits, window_ends_at)
            VALUES (@ended, 99, now() - interval '1 second'), (@old, 99, now() - interval '2 minutes'),
                   (@current, 1, now() + interval '10 minutes');
            """,
            new
            {
                ended,
                old,
                current,
            }
        );

        var again = await Store.HitAsync(ended, 10, TimeSpan.FromSeconds(20), CancellationToken.None);
        await new RateLimitCleanup(api.Services.GetRequiredService<NpgsqlDataSource>()).RunOnceAsync(CancellationToken.None);

        Assert.True(again.Allowed);
        Assert.InRange(again.RetryAfter.TotalSeconds, 1, 20);
        var left = (await connection.QueryAsync<string>("SELECT key FROM rate_limit_counters WHERE key LIKE 'test:%:%'")).ToHashSet();
        Assert.DoesNotContain(old, left);
        Assert.Contains(ended, left);
        Assert.Contains(current, left);
    }

    [Fact]
    public async Task When_the_database_does_not_answer_requests_are_let_through()
    {
        await using var unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=nobody;Timeout=2");
        var store = new RateLimitStore(unreachable, NullLogger<RateLimitStore>.Instance);

        var outcome = await store.HitAsync("test:unreachable", 1, TimeSpan.FromSeconds(20), CancellationToken.None);

        Assert.True(outcome.Allowed);
    }
}
