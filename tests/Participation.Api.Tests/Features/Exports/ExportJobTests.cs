using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Participation.Api.Features.Exports;
using Participation.Api.Infrastructure.Storage;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Exports;

/// <summary>The background job and the life of an export: claimed once, progress, rights checked again, expiry, limits.</summary>
[Collection(ApiCollection.B)]
public sealed class ExportJobTests(ApiFactory api) : ApiTest(api)
{
    private ExportJob NewJob(ExportOptions? options = null, IFileStorage? storage = null) =>
        new(
            Api.Services.GetRequiredService<Participation.Api.Infrastructure.Database.CityDb>(),
            Api.Services.GetRequiredService<Participation.Api.Infrastructure.Database.StaleReads>(),
            Api.Services.GetRequiredService<Participation.Api.Infrastructure.Database.ReplicaRouter>(),
            storage ?? Api.Services.GetRequiredService<IFileStorage>(),
            Options.Create(options ?? new ExportOptions()),
            NullLogger<ExportJob>.Instance
        );

    private string[] StoredFiles() =>
        Directory.Exists(Path.Combine(Api.StorageDirectory, "exports"))
            ? Directory.GetFiles(Path.Combine(Api.StorageDirectory, "exports"))
            : [];

    [Fact]
    public async Task Two_workers_racing_write_each_export_once()
    {
        var k = await ExportCity.CreateAsync(Api);
        var head = await k.HeadAsync();
        var single = await ExportCity.RequestAsync(head, ExportCity.Body("ideas", "csv", "department", k.D1));
        var (one, two) = (NewJob(), NewJob());

        var claimed = await Task.WhenAll(one.RunOnceAsync(CancellationToken.None), two.RunOnceAsync(CancellationToken.None));

        Assert.Equal(1, claimed.Sum());
        Assert.Equal(("ready", 1), await Api.StatusAsync(single));
        Assert.Single(StoredFiles());

        for (var i = 0; i < 4; i++)
            await ExportCity.RequestAsync(
                head,
                ExportCity.Body(i % 2 == 0 ? "comments" : "votes", i < 2 ? "xlsx" : "csv", "project", k.C.P1)
            );
        async Task<int> Drain(ExportJob job)
        {
            var n = 0;
            while (await job.RunOnceAsync(CancellationToken.None) > 0)
                n++;
            return n;
        }
        var drained = await Task.WhenAll(Drain(one), Drain(two));

        Assert.Equal(4, drained.Sum());
        Assert.Equal(5, await Api.ScalarAsync<long>("SELECT count(*) FROM exports WHERE status = 'ready' AND attempts = 1"));
        Assert.Equal(5, StoredFiles().Length);
    }

