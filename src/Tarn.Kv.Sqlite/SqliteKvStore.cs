using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Tarn.Kv.Sqlite;

/// <summary>
/// The embedded metadata store (lakeFS's <c>database.type: local</c>): one SQLite database file in WAL
/// mode. Writes go through a group-commit loop (one transaction and one fsync per batch of concurrent
/// writes); reads use their own read-only connections and see every acknowledged write.
/// </summary>
/// <remarks>
/// Construct it with <c>new SqliteKvStore(new SqliteKvOptions(path))</c> or
/// <see cref="SqliteKvOptions.ForDirectory"/>; the constructor opens (or creates) the file, so a bad path
/// fails at start-up. One store per file per process: the file is not meant to be shared with another
/// writer. SQLite's driver is synchronous, so reads complete on the calling thread.
/// Database failures surface as <see cref="SqliteException"/>. A write that fails inside a batch fails
/// alone: the batch is rolled back and its other writes are re-applied one by one (see
/// <c>SqliteGroupCommitWriter</c>), so no caller ever sees a half-applied batch.
/// </remarks>
public sealed class SqliteKvStore : IKvStore
{
    private const int ScanBatchRows = 1000;
    // A scan batch also stops at this many bytes, so scanning large values does not buffer a gigabyte.
    private const long ScanBatchBytes = 4L * 1024 * 1024;

    private const string GetSql = $"SELECT value FROM {SqliteSchema.Table} WHERE partition = $partition AND key = $key";
    private const string ScanFromSql = $"SELECT key, value FROM {SqliteSchema.Table} WHERE partition = $partition AND key >= $key ORDER BY key LIMIT $limit";
    private const string ScanAfterSql = $"SELECT key, value FROM {SqliteSchema.Table} WHERE partition = $partition AND key > $key ORDER BY key LIMIT $limit";

    private readonly SqliteGroupCommitWriter _writer;
    private readonly SqliteReadPool _reads;
    private int _disposed;

    /// <summary>Opens or creates the database file named by <paramref name="options"/>.</summary>
    public SqliteKvStore(SqliteKvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxIdleReadConnections, nameof(options));
        var path = Path.GetFullPath(options.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var writerConnection = SqliteSchema.OpenWriter(options with { Path = path });
        try
        {
            _writer = new SqliteGroupCommitWriter(writerConnection);
        }
        catch
        {
            writerConnection.Dispose();
            throw;
        }

        _reads = new SqliteReadPool(path, options.MaxIdleReadConnections);
    }

    public ValueTask<KvEntry?> GetAsync(string partition, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default)
    {
        KvGuard.Check(partition, key);
        cancellationToken.ThrowIfCancellationRequested();
        var keyBytes = key.ToArray();
        var connection = _reads.Rent();
        try
        {
            var command = connection.Command(GetSql, ("$partition", SqliteType.Text), ("$key", SqliteType.Blob));
            command.Parameters[0].Value = partition;
            command.Parameters[1].Value = keyBytes;
            using var reader = command.ExecuteReader();
            return ValueTask.FromResult(reader.Read() ? new KvEntry(keyBytes, reader.GetFieldValue<byte[]>(0)) : null);
        }
        finally
        {
            _reads.Return(connection);
        }
    }

    public async ValueTask SetAsync(string partition, ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        KvGuard.Check(partition, key);
        await WriteAsync(new SqliteWriteOp(SqliteWriteKind.Set, partition, key.ToArray(), value.ToArray(), []), cancellationToken);
    }

    public ValueTask<bool> SetIfAsync(string partition, ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> value, KvPredicate predicate, CancellationToken cancellationToken = default)
    {
        KvGuard.Check(partition, key);
        var op = predicate.MustBeAbsent
            ? new SqliteWriteOp(SqliteWriteKind.SetIfAbsent, partition, key.ToArray(), value.ToArray(), [])
            : new SqliteWriteOp(SqliteWriteKind.SetIfValue, partition, key.ToArray(), value.ToArray(), predicate.ExpectedValue.ToArray());
        return WriteAsync(op, cancellationToken);
    }

    public async ValueTask DeleteAsync(string partition, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default)
    {
        KvGuard.Check(partition, key);
        await WriteAsync(new SqliteWriteOp(SqliteWriteKind.Delete, partition, key.ToArray(), [], []), cancellationToken);
    }

    public IAsyncEnumerable<KvEntry> ScanAsync(string partition, ReadOnlyMemory<byte> fromKey, CancellationToken cancellationToken = default)
    {
        // Checked here rather than in the iterator, so misuse fails at the call, not at the first MoveNext.
        KvGuard.CheckPartition(partition);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return ScanIterator(partition, fromKey.ToArray(), cancellationToken);
    }

    /// <summary>Finishes every queued write, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Readers close first: the connection that closes last folds the WAL back into the database
        // file and removes it, and only the writer can do that.
        _reads.Dispose();
        await _writer.DisposeAsync();
    }

    private async ValueTask<bool> WriteAsync(SqliteWriteOp op, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // The registration lives exactly as long as the caller waits; once the loop has claimed the op,
        // cancellation no longer applies (see SqliteWriteOp).
        using var registration = cancellationToken.UnsafeRegister(
            static (state, token) => ((SqliteWriteOp)state!).Cancel(token), op);
        if (_disposed != 0 || !_writer.TryEnqueue(op))
        {
            throw new ObjectDisposedException(nameof(SqliteKvStore));
        }

        return await op.Completion;
    }

    private async IAsyncEnumerable<KvEntry> ScanIterator(string partition, byte[] cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var inclusive = true;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (batch, exhausted) = ReadBatch(partition, cursor, inclusive);
            foreach (var entry in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return entry;
            }

            if (exhausted)
            {
                yield break;
            }

            // Continue strictly after the last key seen: rows added or deleted behind the cursor are
            // never repeated, and no read transaction stays open while the caller works.
            cursor = batch[^1].Key;
            inclusive = false;
            await Task.Yield();
        }
    }

    private (List<KvEntry> Batch, bool Exhausted) ReadBatch(string partition, byte[] cursor, bool inclusive)
    {
        var batch = new List<KvEntry>();
        var connection = _reads.Rent();
        try
        {
            var command = connection.Command(
                inclusive ? ScanFromSql : ScanAfterSql, ("$partition", SqliteType.Text), ("$key", SqliteType.Blob), ("$limit", SqliteType.Integer));
            command.Parameters[0].Value = partition;
            command.Parameters[1].Value = cursor;
            command.Parameters[2].Value = ScanBatchRows;
            using var reader = command.ExecuteReader();
            long bytes = 0;
            while (bytes < ScanBatchBytes)
            {
                if (!reader.Read())
                {
                    return (batch, batch.Count < ScanBatchRows);
                }

                var entry = new KvEntry(reader.GetFieldValue<byte[]>(0), reader.GetFieldValue<byte[]>(1));
                bytes += entry.Key.Length + entry.Value.Length;
                batch.Add(entry);
            }

            return (batch, false);
        }
        finally
        {
            _reads.Return(connection);
        }
    }
}
