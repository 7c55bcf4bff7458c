using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Participation.Api.Features.Exports;
using Participation.Api.Features.Grants;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Participation.Api.Tests.Features.Exports;

/// <summary>
/// Exports stream in constant memory (QUALITY.md §4): the same export of 10 times more rows writes about 10 times more
/// bytes, while the memory the process holds (the managed heap after a full collection, sampled as the file is written)
/// does not grow with them. No timing is involved.
/// </summary>
[Collection(ApiCollection.Alone)] // measures the process's memory
public sealed class ExportMemoryTests(ApiFactory api, ITestOutputHelper output) : ApiTest(api)
{
    private const int Small = 4_000;
    private const int Large = 40_000;

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    [Trait("Category", "Volume")]
    public async Task Ten_times_more_rows_take_ten_times_more_bytes_and_no_more_memory(string format)
    {
        var c = await IdeaCity.CreateAsync(Api);
        // Generated in SQL, without the foreign-key triggers in this one transaction (every reference is valid by construction);
        // the slug trigger does not run either, so the slugs are given.
        await using (var connection = await Api.OpenAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync(
                """
                SET LOCAL session_replication_role = replica;
                INSERT INTO ideas (id, project_id, author_id, title, slug, body, likes_count, created_at)
                SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, CASE WHEN i <= @Small THEN @P2 ELSE @P1 END, @Author,
                       'Idée numéro ' || i, 'idee-numero-' || i,
                       '<p>' || repeat('Un texte assez long pour peser dans le fichier. ', 8) || i || '</p>',
                       i % 7, timestamptz '2030-01-01' + make_interval(secs => i)
                  FROM generate_series(1, @Small + @Large) i;
                INSERT INTO idea_topics (idea_id, topic_id)
                SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, t.id
                  FROM generate_series(1, @Small + @Large) i CROSS JOIN topics t WHERE t.name ->> 'fr' IN ('mobilité', 'vélo');
                """,
                new
                {
                    c.P1,
                    c.P2,
                    Author = c.ResidentA.Id,
                    Small,
                    Large,
                },
                tx,
                commandTimeout: 300
            );
            await tx.CommitAsync();
            await connection.ExecuteAsync("ANALYZE ideas;");
        }
        var db = Api.Services.GetRequiredService<Participation.Api.Infrastructure.Database.StaleReads>();
        async Task<(long Rows, long Bytes, long Peak)> Export(Guid project)
        {
            var spec = new ExportWriter.Spec(
                ExportKind.Ideas,
                format == "xlsx" ? ExportFormat.Xlsx : ExportFormat.Csv,
                ScopeType.Project,
                project,
                null,
                null,
                "fr",
                false
            );
            await using var sink = new SamplingStream(sampleEvery: format == "xlsx" ? 32 * 1024 : 256 * 1024);
            var rows = await ExportWriter.WriteAsync(db, spec, sink, null, CancellationToken.None);
            return (rows, sink.Length, sink.PeakGrowth);
        }

        await Export(c.P2); // warms up (JIT, pools, prepared statements)
        var small = await Export(c.P2);
        var large = await Export(c.P1);

        output.WriteLine($"{format}: {small.Rows:N0} rows {small.Bytes / 1e6:F1} MB peak +{small.Peak / 1e6:F1} MB held");
        output.WriteLine($"{format}: {large.Rows:N0} rows {large.Bytes / 1e6:F1} MB peak +{large.Peak / 1e6:F1} MB held");
        Assert.Equal((Small, Large), (small.Rows, large.Rows));
        Assert.True(large.Bytes > 8 * small.Bytes, $"{large.Bytes} bytes for 10x the rows of {small.Bytes}");
        Assert.True(
            large.Peak < small.Peak + 8_000_000,
            $"held +{large.Peak / 1e6:F1} MB for {Large} rows, +{small.Peak / 1e6:F1} MB for {Small}"
        );
        Assert.True(large.Peak < 24_000_000, $"the export held {large.Peak / 1e6:F1} MB");
    }

    /// <summary>
    /// A write-only stream that discards what it gets, counting the bytes; every <c>sampleEvery</c> bytes it measures the
    /// managed heap after a full collection (what is still held), and keeps the largest growth over the heap at its start.
    /// </summary>
    private sealed class SamplingStream(int sampleEvery) : Stream
    {
        private readonly long _baseline = GC.GetTotalMemory(forceFullCollection: true);
        private long _length;
        private long _next = sampleEvery;

        public long PeakGrowth { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Count(count);

        public override void Write(ReadOnlySpan<byte> buffer) => Count(buffer.Length);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            Count(buffer.Length);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct)
        {
            Count(count);
            return Task.CompletedTask;
        }

        private void Count(int bytes)
        {
            _length += bytes;
            if (_length < _next)
                return;
            _next = _length + sampleEvery;
            PeakGrowth = Math.Max(PeakGrowth, GC.GetTotalMemory(forceFullCollection: true) - _baseline);
        }

        public override void Flush() { }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
