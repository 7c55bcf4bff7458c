using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Infrastructure.Jobs;
using Participation.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Participation.Api.Tests.Tenancy;

/// <summary>
/// Issue 19's isolation proof for background work: every periodic job's pass for city A leaves city B's rows (its outbox,
/// notifications, deliveries, checkpoints) as they were, though B has work waiting; with the passes for every city, each
/// city's e-mails go to its own people only.
/// </summary>
[Collection(IsolationCollection.Name)]
public sealed class JobIsolationTests(IsolationFactory api, ITestOutputHelper output)
{
    private static readonly Guid A = IsolationFactory.CityA;
    private static readonly Guid B = IsolationFactory.CityB;

    [Fact]
    public async Task Every_job_s_pass_for_city_A_leaves_city_B_s_rows_alone_though_B_has_work_waiting()
    {
        await WorkWaitingInBothCitiesAsync();
        var before = await api.ChecksumsAsync(B);

        var jobs = api.Services.GetServices<IPeriodicJob>().ToList();
        var failures = new List<string>();
        using (CityScope.Enter(A))
            foreach (var job in jobs)
                await UntilIdleAsync(job, job.RunOnceAsync, failures);
        await api.AssertUnchangedAsync(B, before, "the jobs' passes for city A");

        using (CityScope.Enter(B))
            foreach (var job in jobs)
                await UntilIdleAsync(job, job.RunOnceAsync, failures);
        var afterB = await api.ChecksumsAsync(B);
        var changedByB = before.Keys.Where(t => before[t] != afterB[t]).ToList();
        output.WriteLine($"{jobs.Count} jobs: {string.Join(", ", jobs.Select(j => j.Name))}");
        output.WriteLine($"B's own passes then changed: {string.Join(", ", changedByB)}; failed passes: {string.Join("; ", failures)}");
        Assert.NotEmpty(changedByB); // there was work of B's that A's passes could have done
    }

    [Fact]
    public async Task With_the_passes_for_every_city_each_city_s_e_mails_and_notifications_stay_its_own()
    {
        await WorkWaitingInBothCitiesAsync();
        var cities = api.Services.GetRequiredService<CityList>();
        var failures = new List<string>();
        foreach (var job in api.Services.GetServices<IPeriodicJob>())
            await UntilIdleAsync(job, ct => job.PerCity ? cities.ForEachAsync(job.RunOnceAsync, ct) : job.RunOnceAsync(ct), failures);

        await using var owner = new NpgsqlConnection(api.OwnerConnectionString);
        // An address that is a person of another city but of not this one must never get this city's e-mail.
        var crossed = await owner.QueryAsync<string>(
            """
            SELECT o.city_id || ' → ' || o.to_address
              FROM email_outbox o
             WHERE EXISTS (SELECT 1 FROM users u WHERE u.city_id <> o.city_id AND lower(u.email) = lower(o.to_address))
               AND NOT EXISTS (SELECT 1 FROM users u WHERE u.city_id = o.city_id AND lower(u.email) = lower(o.to_address))
            """
        );
        var foreignNotifications = await owner.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.city_id <> n.city_id"
        );
        var mails = await owner.QueryAsync<(Guid City, long Count)>("SELECT city_id, count(*) FROM email_outbox GROUP BY city_id");

        output.WriteLine($"e-mails per city: {string.Join(", ", mails)}; failed passes: {string.Join("; ", failures)}");
        Assert.Empty(crossed);
        Assert.Equal(0, foreignNotifications);
        Assert.Equal(2, mails.Count(m => m.Count > 0));
    }

    /// <summary>New activity in both cities (a comment on a followed idea, a registration, a support grant that has just
    /// ended), so that the jobs have work in each.</summary>
    private async Task WorkWaitingInBothCitiesAsync()
    {
        await using (var owner = new NpgsqlConnection(api.OwnerConnectionString))
            await owner.ExecuteAsync(
                """
                INSERT INTO support_grants (id, city_id, starts_at, ends_at)
                SELECT gen_random_uuid(), c, now() - interval '3 hours', now() - interval '1 hour' FROM unnest(@Cities) AS c
                """,
                new { Cities = new[] { A, B } }
            );
        var w = api.B;
        var comment = await w.C.B.PostJsonAsync($"/api/v1/ideas/{w.Idea}/comments", new { body = $"{IsolationFactory.Marker} encore" });
        Assert.True(comment.IsSuccessStatusCode, await comment.Content.ReadAsStringAsync());
        foreach (var host in new[] { "a.test", "b.test" })
        {
            var client = api.CreateClient();
            client.DefaultRequestHeaders.Host = host;
            var register = await client.PostJsonAsync(
                "/api/v1/auth/register",
                new
                {
                    email = $"new-{Guid.NewGuid():N}@example.org",
                    password = ApiFactory.Password,
                    firstName = "Nouvelle",
                    lastName = host == "b.test" ? IsolationFactory.Marker : "VilleA",
                    acceptedTermsVersion = "1",
                }
            );
            Assert.True(register.IsSuccessStatusCode, await register.Content.ReadAsStringAsync());
        }
    }

    private static async Task UntilIdleAsync(IPeriodicJob job, Func<CancellationToken, Task<int>> pass, List<string> failures)
    {
        for (var i = 0; i < 10; i++)
            try
            {
                if (await pass(CancellationToken.None) <= 0)
                    return;
            }
            catch (Exception ex)
            {
                failures.Add($"{job.Name}: {ex.Message}");
                return;
            }
    }
}
