using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Tarn.Blocks.Memory;
using Tarn.Catalog.Entries;
using Tarn.Catalog.Objects;
using Tarn.Kv.Sqlite;
using Tarn.Versioning.Graveler;
using Tarn.Versioning.Refs;

namespace Tarn.Catalog.Tests.Footprint;

/// <summary>
/// Issue 3's T13: a staged object costs at most 300 bytes of the metadata store (lakeFS: about 1.5 KiB). Measured
/// on a real SQLite file: realistic paths and catalog entries staged in random order, then the database file's
/// growth after a checkpoint, divided by the number of entries. A size, not a time, so it can be a test.
/// </summary>
public sealed class StagedEntryFootprintTests : IDisposable
{
    private const int Entries = 20_000;
    private const int MaxBytesPerEntry = 300;

    private readonly string _directory = Directory.CreateTempSubdirectory("tarn-footprint-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_staged_entry_costs_at_most_300_bytes_of_the_metadata_store()
    {
        // Durability does not change the footprint; without an fsync per write the test takes a second, not five.
        var options = SqliteKvOptions.ForDirectory(_directory, syncWrites: false);
        long grown;
        await using (var kv = new SqliteKvStore(options))
        {
            var versions = VersionController.Create(kv, new MemoryBlockAdapter());
            // Long names on purpose: the cost must not grow with them.
            await versions.CreateRepositoryAsync(new RepositoryCreation("analytics-production-events", "mem://bucket/analytics"), Ct);
            await versions.CreateBranchAsync("analytics-production-events", "feature-backfill-2026-11", "main", Ct);
            var before = await SizeAfterCheckpointAsync(options.Path);
            var order = Enumerable.Range(0, Entries).ToArray();
            new Random(7).Shuffle(order);
            foreach (var i in order)
            {
                var path = $"datasets/events/dt=2026-11-{(i % 28) + 1:D2}/part-{i:D6}-c000.snappy.parquet";
                var entry = new ObjectEntry
                {
                    Address = DataAddresses.New(DateTimeOffset.UtcNow),
                    Size = 1_234_567 + i,
                    Checksum = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(path))),
                    ContentType = "application/octet-stream",
                    LastModified = DateTimeOffset.UtcNow,
                };
                await versions.SetAsync("analytics-production-events", "feature-backfill-2026-11", Encoding.UTF8.GetBytes(path), EntryCodec.Encode(entry), cancellationToken: Ct);
            }

            grown = await SizeAfterCheckpointAsync(options.Path) - before;
        }

        var perEntry = grown / (double)Entries;
        TestContext.Current.SendDiagnosticMessage($"{perEntry:F0} bytes of metadata store per staged entry");
        Assert.True(perEntry <= MaxBytesPerEntry, $"{perEntry:F0} bytes per staged entry (limit {MaxBytesPerEntry})");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<long> SizeAfterCheckpointAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync(Ct);
        return new FileInfo(path).Length;
    }
}
