using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Tarn.Benchmarks.RangeFiles;
using Tarn.Blocks;
using Tarn.Blocks.Local;
using Tarn.Kv.Sqlite;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;
using Tarn.Versioning.Staging;

namespace Tarn.Benchmarks.Graveler;

/// <summary>
/// T7 on real storage: a commit of 500k staged changes spread over a 10M-record branch (one change every 20
/// records, so every range is rewritten), with the SQLite metadata store and the local block store at the
/// default cache size. Each iteration stages new values for the same keys first (not measured: 8 writers
/// through the engine). The baseline writes as many bytes as the branch's range files hold to one file,
/// sequentially, and fsyncs it: the least a commit that rewrites every range must do.
/// TARN_BENCH_RECORDS / TARN_BENCH_STAGED change the sizes (defaults 10,000,000 and 500,000: about a minute
/// of setup, 2.5 GB of disk, then ~30 s of staging per iteration).
/// Run: <c>dotnet run -c Release --project bench/Tarn.Benchmarks -- --filter '*LargeCommitBenchmarks*'</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class LargeCommitBenchmarks
{
    private const string Repository = "bench-repo";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tarn-bench-" + Guid.NewGuid().ToString("N"));
    private SqliteKvStore _kv = null!;
    private VersionController _controller = null!;
    private long _treeBytes;
    private int _round;

    public int Records { get; } = int.TryParse(Environment.GetEnvironmentVariable("TARN_BENCH_RECORDS"), out var n) ? n : 10_000_000;

    public int Staged { get; } = int.TryParse(Environment.GetEnvironmentVariable("TARN_BENCH_STAGED"), out var n) ? n : 500_000;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _kv.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }

    [IterationSetup(Target = nameof(CommitSpreadChanges))]
    public void StageSpreadChanges()
    {
        // As the server's background cleanup would have: the previous iteration's consumed tokens go first.
        new StagingTokenSweeper(_kv).RunOnceAsync().AsTask().GetAwaiter().GetResult();
        StageAsync(_round++).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public long WriteTreeBytesSequentially()
    {
        var path = Path.Combine(_directory, "baseline.bin");
        var chunk = new byte[1024 * 1024];
        Random.Shared.NextBytes(chunk);
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            for (long written = 0; written < _treeBytes; written += chunk.Length)
            {
                file.Write(chunk);
            }

            file.Flush(flushToDisk: true);
        }

        File.Delete(path);
        return _treeBytes;
    }

    [Benchmark]
    public async Task<CommitRecord> CommitSpreadChanges() =>
        await _controller.CommitAsync(Repository, "main", new CommitParams("bench", "spread changes"));

    private async Task SetupAsync()
    {
        Directory.CreateDirectory(_directory);
        _kv = new SqliteKvStore(SqliteKvOptions.ForDirectory(_directory));
        var blocksRoot = Path.Combine(_directory, "blocks");
        IBlockAdapter blocks = new LocalBlockAdapter(new LocalBlockstoreOptions(blocksRoot));
        var storageNamespace = StorageNamespace.Parse("local://bench/graveler");
        _controller = new VersionController(_kv, blocks, TimeProvider.System, new VersionControllerOptions { Committed = new CommittedManagerOptions() });
        await _controller.CreateRepositoryAsync(new RepositoryCreation(Repository, storageNamespace.Canonical));
        var tree = (await _controller.Committed.ApplyAsync(storageNamespace, MetaRangeId.Empty, new GeneratedRecords(Records), new ApplyOptions(AllowEmpty: true))).MetaRangeId;
        await _controller.CommitAsync(Repository, "main", new CommitParams("bench", "base") { SourceMetaRange = tree });
        _treeBytes = new DirectoryInfo(blocksRoot).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length);
    }

    private async Task StageAsync(int round)
    {
        var step = Math.Max(1, Records / Staged);
        await Parallel.ForEachAsync(Enumerable.Range(0, Staged), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (j, cancellationToken) =>
        {
            var i = (int)Math.Min(Records - 1, (long)j * step);
            var value = new Value(BenchmarkRecords.Identity(i ^ ((round + 1) << 24)), BenchmarkRecords.Data(i));
            await _controller.SetAsync(Repository, "main", BenchmarkRecords.Key(i), value, cancellationToken: cancellationToken);
        });
    }
}
