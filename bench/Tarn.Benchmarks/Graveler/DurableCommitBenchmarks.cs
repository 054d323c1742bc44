using BenchmarkDotNet.Attributes;
using Tarn.Benchmarks.RangeFiles;
using Tarn.Blocks;
using Tarn.Blocks.Local;
using Tarn.Kv.Sqlite;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;

namespace Tarn.Benchmarks.Graveler;

/// <summary>
/// T6 on real storage: a commit of one staged change on a large branch with the SQLite metadata store
/// (synchronous=FULL) and the local block store (every range file fsynced), next to
/// <see cref="CommittedManager.ApplyAsync"/> of one change on the same stores as the baseline. The base tree
/// (1M records; TARN_BENCH_RECORDS=10000000 for 10M, about a minute of setup and 2 GB of disk) is built once.
/// Run: <c>dotnet run -c Release --project bench/Tarn.Benchmarks -- --filter '*DurableCommitBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class DurableCommitBenchmarks
{
    private const string Repository = "bench-repo";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tarn-bench-" + Guid.NewGuid().ToString("N"));
    private StorageNamespace _namespace = null!;
    private SqliteKvStore _kv = null!;
    private VersionController _controller = null!;
    private MetaRangeId _baseTree;
    private int _round;

    public int Records { get; } = int.TryParse(Environment.GetEnvironmentVariable("TARN_BENCH_RECORDS"), out var n) ? n : 1_000_000;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _kv.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public async Task<MetaRangeId> ApplyOneChange()
    {
        var round = _round++;
        var i = Target(round);
        var changes = new SingleChange(new ValueRecord(BenchmarkRecords.Key(i), new Value(BenchmarkRecords.Identity(i ^ round ^ 0x5A5A5A), BenchmarkRecords.Data(i))));
        return (await _controller.Committed.ApplyAsync(_namespace, _baseTree, changes, new ApplyOptions(AllowEmpty: true))).MetaRangeId;
    }

    [Benchmark]
    public async Task<CommitRecord> CommitOneChange()
    {
        var round = _round++;
        var i = Target(round);
        await _controller.SetAsync(Repository, "main", BenchmarkRecords.Key(i), new Value(BenchmarkRecords.Identity(i ^ round ^ 0x3C3C3C), BenchmarkRecords.Data(i)));
        return await _controller.CommitAsync(Repository, "main", new CommitParams("bench", "one change"));
    }

    private async Task SetupAsync()
    {
        Directory.CreateDirectory(_directory);
        _kv = new SqliteKvStore(SqliteKvOptions.ForDirectory(_directory));
        IBlockAdapter blocks = new LocalBlockAdapter(new LocalBlockstoreOptions(Path.Combine(_directory, "blocks")));
        _namespace = StorageNamespace.Parse("local://bench/graveler");
        _controller = new VersionController(
            _kv, blocks, TimeProvider.System, new VersionControllerOptions { Committed = new CommittedManagerOptions { CacheBytes = 4L << 30 } });
        await _controller.CreateRepositoryAsync(new RepositoryCreation(Repository, _namespace.Canonical));
        _baseTree = (await _controller.Committed.ApplyAsync(_namespace, MetaRangeId.Empty, new GeneratedRecords(Records), new ApplyOptions(AllowEmpty: true))).MetaRangeId;
        await _controller.CommitAsync(Repository, "main", new CommitParams("bench", "base") { SourceMetaRange = _baseTree });
    }

    private int Target(int round) => (int)((long)Records * ((round % 8) + 1) / 9);
}
