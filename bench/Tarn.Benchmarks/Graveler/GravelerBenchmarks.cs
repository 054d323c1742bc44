using BenchmarkDotNet.Attributes;
using Tarn.Benchmarks.RangeFiles;
using Tarn.Blocks;
using Tarn.Blocks.Memory;
using Tarn.Kv;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Model;
using Tarn.Versioning.Refs;

namespace Tarn.Benchmarks.Graveler;

/// <summary>
/// The engine through its facade on a large branch: commit of one staged change, merge of 1,000
/// non-conflicting changes (a contiguous run of keys), and 16 concurrent merges into one branch; each next to the committed-storage
/// work alone (<see cref="CommittedManager.ApplyAsync"/> of the same changes onto the same tree), so the
/// ratio shows what refs, staging, CAS and merge-base add. The base tree (1M records; set
/// TARN_BENCH_RECORDS=10000000 for 10M, about 3 GB of memory and a few minutes of setup) is built once
/// with ApplyAsync and installed with a <c>source_metarange</c> commit. Memory KV and object store, so
/// the figures are the engine's cost, not the storage's.
/// Run: <c>dotnet run -c Release --project bench/Tarn.Benchmarks -- --filter '*GravelerBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class GravelerBenchmarks
{
    private const string Repository = "bench-repo";
    private const int MergeChanges = 1_000;
    private const int ConcurrentMerges = 16;
    private static readonly StorageNamespace Namespace = StorageNamespace.Parse("mem://bench/graveler");

    private VersionController _controller = null!;
    private MetaRangeId _baseTree;
    private int _round;
    private int _branchSerial;
    private string[] _sources = [];

    public int Records { get; } = int.TryParse(Environment.GetEnvironmentVariable("TARN_BENCH_RECORDS"), out var n) ? n : 1_000_000;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public async Task<MetaRangeId> ApplyOneChange()
    {
        var round = _round++;
        var changes = new SingleChange(new ValueRecord(BenchmarkRecords.Key(Target(round)), NextValue(Target(round) + round)));
        return (await _controller.Committed.ApplyAsync(Namespace, _baseTree, changes, new ApplyOptions(AllowEmpty: true))).MetaRangeId;
    }

    [Benchmark]
    public async Task<CommitRecord> CommitOneChange()
    {
        var round = _round++;
        var i = Target(round);
        await _controller.SetAsync(Repository, "main", BenchmarkRecords.Key(i), NextValue(i + round));
        return await _controller.CommitAsync(Repository, "main", new CommitParams("bench", "one change"));
    }

    [Benchmark]
    public async Task<MetaRangeId> ApplyThousandChanges()
    {
        var round = _round++;
        var changes = new ListChanges([.. ClusteredKeys(Target(round), MergeChanges).Select(i => new ValueRecord(BenchmarkRecords.Key(i), NextValue(i + round)))]);
        return (await _controller.Committed.ApplyAsync(Namespace, _baseTree, changes, new ApplyOptions(AllowEmpty: true))).MetaRangeId;
    }

    [IterationSetup(Target = nameof(MergeThousandChanges))]
    public void PrepareThousandChanges() => _sources = [PrepareSourceAsync(MergeChanges).GetAwaiter().GetResult()];

    [Benchmark]
    public Task<CommitRecord> MergeThousandChanges() =>
        _controller.MergeAsync(Repository, _sources[0], "main", new MergeParams("bench"));

    [IterationSetup(Target = nameof(SixteenConcurrentMerges))]
    public void PrepareConcurrentMerges() =>
        _sources = [.. Enumerable.Range(0, ConcurrentMerges).Select(_ => PrepareSourceAsync(1).GetAwaiter().GetResult())];

    [Benchmark]
    public Task<CommitRecord[]> SixteenConcurrentMerges() =>
        Task.WhenAll(_sources.Select(source => Task.Run(() => _controller.MergeAsync(Repository, source, "main", new MergeParams("bench")))));

    private async Task SetupAsync()
    {
        _controller = VersionController.Create(
            new MemoryKvStore(), new MemoryBlockAdapter(), TimeProvider.System, new VersionControllerOptions { Committed = new CommittedManagerOptions { CacheBytes = 4L << 30 } });
        await _controller.CreateRepositoryAsync(new RepositoryCreation(Repository, Namespace.Canonical));
        _baseTree = (await _controller.Committed.ApplyAsync(Namespace, MetaRangeId.Empty, new GeneratedRecords(Records), new ApplyOptions(AllowEmpty: true))).MetaRangeId;
        await _controller.CommitAsync(Repository, "main", new CommitParams("bench", "base") { SourceMetaRange = _baseTree });
    }

    /// <summary>A branch from main with <paramref name="changes"/> committed changes, and main moved on by one change elsewhere (so the merge is three-way).</summary>
    private async Task<string> PrepareSourceAsync(int changes)
    {
        var branch = $"src{_branchSerial++}";
        await _controller.CreateBranchAsync(Repository, branch, "main");
        // Each source changes its own run of keys, as a job rewriting one partition would; spread over the
        // whole tree, 1,000 changes would touch most ranges and measure a rewrite of the tree instead.
        var start = (int)((long)Records * (_branchSerial % 97) / 100);
        foreach (var key in ClusteredKeys(start, changes))
        {
            await _controller.SetAsync(Repository, branch, BenchmarkRecords.Key(key), NextValue(key + _branchSerial));
        }

        await _controller.CommitAsync(Repository, branch, new CommitParams("bench", "changes"));
        var other = Records - 1 - (_branchSerial % 1000);
        await _controller.SetAsync(Repository, "main", BenchmarkRecords.Key(other), NextValue(other + _branchSerial + 1));
        await _controller.CommitAsync(Repository, "main", new CommitParams("bench", "diverge"));
        return branch;
    }

    private static IEnumerable<int> ClusteredKeys(int start, int count) => Enumerable.Range(start, count);

    private int Target(int round) => (int)((long)Records * ((round % 8) + 1) / 9);

    private static Value NextValue(int seed) => new(BenchmarkRecords.Identity(seed ^ 0x5A5A5A), BenchmarkRecords.Data(seed));
}
