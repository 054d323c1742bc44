using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Tarn.Benchmarks.RangeFiles;
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
    private DurableBenchRepository _repository = null!;
    private long _treeBytes;
    private int _round;

    public int Records { get; } = int.TryParse(Environment.GetEnvironmentVariable("TARN_BENCH_RECORDS"), out var n) ? n : 10_000_000;

    public int Staged { get; } = int.TryParse(Environment.GetEnvironmentVariable("TARN_BENCH_STAGED"), out var n) ? n : 500_000;

    [GlobalSetup]
    public void Setup()
    {
        _repository = DurableBenchRepository.CreateAsync(Records, new CommittedManagerOptions()).GetAwaiter().GetResult();
        _treeBytes = new DirectoryInfo(_repository.BlocksRoot).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length);
    }

    [GlobalCleanup]
    public void Cleanup() => _repository.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(CommitSpreadChanges))]
    public void StageSpreadChanges()
    {
        // As the server's background cleanup would have: the previous iteration's consumed tokens go first.
        new StagingTokenSweeper(_repository.Kv).RunOnceAsync().AsTask().GetAwaiter().GetResult();
        StageAsync(_round++).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public long WriteTreeBytesSequentially()
    {
        var path = Path.Combine(_repository.Directory, "baseline.bin");
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
        await _repository.Controller.CommitAsync(DurableBenchRepository.Name, "main", new CommitParams("bench", "spread changes"));

    private async Task StageAsync(int round)
    {
        var step = Math.Max(1, Records / Staged);
        await Parallel.ForEachAsync(Enumerable.Range(0, Staged), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (j, cancellationToken) =>
        {
            var i = (int)Math.Min(Records - 1, (long)j * step);
            var value = new Value(BenchmarkRecords.Identity(i ^ ((round + 1) << 24)), BenchmarkRecords.Data(i));
            await _repository.Controller.SetAsync(DurableBenchRepository.Name, "main", BenchmarkRecords.Key(i), value, cancellationToken: cancellationToken);
        });
    }
}
