using BenchmarkDotNet.Attributes;
using Tarn.Benchmarks.RangeFiles;
using Tarn.Blocks;
using Tarn.Blocks.Memory;
using Tarn.Versioning.Committed;
using Tarn.Versioning.Model;

namespace Tarn.Benchmarks.Graveler;

/// <summary>
/// T8: the two-way diff of two 1M-record trees that differ in <see cref="Changes"/> records, either spread over
/// the whole key space (every change in its own range) or clustered in one run of keys. Ranges with equal IDs
/// are skipped unread, so the cost is that of the ranges holding changes. Memory stores, warm range cache.
/// Run: <c>dotnet run -c Release --project bench/Tarn.Benchmarks -- --filter '*DiffBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class DiffBenchmarks
{
    private static readonly StorageNamespace Namespace = StorageNamespace.Parse("mem://bench/diff");

    private CommittedManager _committed = null!;
    private MetaRangeId _base;
    private MetaRangeId _changed;

    [Params(1, 10, 100, 1000, 10000)]
    public int Changes { get; set; }

    [Params(true, false)]
    public bool Spread { get; set; }

    public int Records { get; } = int.TryParse(Environment.GetEnvironmentVariable("TARN_BENCH_RECORDS"), out var n) ? n : 1_000_000;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<int> DiffTwoTrees()
    {
        var found = 0;
        await using var diff = await _committed.DiffAsync(Namespace, _base, _changed);
        while (await diff.MoveNextAsync())
        {
            found++;
        }

        return found == Changes ? found : throw new InvalidOperationException($"diff found {found} differences, expected {Changes}");
    }

    private async Task SetupAsync()
    {
        _committed = new CommittedManager(new MemoryBlockAdapter(), new CommittedManagerOptions { CacheBytes = 2L << 30 });
        _base = (await _committed.ApplyAsync(Namespace, MetaRangeId.Empty, new GeneratedRecords(Records), new ApplyOptions(AllowEmpty: true))).MetaRangeId;
        var keys = Enumerable.Range(0, Changes).Select(j => Spread ? (int)((long)Records * j / Changes) + 3 : (Records / 3) + j);
        var changes = new ListChanges([.. keys.Select(i => new ValueRecord(BenchmarkRecords.Key(i), new Value(BenchmarkRecords.Identity(i ^ 0x777), BenchmarkRecords.Data(i))))]);
        _changed = (await _committed.ApplyAsync(Namespace, _base, changes, new ApplyOptions(AllowEmpty: true))).MetaRangeId;
    }
}
