using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Tarn.Kv.Sqlite;

namespace Tarn.Benchmarks.Kv;

/// <summary>
/// Point reads from the embedded metadata store (every request reads a few records), against the baseline
/// measured in the same run: a raw SQLite point read through one prepared statement on the same table layout.
/// </summary>
[MemoryDiagnoser]
public class SqliteReadBenchmarks
{
    private const int Rows = 100_000;
    private const string Partition = "bench-partition";
    private string _directory = "";
    private SqliteKvStore _store = null!;
    private SqliteConnection _raw = null!;
    private SqliteCommand _rawGet = null!;
    private byte[][] _keys = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("tarn-bench-kvread-").FullName;
        _store = new SqliteKvStore(new SqliteKvOptions(Path.Combine(_directory, "tarn.db"), SyncWrites: false));
        _keys = [.. Enumerable.Range(0, Rows).Select(i => Encoding.UTF8.GetBytes($"datasets/events/part-{i:D7}.parquet"))];
        var value = new byte[200];
        Parallel.ForEach(_keys, new ParallelOptions { MaxDegreeOfParallelism = 16 }, key => _store.SetAsync(Partition, key, value).AsTask().GetAwaiter().GetResult());

        _raw = new SqliteConnection($"Data Source={Path.Combine(_directory, "tarn.db")};Mode=ReadOnly;Pooling=False");
        _raw.Open();
        _rawGet = _raw.CreateCommand();
        _rawGet.CommandText = "SELECT value FROM kv WHERE partition = $partition AND key = $key";
        _rawGet.Parameters.Add("$partition", SqliteType.Text).Value = Partition;
        _rawGet.Parameters.Add("$key", SqliteType.Blob);
        _rawGet.Prepare();
        new Random(1).Shuffle(_keys);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _rawGet.Dispose();
        _raw.Dispose();
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public byte[]? RawPreparedRead()
    {
        _rawGet.Parameters[1].Value = _keys[_next++ % Rows];
        using var reader = _rawGet.ExecuteReader();
        return reader.Read() ? reader.GetFieldValue<byte[]>(0) : null;
    }

    [Benchmark]
    public async Task<byte[]?> StoreRead() => (await _store.GetAsync(Partition, _keys[_next++ % Rows]))?.Value;
}