    [Fact]
    public async Task A_claim_left_by_a_stopped_instance_is_taken_over_once_its_lease_runs_out()
    {
        var k = await ExportCity.CreateAsync(Api);
        var id = await ExportCity.RequestAsync(await k.HeadAsync(), ExportCity.Body("ideas", "csv", "department", k.D1));
        // An instance claimed it, then vanished: its lease is still running, then it is over.
        await Api.ScalarAsync<int>(
            "UPDATE exports SET status = 'running', attempts = 1, locked_until = now() + interval '1 minute' WHERE id = @id RETURNING 1",
            new { id }
        );
        Assert.Equal(0, await NewJob().RunOnceAsync(CancellationToken.None));
        await Api.ScalarAsync<int>("UPDATE exports SET locked_until = now() - interval '1 second' WHERE id = @id RETURNING 1", new { id });

        Assert.Equal(1, await NewJob().RunOnceAsync(CancellationToken.None));

        Assert.Equal(("ready", 2), await Api.StatusAsync(id));
        Assert.EndsWith("-2.csv", await Api.ScalarAsync<string>("SELECT file_key FROM exports WHERE id = @id", new { id }));
        // One that keeps being interrupted is given up.
        var again = await ExportCity.RequestAsync(await k.HeadAsync(), ExportCity.Body("ideas", "csv", "department", k.D1));
        await Api.ScalarAsync<int>(
            "UPDATE exports SET status = 'running', attempts = 3, locked_until = now() - interval '1 second' WHERE id = @again RETURNING 1",
            new { again }
        );
        await NewJob().RunOnceAsync(CancellationToken.None);
        Assert.Equal(("failed", 4), await Api.StatusAsync(again));
        Assert.Equal("failed", (await ExportCity.GetAsync(await k.HeadAsync(), again))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_progress_moves_while_the_file_is_written()
    {
        var k = await ExportCity.CreateAsync(Api);
        await Api.ScalarAsync<int>(
            """
            INSERT INTO ideas (id, project_id, author_id, title, body, created_at)
            SELECT gen_random_uuid(), @P1, @A, 'Idée ' || i, 'Texte', timestamptz '2030-03-01' + make_interval(secs => i)
              FROM generate_series(1, 1500) i
            RETURNING 1
            """,
            new { k.C.P1, A = k.C.ResidentA.Id }
        );
        var id = await ExportCity.RequestAsync(await k.HeadAsync(), ExportCity.Body("ideas", "csv", "project", k.C.P1));
        var seen = new List<(long Done, long? Total)>();
        var storage = new WatchingStorage(Api.Services.GetRequiredService<IFileStorage>(), async () =>
        {
            await using var connection = await Api.OpenAsync();
            seen.Add(
                await connection.QuerySingleAsync<(long, long?)>("SELECT rows_done, rows_total FROM exports WHERE id = @id", new { id })
            );
        });

        await NewJob(new ExportOptions { ProgressEvery = 100 }, storage).RunOnceAsync(CancellationToken.None);

        // The CSV writer flushes every 500 rows: the file grows while rows_done follows, out of the total counted first.
        var during = seen.Where(s => s.Done is > 0 and < 1503).ToList();
        Assert.True(during.Select(s => s.Done).Distinct().Count() >= 2, string.Join(", ", seen));
        Assert.All(during, s => Assert.Equal(1503, s.Total));
        Assert.Equal(seen.Select(s => s.Done).Order(), seen.Select(s => s.Done));
        Assert.Equal(("ready", 1), await Api.StatusAsync(id));
        Assert.Equal(1503, await Api.ScalarAsync<long>("SELECT rows_done FROM exports WHERE id = @id", new { id }));
    }

    /// <summary>Reads the export's progress each time the job's file receives bytes.</summary>
    private sealed class WatchingStorage(IFileStorage inner, Func<Task> watch) : IFileStorage
    {
        public Task SaveAsync(string key, Stream content, CancellationToken ct) => inner.SaveAsync(key, content, ct);

        public Task<long> WriteAsync(string key, Func<Stream, CancellationToken, Task> write, CancellationToken ct) =>
            inner.WriteAsync(key, (stream, token) => write(new Watched(stream, watch), token), ct);

        public Task<Stream?> OpenAsync(string key, CancellationToken ct) => inner.OpenAsync(key, ct);

        public Task DeleteAsync(string key, CancellationToken ct) => inner.DeleteAsync(key, ct);

        private sealed class Watched(Stream inner, Func<Task> watch) : Stream
        {
            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => inner.Length;
            public override long Position
            {
                get => inner.Position;
                set => throw new NotSupportedException();
            }

            public override void Flush() => inner.Flush();

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count)
            {
                watch().GetAwaiter().GetResult();
                inner.Write(buffer, offset, count);
            }

            public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
            {
                await watch();
                await inner.WriteAsync(buffer, ct);
            }

            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
                WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();
        }
    }

    [Fact]
    public async Task A_role_lost_before_the_job_runs_fails_the_export_and_one_lost_after_refuses_the_download()
    {
        var k = await ExportCity.CreateAsync(Api);
        var head = await k.HeadAsync();
        var early = await ExportCity.RequestAsync(head, ExportCity.Body("participants", "csv", "department", k.D1));
        var ready = await ExportCity.RequestAsync(head, ExportCity.Body("ideas", "csv", "department", k.D1));
        await k.RunJobAsync();
        var late = await ExportCity.RequestAsync(head, ExportCity.Body("comments", "csv", "department", k.D1));
        var grant = await Api.ScalarAsync<Guid>(
            "SELECT id FROM user_roles WHERE user_id = @Id AND role = 'department_head'",
            new { k.C.City.Head1.Id }
        );
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await k.C.Admin.DeleteAsync($"/api/v1/users/{k.C.City.Head1.Id}/roles/{grant}")).StatusCode
        );
        var former = await k.HeadAsync(); // a token with the new role version

