using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace Tarn.Kv.Postgres;

/// <summary>
/// The PostgreSQL metadata store (lakeFS's <c>database.type: postgres</c>): one table
/// <c>(partition_key, key, value)</c>, one autocommitted statement per operation over a pooled
/// <see cref="NpgsqlDataSource"/>. Compare-and-swap maps to <c>INSERT … ON CONFLICT DO NOTHING</c> and
/// <c>UPDATE … WHERE value = expected</c>, so PostgreSQL's row locks settle races.
/// </summary>
/// <remarks>
/// The constructor does no I/O; the table is created (if missing) by the first operation, or up front by
/// <see cref="OpenAsync"/>, which the composition root should prefer so a wrong address fails at start-up.
/// Database failures surface as <see cref="NpgsqlException"/>.
/// </remarks>
public sealed class PostgresKvStore : IKvStore
{
    private const int ScanBatchRows = 1000;
    // A batch also stops at this many bytes, and the next one asks for fewer rows, so scanning
    // large values does not buffer a gigabyte.
    private const long ScanBatchBytes = 4L * 1024 * 1024;

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresKvSql _sql;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    public PostgresKvStore(PostgresKvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxOpenConnections, 1, nameof(options));
        _sql = new PostgresKvSql(options.TableName);
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.ToNpgsql(options.ConnectionString))
        {
            MaxPoolSize = options.MaxOpenConnections,
            ConnectionLifetime = (int)Math.Ceiling(options.ConnectionMaxLifetime.TotalSeconds),
        };
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, builder.MaxPoolSize);
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Creates the store and its table, so a wrong address or missing rights fail here.</summary>
    public static async Task<PostgresKvStore> OpenAsync(PostgresKvOptions options, CancellationToken cancellationToken = default)
    {
        var store = new PostgresKvStore(options);
        try
        {
            await store.EnsureSchemaAsync(cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public async ValueTask<KvEntry?> GetAsync(string partition, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default)
    {
        KvGuard.Check(partition, key);
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureSchemaAsync(cancellationToken);
        var keyBytes = key.ToArray();
        await using var command = Command(_sql.Get, partition, keyBytes);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new KvEntry(keyBytes, await reader.GetFieldValueAsync<byte[]>(0, cancellationToken))
            : null;
    }

    public async ValueTask SetAsync(string partition, ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        KvGuard.Check(partition, key);
        await ExecuteAsync(_sql.Set, partition, key, value, null, cancellationToken);
    }

    public async ValueTask<bool> SetIfAsync(string partition, ReadOnlyMemory<byte> key, ReadOnlyMemory<byte> value, KvPredicate predicate, CancellationToken cancellationToken = default)
    {
        KvGuard.Check(partition, key);
        var changed = predicate.MustBeAbsent
            ? await ExecuteAsync(_sql.InsertIfAbsent, partition, key, value, null, cancellationToken)
            : await ExecuteAsync(_sql.UpdateIfValue, partition, key, value, predicate.ExpectedValue, cancellationToken);
        return changed == 1;
    }

    public async ValueTask DeleteAsync(string partition, ReadOnlyMemory<byte> key, CancellationToken cancellationToken = default)
    {
        KvGuard.Check(partition, key);
        await ExecuteAsync(_sql.Delete, partition, key, null, null, cancellationToken);
    }

    public IAsyncEnumerable<KvEntry> ScanAsync(string partition, ReadOnlyMemory<byte> fromKey, CancellationToken cancellationToken = default)
    {
        // Checked here rather than in the iterator, so misuse fails at the call, not at the first MoveNext.
        KvGuard.CheckPartition(partition);
        return ScanIterator(partition, fromKey.ToArray(), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        _schemaLock.Dispose();
    }

    private async IAsyncEnumerable<KvEntry> ScanIterator(string partition, byte[] cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        var inclusive = true;
        var limit = ScanBatchRows;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Each batch is its own statement: no connection or snapshot is held while the caller works,
            // and continuing strictly after the last key seen never repeats an entry.
            var (batch, exhausted, bytes) = await ReadBatchAsync(partition, cursor, inclusive, limit, cancellationToken);
            foreach (var entry in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return entry;
            }

            if (exhausted)
            {
                yield break;
            }

            cursor = batch[^1].Key;
            inclusive = false;
            limit = (int)Math.Clamp(ScanBatchBytes / Math.Max(1, bytes / batch.Count), 1, ScanBatchRows);
        }
    }

    private async Task<(List<KvEntry> Batch, bool Exhausted, long Bytes)> ReadBatchAsync(
        string partition, byte[] cursor, bool inclusive, int limit, CancellationToken cancellationToken)
    {
        var batch = new List<KvEntry>();
        long bytes = 0;
        await using var command = Command(inclusive ? _sql.ScanFrom : _sql.ScanAfter, partition, cursor);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (bytes < ScanBatchBytes)
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return (batch, batch.Count < limit, bytes);
            }

            var entry = new KvEntry(
                await reader.GetFieldValueAsync<byte[]>(0, cancellationToken),
                await reader.GetFieldValueAsync<byte[]>(1, cancellationToken));
            bytes += entry.Key.Length + entry.Value.Length;
            batch.Add(entry);
        }

        return (batch, false, bytes);
    }

    private async ValueTask<int> ExecuteAsync(
        string sql, string partition, ReadOnlyMemory<byte> key, ReadOnlyMemory<byte>? value, ReadOnlyMemory<byte>? expected, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureSchemaAsync(cancellationToken);
        await using var command = Command(sql, partition, key);
        if (value is { } v)
        {
            command.Parameters.Add(Bytes(v));
        }

        if (expected is { } e)
        {
            command.Parameters.Add(Bytes(e));
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private NpgsqlCommand Command(string sql, string partition, ReadOnlyMemory<byte> key)
    {
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = partition, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(Bytes(key));
        return command;
    }

    private static NpgsqlParameter<ReadOnlyMemory<byte>> Bytes(ReadOnlyMemory<byte> bytes) =>
        new() { TypedValue = bytes, NpgsqlDbType = NpgsqlDbType.Bytea };

    private async ValueTask EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            await using var command = _dataSource.CreateCommand(_sql.CreateTable);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
            {
                // Another process created the table at the same moment: IF NOT EXISTS is not atomic.
            }

            _schemaReady = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }
}
