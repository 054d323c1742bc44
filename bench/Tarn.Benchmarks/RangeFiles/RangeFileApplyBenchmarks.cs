using BenchmarkDotNet.Attributes;
using Tarn.Blocks;
using Tarn.Blocks.Memory;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Model;

namespace Tarn.Benchmarks.RangeFiles;

/// <summary>
/// A commit of one change onto a large tree (the "1 change on a 10M-object branch" target): one range
/// is read and rewritten, the metarange is rewritten, everything else is reused by ID. The tree is
/// built in memory once per parameter set; set TARN_BENCH_RECORDS=10000000 to run it at 10M (about
/// 2 GB of memory and a minute of setup). Successive commits toggle a value on a few keys, so after the
/// first round the files they produce already exist and their uploads are skipped: the figure is the
/// engine's cost (read, encode, hash), not the object store's.
/// </summary>
[MemoryDiagnoser]
public class RangeFileApplyBenchmarks
{
    private static readonly StorageNamespace Namespace = StorageNamespace.Parse("mem://bench/repo");

    private CommittedManager _manager = null!;
    private MetaRangeId _tree;
    private int[] _targets = [];
    private int _round;

    [Params(1024, 4096, 16384)]
    public int SplitModulus { get; set; }

    public int Records { get; } = int.TryParse(Environment.GetEnvironmentVariable("TARN_BENCH_RECORDS"), out var n) ? n : 1_000_000;

    [GlobalSetup]
    public void Setup()
    {
        _manager = new CommittedManager(new MemoryBlockAdapter(), new CommittedManagerOptions { SplitModulus = SplitModulus, CacheBytes = 4L << 30 });
        var records = new GeneratedRecords(Records);
        _tree = _manager.ApplyAsync(Namespace, MetaRangeId.Empty, records, new ApplyOptions(AllowEmpty: true)).GetAwaiter().GetResult().MetaRangeId;
        _targets = [.. Enumerable.Range(1, 8).Select(i => (int)((long)Records * i / 9))];
    }

    [Benchmark]
    public async Task<MetaRangeId> ApplyOneChange()
    {
        var round = _round++;
        var i = _targets[round % _targets.Length];
        var value = new Value(BenchmarkRecords.Identity(i + 1 + ((round / _targets.Length) % 2)), BenchmarkRecords.Data(i));
        var changes = new SingleChange(new ValueRecord(BenchmarkRecords.Key(i), value));
        return (await _manager.ApplyAsync(Namespace, _tree, changes, new ApplyOptions(AllowEmpty: true))).MetaRangeId;
    }
}