        await k.RunJobAsync();

        Assert.Equal(("ready", 1), await Api.StatusAsync(early));
        var failed = await ExportCity.GetAsync(former, late);
        Assert.Equal(("failed", "access_revoked"), (failed["status"]!.GetValue<string>(), failed["error"]!.GetValue<string>()));
        Assert.Null(failed["progress"]);
        Assert.DoesNotContain(StoredFiles(), f => f.Contains(late.ToString("N"), StringComparison.Ordinal));
        await (await former.GetAsync($"/api/v1/exports/{ready}/file")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await former.GetAsync($"/api/v1/exports/{late}/file")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Empty(await Api.EventsAsync("export.downloaded"));
    }

    [Fact]
    public async Task An_expired_export_answers_410_and_its_file_is_deleted()
    {
        var k = await ExportCity.CreateAsync(Api);
        var head = await k.HeadAsync();
        var id = await ExportCity.RequestAsync(head, ExportCity.Body("ideas", "xlsx", "department", k.D1));
        await k.RunJobAsync();
        Assert.Single(StoredFiles());
        await Api.ScalarAsync<int>("UPDATE exports SET expires_at = now() - interval '1 second' WHERE id = @id RETURNING 1", new { id });

        Assert.Equal("expired", (await ExportCity.GetAsync(head, id))["status"]!.GetValue<string>());
        await (await head.GetAsync($"/api/v1/exports/{id}/file")).AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Equal(1, await Api.Services.GetRequiredService<ExportRetention>().RunOnceAsync(CancellationToken.None));

        Assert.Empty(StoredFiles());
        Assert.Equal(("expired", 1), await Api.StatusAsync(id));
        Assert.Null(await Api.ScalarAsync<string?>("SELECT file_key FROM exports WHERE id = @id", new { id }));
        await (await head.GetAsync($"/api/v1/exports/{id}/file")).AssertProblemAsync(HttpStatusCode.Gone);
        Assert.Empty(await Api.EventsAsync("export.downloaded"));
        Assert.Equal(0, await Api.Services.GetRequiredService<ExportRetention>().RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_file_not_ready_is_a_409_and_anothers_export_a_404()
    {
        var k = await ExportCity.CreateAsync(Api);
        var head = await k.HeadAsync();
        var id = await ExportCity.RequestAsync(head, ExportCity.Body("ideas", "csv", "department", k.D1));

        await (await head.GetAsync($"/api/v1/exports/{id}/file")).AssertProblemAsync(HttpStatusCode.Conflict);
        await k.RunJobAsync();
        foreach (var other in new[] { k.C.Admin, await k.HeadAsync(2), k.C.A })
        {
            await (await other.GetAsync($"/api/v1/exports/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await other.GetAsync($"/api/v1/exports/{id}/file")).AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Empty((await (await other.GetAsync("/api/v1/exports")).ReadJsonAsync())["items"]!.AsArray());
        }
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync($"/api/v1/exports/{id}/file")).StatusCode);
    }

    [Fact]
    public async Task The_list_is_the_callers_own_newest_first_a_page_at_a_time()
    {
        var k = await ExportCity.CreateAsync(Api);
        var head = await k.HeadAsync();
        var ids = new List<Guid>();
        foreach (var kind in new[] { "ideas", "comments", "votes" })
            ids.Add(await ExportCity.RequestAsync(head, ExportCity.Body(kind, "csv", "department", k.D1)));
        await ExportCity.RequestAsync(k.C.Admin, ExportCity.Body("ideas", "csv", "platform", null));

        var first = await (await head.GetAsync("/api/v1/exports?limit=2")).ReadJsonAsync();
        var next = first["nextCursor"]!.GetValue<string>();
        var second = await (await head.GetAsync($"/api/v1/exports?limit=2&cursor={next}")).ReadJsonAsync();

        Assert.Equal([ids[2], ids[1]], first["items"]!.AsArray().Select(e => e!["id"]!.GetValue<Guid>()));
        Assert.Equal([ids[0]], second["items"]!.AsArray().Select(e => e!["id"]!.GetValue<Guid>()));
        Assert.Null(second["nextCursor"]);
        Assert.Equal("Espaces verts", first["items"]![0]!["scopeName"]!.GetValue<string>());
        await (await head.GetAsync("/api/v1/exports?limit=0")).AssertFieldErrorsAsync("limit");
        await (await head.GetAsync("/api/v1/exports?cursor=garbage")).AssertFieldErrorsAsync("cursor");
    }

    [Fact]
    public async Task One_person_may_have_five_exports_waiting_at_once()
    {
        var k = await ExportCity.CreateAsync(Api);
        var head = await k.HeadAsync();
        var body = ExportCity.Body("ideas", "csv", "department", k.D1);
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => head.PostAsJsonAsync("/api/v1/exports", body)));

        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Accepted))
            await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(5, await Api.CountAsync("exports"));
        Assert.Equal(5, (await Api.EventsAsync("export.requested")).Count);
        await k.RunJobAsync();
        await ExportCity.RequestAsync(head, body);
    }

    public static TheoryData<string, string> BadBodies() =>
        new()
        {
            { """{"kind":"everything","format":"csv","scopeType":"platform"}""", "kind" },
            { """{"kind":"ideas","format":"pdf","scopeType":"platform"}""", "format" },
            { """{"kind":"ideas","format":"csv","scopeType":"city"}""", "scopeType" },
            { """{"kind":"ideas","format":"csv","scopeType":"project"}""", "scopeId" },
            { """{"kind":"ideas","format":"csv","scopeType":"platform","scopeId":"0190a000-0000-7000-8000-00000000ff01"}""", "scopeId" },
            { """{"kind":"ideas","format":"csv","scopeType":"department","scopeId":"0190a000-0000-7000-8000-00000000ff01"}""", "scopeId" },
            {
                """{"kind":"ideas","format":"csv","scopeType":"platform","from":"2030-02-01T00:00:00Z","to":"2030-01-01T00:00:00Z"}""",
                "to"
            },
            { """{"kind":"ideas","format":"csv","scopeType":"platform","from":"yesterday"}""", "from" },
            { """{"format":"csv","scopeType":"platform"}""", "body" }, // a required member missing: the body does not bind
            { """{"kind":"ideas","format":"csv","scopeType":"platform","rowsDone":5}""", "rowsDone" },
            { """{"kind":"ideas","format":"csv","scopeType":"platform","scopeId":"nope"}""", "scopeId" },
        };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_a_400_naming_the_field_and_nothing_is_written(string body, string field)
    {
        var admin = Api.ClientFor((await Api.CreateUserAsync(role: "admin")).Id);

        var response = await admin.PostAsync("/api/v1/exports", Http.Json(body));

        await response.AssertFieldErrorsAsync(field);
        Assert.Equal(0, await Api.CountAsync("exports"));
        Assert.Empty(await Api.EventsAsync("export.requested"));
    }
}

internal static class ExportRows
{
    public static async Task<(string Status, int Attempts)> StatusAsync(this ApiFactory api, Guid id)
    {
        await using var connection = await api.OpenAsync();
        return await connection.QuerySingleAsync<(string, int)>("SELECT status, attempts FROM exports WHERE id = @id", new { id });
    }
}
