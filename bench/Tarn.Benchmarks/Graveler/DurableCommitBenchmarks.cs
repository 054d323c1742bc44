using BenchmarkDotNet.Attributes;
using Tarn.Benchmarks.RangeFiles;
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
    private DurableBenchRepository _repository = null!;
    private int _round;

    public int Records { get; } = int.TryParse(Environment.GetEnvironmentVariable("TARN_BENCH_RECORDS"), out var n) ? n : 1_000_000;

    [GlobalSetup]
    public void Setup() =>
        _repository = DurableBenchRepository.CreateAsync(Records, new CommittedManagerOptions { CacheBytes = 4L << 30 }).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _repository.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public async Task<MetaRangeId> ApplyOneChange()
    {
        var round = _round++;
        var i = Target(round);
        var changes = new SingleChange(new ValueRecord(BenchmarkRecords.Key(i), new Value(BenchmarkRecords.Identity(i ^ round ^ 0x5A5A5A), BenchmarkRecords.Data(i))));
        return (await _repository.Controller.Committed.ApplyAsync(_repository.Namespace, _repository.BaseTree, changes, new ApplyOptions(AllowEmpty: true))).MetaRangeId;
    }

    [Benchmark]
    public async Task<CommitRecord> CommitOneChange()
    {
        var round = _round++;
        var i = Target(round);
        await _repository.Controller.SetAsync(DurableBenchRepository.Name, "main", BenchmarkRecords.Key(i), new Value(BenchmarkRecords.Identity(i ^ round ^ 0x3C3C3C), BenchmarkRecords.Data(i)));
        return await _repository.Controller.CommitAsync(DurableBenchRepository.Name, "main", new CommitParams("bench", "one change"));
    }

    private int Target(int round) => (int)((long)Records * ((round % 8) + 1) / 9);
}
