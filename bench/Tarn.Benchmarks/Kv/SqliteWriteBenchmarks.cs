using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Tarn.Kv.Sqlite;

namespace Tarn.Benchmarks.Kv;

/// <summary>
/// Durable writes to the embedded metadata store with 1, 8 and 64 concurrent writers, against the baseline
/// measured in the same run: raw SQLite inserts, one durable transaction each (WAL, synchronous=FULL),
/// which is what a store without group commit pays per write.
/// </summary>
[MemoryDiagnoser]
public class SqliteWriteBenchmarks
{
    private const int WritesPerInvocation = 512;
    private static readonly byte[] Value = new byte[200];
    private string _directory = "";
    private SqliteKvStore _store = null!;
    private SqliteConnection _raw = null!;
    private int _next;

    [Params(1, 8, 64)]
    public int Writers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("tarn-bench-kv-").FullName;
        _store = new SqliteKvStore(new SqliteKvOptions(Path.Combine(_directory, "tarn.db")));
        _raw = new SqliteConnection($"Data Source={Path.Combine(_directory, "raw.db")}");
        _raw.Open();
        using var pragma = _raw.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE IF NOT EXISTS kv(k BLOB PRIMARY KEY, v BLOB) WITHOUT ROWID;";
        pragma.ExecuteNonQuery();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _store.DisposeAsync();
        await _raw.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Baseline: one durable SQLite transaction per write, writers serialized on one connection.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = WritesPerInvocation)]
    public void RawSqliteInsert()
    {
        using var insert = _raw.CreateCommand();
        insert.CommandText = "INSERT OR REPLACE INTO kv(k, v) VALUES ($k, $v)";
        var key = insert.Parameters.Add("$k", SqliteType.Blob);
        insert.Parameters.AddWithValue("$v", Value);
        for (var i = 0; i < WritesPerInvocation; i++)
        {
            key.Value = BitConverter.GetBytes(Interlocked.Increment(ref _next));
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>Tarn's store: concurrent writers share one transaction (one fsync) per batch.</summary>
    [Benchmark(OperationsPerInvoke = WritesPerInvocation)]
    public async Task TarnSqliteStore()
    {
        var perWriter = WritesPerInvocation / Writers;
        var writers = new Task[Writers];
        for (var w = 0; w < Writers; w++)
        {
            writers[w] = Task.Run(async () =>
            {
                for (var i = 0; i < perWriter; i++)
                {
                    await _store.SetAsync("bench", BitConverter.GetBytes(Interlocked.Increment(ref _next)), Value);
                }
            });
        }

        await Task.WhenAll(writers);
    }
}
